#!/usr/bin/env bash
# Paired comparison with git-cliff on the same merges: makes a repository whose first-parent history has one
# merge commit per synthetic PR (message "Merge pull request #N ..." + the PR's title as a conventional commit),
# times `git-cliff` (installed from npm into a temporary folder) writing its changelog, and `comms` on the same PRs.
# Usage: bench/synthetic/git-cliff.sh [N]   (default 10000). Needs git, node/npm, python3 and a Release build of comms.
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
comms="dotnet $repo_root/src/Comms.Cli/bin/Release/net10.0/comms.dll"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
cliff_ms=$(for i in 1 2 3 4 5; do time_it bash -c "cd '$work/repo' && '$cliff' --init >/dev/null 2>&1; '$cliff' -o '$work/CLIFF.md'"; done | median)
notes_ms=$(for i in 1 2 3 4 5; do time_it $comms notes --pulls "$work/pulls.ndjson" --out "$work/notes.json"; done | median)
changelog_ms=$(for i in 1 2 3 4 5; do time_it $comms changelog --notes "$work/notes.json" --style kubernetes --out "$work/CHANGELOG.md"; done | median)
build_ms=$(for i in 1 2 3 4 5; do rm -rf "$work/out"; time_it $comms build --pulls "$work/pulls.ndjson" --version v1.0.0 --out "$work/out" --config "$repo_root/content/comms.yaml"; done | median)
echo "merges=$n git_cliff_ms=$cliff_ms comms_notes_ms=$notes_ms comms_changelog_ms=$changelog_ms comms_build_ms=$build_ms"
echo "notes+changelog / git-cliff = $(python3 -c "print(round(($notes_ms + $changelog_ms) / $cliff_ms, 2))")x; build / git-cliff = $(python3 -c "print(round($build_ms / $cliff_ms, 2))")x"
