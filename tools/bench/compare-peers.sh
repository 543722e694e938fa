#!/usr/bin/env bash
# Whole-process comparison of `osprey scan --format json` with tcpdump, p0f and tshark on one capture,
# each pinned to one core (taskset -c 0), median of N runs; prints a Markdown table.
#   tools/bench/compare-peers.sh bench/bench.pcap [RUNS] [PEERS...]
# Build the capture with ../shared/bench/make-bench-pcap.sh bench/bench.pcap 200 (Debian: wireshark-common,
# tcpreplay). Peers: Debian packages tcpdump, p0f, tshark. Needs GNU time (/usr/bin/time).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
capture=${1:?usage: compare-peers.sh CAPTURE [RUNS] [PEERS...]}
runs=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
peers=("$@"); [[ ${#peers[@]} -gt 0 ]] || peers=(osprey tcpdump p0f tshark)
packets=$(capinfos -c -M "$capture" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/osprey" --version >/dev/null   # build outside the measurement

command_for() {
  case $1 in
    osprey)  echo "$here/osprey scan -q --format json -o $tmp/out.json $capture" ;;
    tcpdump) echo "tcpdump -r $capture -w /dev/null" ;;
    p0f)     echo "p0f -r $capture -o $tmp/p0f.log" ;;
    tshark)  echo "tshark -r $capture" ;;
  esac
}

echo "| tool | median wall time (s) | packets/s | peak RSS (MB) | runs |"
echo "|---|---|---|---|---|"
for peer in "${peers[@]}"; do
  cmd=$(command_for "$peer")
  : > "$tmp/times"
  for _ in $(seq "$runs"); do
    rm -f "$tmp/p0f.log"
    /usr/bin/time -f "%e %M" -o "$tmp/t" taskset -c 0 $cmd >/dev/null 2>&1 || true
    cat "$tmp/t" >> "$tmp/times"
  done
  read -r wall rss < <(sort -n "$tmp/times" | awk '{a[NR]=$1; r[NR]=$2} END {m=int((NR+1)/2); print a[m], r[m]}')
  pps=$(awk -v p="$packets" -v t="$wall" 'BEGIN {printf "%.2f M", p / t / 1e6}')
  echo "| $peer | $wall | $pps | $((rss / 1024)) | $runs |"
done
