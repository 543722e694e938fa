/**
 * MAC address vendors from the IEEE Registration Authority's registries (MA-L, MA-M, MA-S, IAB).
 *
 * <p>{@link io.osprey.inventory.oui.OuiRegistry} answers lookups from a compact resource built ahead of time by
 * {@link io.osprey.inventory.oui.OuiRegistryBuilder} ({@code tools/refresh-oui.sh}), which cleans the registered
 * organization names with {@link io.osprey.inventory.oui.VendorNameCleaner} and the data files next to it. The
 * resource folder's README.md says where the data comes from and how to refresh it.
 */
package io.osprey.inventory.oui;
