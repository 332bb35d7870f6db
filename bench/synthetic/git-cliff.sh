#!/usr/bin/env bash
# Paired comparison with git-cliff on the same merges: makes a repository whose first-parent history has one
# merge commit per synthetic PR (message "Merge pull request #N ..." + the PR's title as a conventional commit),
# times `git-cliff` (installed from npm into a temporary folder) writing its changelog, and `comms` on the same PRs.
# Usage: [RUNS=5] [COMMS_TOOL=path/to/comms] [COMMS_BASE=other/comms.dll] bench/synthetic/git-cliff.sh [N]   (default
# 10000; 1000, 10000, 100000, 300000 in bench/README.md). Times the published native tool (artifacts/native/comms, made by
# `dotnet publish src/Comms.Cli -c Release -r linux-x64 -o artifacts/native`) when it is there, else the Release build's
# comms.dll; COMMS_TOOL names another. Needs git, node/npm and python3. Prints min / median / max and the ratios.
set -euo pipefail
n=${1:-10000}
repo_root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$repo_root/bench/synthetic/make_pulls.py" "$n" "$work/pulls.ndjson"
python3 - "$work/pulls.ndjson" "$work/stream" <<'PY'
import json, sys
kinds = {"feature": "feat", "bug": "fix", "cleanup": "refactor", "deprecation": "feat", "api-change": "feat",
         "documentation": "docs", "failing-test": "test", "regression": "fix", "flake": "test"}
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    t = 1700000000
    for mark, line in enumerate(f, start=1):
        p = json.loads(line)
        kind = next(l["name"][5:] for l in p["labels"] if l["name"].startswith("kind/"))
        msg = f"{kinds[kind]}: {p['title']} (#{p['number']})\n\n{p['body']}"
        data = msg.encode()
        out.write(f"commit refs/heads/main\nmark :{mark}\ncommitter Dev <dev@example.org> {t + mark} +0000\ndata {len(data)}\n")
        out.write(msg + "\n")
        if mark > 1:
            out.write(f"from :{mark - 1}\n")
        out.write(f"M 644 inline file.txt\ndata {len(str(mark))}\n{mark}\n\n")
PY
git init -q "$work/repo"
git -C "$work/repo" fast-import --quiet < "$work/stream"
git -C "$work/repo" checkout -q main
(cd "$work" && npm install --silent --no-audit --no-fund git-cliff@2.14.2 >/dev/null)
cliff="$work/node_modules/.bin/git-cliff"
if [ -n "${COMMS_TOOL:-}" ]; then comms=$COMMS_TOOL
elif [ -x "$repo_root/artifacts/native/comms" ]; then comms=$repo_root/artifacts/native/comms
else comms="dotnet $repo_root/src/Comms.Cli/bin/Release/net10.0/comms.dll"; fi
echo "comms: $comms"
# COMMS_BASE=/path/to/other/comms.dll also times that build (e.g. the commit before a change, built from `git archive`).
base=${COMMS_BASE:+dotnet $COMMS_BASE}
runs=${RUNS:-5}
# Over 64 MiB of pulls the commit before streaming needed a raised whole-file limit: the same config for both.
mkdir -p "$work/content" && cp "$repo_root/content/about.md" "$repo_root/content/audiences.yaml" "$repo_root/content/groups.yaml" "$work/content/"
# The sample's settings, English only (the benchmarks time what git-cliff makes: one changelog, in English).
(grep -v '^locales:' "$repo_root/content/comms.yaml"; printf '\nlimits:\n  max_json_file_bytes: 268435456\n') > "$work/content/comms.yaml"
config="$work/content/comms.yaml"
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
cliff_run() { (cd "$work/repo" && "$cliff" -o "$work/CLIFF.md"); }
nc_run() { $comms notes --pulls "$work/pulls.ndjson" --out "$work/notes.json" && $comms changelog --notes "$work/notes.json" --style kubernetes --out "$work/CHANGELOG.md"; }
build_run() { $comms build --pulls "$work/pulls.ndjson" --version v1.0.0 --out "$work/out" --config "$config"; }
base_run() { $base build --pulls "$work/pulls.ndjson" --version v1.0.0 --out "$work/out-base" --config "$config"; }
(cd "$work/repo" && "$cliff" --init >/dev/null 2>&1)
# One warm-up of each, then the commands in turn (A B C A B C ...), so a drift of the shared machine hits them all alike.
cliff_run >/dev/null 2>&1; nc_run >/dev/null 2>&1; build_run >/dev/null 2>&1; [ -n "$base" ] && base_run >/dev/null 2>&1
: > "$work/times"
for i in $(seq "$runs"); do
  echo "cliff $(ms cliff_run)" >> "$work/times"
  echo "nc $(ms nc_run)" >> "$work/times"
  echo "build $(ms build_run)" >> "$work/times"
  [ -n "$base" ] && echo "base $(ms base_run)" >> "$work/times"
done
python3 - "$work/times" "$n" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    k, v = line.split(); t.setdefault(k, []).append(int(v))
def row(k): v = sorted(t[k]); return f"{v[0]} / {statistics.median(v):.0f} / {v[-1]} ms"
names = {"cliff": "git-cliff -o CHANGELOG.md", "nc": "comms notes + comms changelog", "build": "comms build", "base": "comms build (COMMS_BASE)"}
print(f"merges={sys.argv[2]} runs={len(t['cliff'])} (min / median / max)")
for k in t: print(f"  {names[k]:32} {row(k)}" + ("" if k == "cliff" else f"   {statistics.median(t[k]) / statistics.median(t['cliff']):.2f}x git-cliff"))
if "base" in t: print(f"  build / base build: {statistics.median(t['build']) / statistics.median(t['base']):.2f}x")
PY
