#!/usr/bin/env bash
# Rebuilds Osprey's MAC vendor registry: osprey-inventory/src/main/resources/io/osprey/inventory/oui/oui-registry.bin.gz
#
# Reads the IEEE Registration Authority's public listings as Debian's package "ieee-data" installs them
# (apt-get install ieee-data; `update-ieee-data` from the same package fetches the current files from the IEEE):
#   /usr/share/ieee-data/oui.csv    MA-L (24-bit OUI)
#   /usr/share/ieee-data/mam.csv    MA-M (28-bit)
#   /usr/share/ieee-data/oui36.csv  MA-S (36-bit)
#   /usr/share/ieee-data/iab.csv    IAB  (36-bit, legacy)
# or the CSV files / folders given as arguments, in the same format (e.g. fresh downloads from
# https://standards-oui.ieee.org/oui/oui.csv, .../oui28/mam.csv, .../oui36/oui36.csv, .../iab/iab.csv, or
# ../shared/data/vuln/ieee-oui.csv). Vendor names are cleaned with the data files next to the resource
# (legal-forms.tsv, vendor-aliases.tsv); see README.md there.
#
# Usage: tools/refresh-oui.sh [SOURCE...]        (extra builder options: --mapping FILE writes a review TSV)
# Then run the module's tests (OuiDataTest checks counts against the listings) and commit the resource and the
# README's provenance line.
#
# Only the io.osprey.inventory.oui package is compiled (it depends on java.base alone), with javac, into
# osprey-inventory/target/refresh-oui: the refresh works even while other modules do not build.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
package=io/osprey/inventory/oui
sources=$root/osprey-inventory/src/main/java/$package
resources=$root/osprey-inventory/src/main/resources/$package
work=$root/osprey-inventory/target/refresh-oui
output=$resources/oui-registry.bin.gz

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

# Compile when a source or data file is newer than the last compilation.
if [[ ! -f $work/stamp ]] || [[ -n $(find "$sources" "$resources" -newer "$work/stamp" -type f -print -quit) ]]; then
  rm -rf "$work/classes"
  mkdir -p "$work/classes/$package"
  "${bin}javac" --release 25 -d "$work/classes" "$sources"/*.java
  cp "$resources"/*.tsv "$work/classes/$package/"
  touch "$work/stamp"
fi

args=()
if [[ $# -eq 0 ]]; then
  if [[ ! -f /usr/share/ieee-data/oui.csv ]]; then
    echo "refresh-oui: /usr/share/ieee-data is missing: apt-get install ieee-data, or pass IEEE CSV files" >&2
    exit 1
  fi
  version=$(dpkg-query -W -f='${Version}' ieee-data 2>/dev/null || echo unknown)
  fetched=$(date -u -d "@$(cat /usr/share/ieee-data/.lastupdate 2>/dev/null || echo 0)" +%F 2>/dev/null || echo unknown)
  args+=(--source-label "IEEE RA public listings (oui.csv MA-L, mam.csv MA-M, oui36.csv MA-S, iab.csv IAB) via Debian ieee-data $version, fetched $fetched")
  args+=(/usr/share/ieee-data)
fi

"${bin}java" -cp "$work/classes" io.osprey.inventory.oui.OuiRegistryBuilder --output "$output" "${args[@]}" "$@"
