#!/usr/bin/env bash
# Rebuild times of `comms serve` on the sample, once warm: edits one release's map (rebuilds that release and
# the site) and the shared content (rebuilds all three releases and the site), ten times each, and prints the
# times `comms serve` reports. Run from the repository root after `dotnet build -c Release src/Comms.Cli`.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=src/Comms.Cli/bin/Release/net10.0/comms.dll
log=$(mktemp)
CI=true dotnet "$tool" serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do grep -q '^Serving' "$log" && break; sleep 0.5; done
for target in release-notes/v2.4.0/maps/pr-3550-map.yaml content/about.md; do
  for _ in $(seq 1 10); do
    before=$(grep -c '^build ' "$log" || true)
    touch "$target"
    for _ in $(seq 1 100); do [ "$(grep -c '^build ' "$log" || true)" -gt "$before" ] && break; sleep 0.1; done
  done
done
grep '^build ' "$log" | sed -E 's/^build ([0-9]+): built (.*) in ([0-9]+) ms$/\1\t\3\t\2/' | awk -F'\t' '
  NR == 1 { printf "first build (cold, all releases): %d ms\n", $2; next }
  { key = ($3 ~ /,/) ? "content edit (all releases)" : "map edit (" $3 ")"; n[key]++; v[key, n[key]] = $2 }
  END {
    for (k in n) {
      m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      printf "%s: n=%d, median %d ms, min %d ms, max %d ms\n", k, m, a[int((m + 1) / 2)], a[1], a[m]
    }
  }'
