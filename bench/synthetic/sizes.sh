#!/usr/bin/env bash
# `comms build` at several sizes, as a user runs it: the published tool (artifacts/native/comms, made by
# `dotnet publish src/Comms.Cli -c Release -r linux-x64 -o artifacts/native`), or COMMS_TOOL, on make_pulls.py inputs
# with the sample's settings (English only; the whole-file limit raised for the larger inputs). Each run is timed by
# /usr/bin/time (wall, user + system CPU, peak RSS) with COMMS_TIMINGS=1, so the stage times come from the same run.
# COMMS_BASE=path/to/other/comms (the commit before, published the same way) is run in turn with it (A B A B ...).
# Usage: [RUNS=3] [WARMUP=0] [COMMS_TOOL=...] [COMMS_BASE=...] bench/synthetic/sizes.sh [N ...]   (default: 1000 10000 100000)
# Prints, per size and tool: median wall, CPU and peak RSS over the runs, and the stage times of the median run.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/../.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
runs=${RUNS:-3}
if [ -n "${COMMS_TOOL:-}" ]; then tool=$COMMS_TOOL
elif [ -x "$repo_root/artifacts/native/comms" ]; then tool=$repo_root/artifacts/native/comms
else tool="dotnet $repo_root/src/Comms.Cli/bin/Release/net10.0/comms.dll"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/content" && cp "$repo_root/content/about.md" "$repo_root/content/audiences.yaml" "$repo_root/content/groups.yaml" "$work/content/"
(grep -v '^locales:' "$repo_root/content/comms.yaml"; printf '\nlimits:\n  max_json_file_bytes: 1073741824\n') > "$work/content/comms.yaml"
echo "commit $(git -C "$repo_root" rev-parse --short HEAD), tool: $tool${COMMS_BASE:+, base: $COMMS_BASE}, runs: $runs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

one() { # $1 label, $2 size, rest: the tool
  local label=$1 n=$2; shift 2
  local out="$work/out-$label" log="$work/$label-$n-$(date +%s%N)"
  rm -rf "$out"
  # From the work folder: each tool finds no project around it and uses the theme it ships with.
  (cd "$work" && COMMS_TIMINGS=1 /usr/bin/time -f 'TIME %e %U %S %M' "$@" build --pulls "$work/pulls-$n.ndjson" --version v1.0.0 \
    --out "$out" --config "$work/content/comms.yaml" >"$log.out" 2>"$log.err") || { echo "$label failed at $n:"; tail -5 "$log.err"; exit 1; }
  echo "$log" >> "$work/runs-$label-$n"
}

for n in "${sizes[@]}"; do
  python3 "$repo_root/bench/synthetic/make_pulls.py" "$n" "$work/pulls-$n.ndjson"
  # One warm-up of each (file cache), then the runs in turn.
  if [ "${WARMUP:-1}" = 1 ]; then
    one warm "$n" $tool
    [ -n "${COMMS_BASE:-}" ] && one warmbase "$n" $COMMS_BASE
  fi
  for _ in $(seq "$runs"); do
    one tool "$n" $tool
    [ -n "${COMMS_BASE:-}" ] && one base "$n" $COMMS_BASE
  done
  for label in tool base; do
    [ -f "$work/runs-$label-$n" ] || continue
    python3 - "$label" "$n" "$work/runs-$label-$n" <<'PY'
import re, statistics, sys
label, n, listing = sys.argv[1], int(sys.argv[2]), sys.argv[3]
runs = []
for base in open(listing).read().split():
    err = open(base + ".err").read()
    t = re.search(r"TIME (\S+) (\S+) (\S+) (\d+)", err)
    stages = re.findall(r"timing: (.+?)\s+(\d+) ms", err)
    runs.append((float(t.group(1)), float(t.group(2)) + float(t.group(3)), int(t.group(4)) / 1024, stages))
runs.sort(key=lambda r: r[0])
mid = runs[len(runs) // 2]
print(f"{n:,} PRs, {label}: wall {statistics.median(r[0] for r in runs):.2f} s (min {runs[0][0]:.2f}, max {runs[-1][0]:.2f}), "
      f"cpu {statistics.median(r[1] for r in runs):.2f} s, peak RSS {statistics.median(r[2] for r in runs):,.0f} MB")
# The drafts' templates and the site's draft pages are summed (one line per draft otherwise).
merged = {}
for s, ms in mid[3]:
    s = s.strip()
    key = "drafts' templates" if s.startswith(("template ", "escape+tidy ")) else "site draft pages" if s.startswith("draft page ") else s
    merged[key] = merged.get(key, 0) + int(ms)
print("  stages of the median run (ms): " + "; ".join(f"{k} {v}" for k, v in merged.items()))
PY
  done
  rm -f "$work/pulls-$n.ndjson"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
