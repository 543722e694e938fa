package io.osprey.inventory;

/**
 * Why Osprey believes one attribute of a device: the value, the observation's source (protocol, registry or
 * rule) and how sure it is, in [0, 1].
 */
public record Evidence(String attribute, String value, String source, double confidence) {}
