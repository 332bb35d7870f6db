#!/usr/bin/env bash
# The native tool against the JIT-compiled one: publishes `comms` as NativeAOT (dotnet publish -c Release -r linux-x64,
# needs clang and lld), builds the sample and 1,000 synthetic PRs with both and compares every output byte for byte
# (drafts, notes.json, release.json, calendar, the whole site), runs `comms notes` / `comms changelog` with both, then
# starts `comms serve` from the native binary, fetches a page and the live-reload script, edits a map and waits for
# the rebuild. Usage: bench/native/check.sh [published-folder]  (default: publishes into artifacts/native).
# Exit 0 when everything matches; prints the first differences otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
native_dir=$(cd "${1:-$root/artifacts/native}" 2>/dev/null && pwd || echo "${1:-$root/artifacts/native}")
if [ -z "${1:-}" ]; then
  dotnet publish src/Comms.Cli -c Release -r linux-x64 -o "$native_dir" -nologo -v quiet
fi
dotnet build src/Comms.Cli -c Release -nologo -v quiet >/dev/null
native="$native_dir/comms"
jit="dotnet $root/src/Comms.Cli/bin/Release/net10.0/comms.dll"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
status=0

sample() { # $1 = folder, rest = tool: the sample project as committed, built in its own copy
  local dir=$1; shift
  mkdir -p "$dir" && git archive HEAD content release-notes themes | tar -x -C "$dir"
  (cd "$dir" && "$@" build --now 2026-12-01T00:00:00Z >"$dir.out" 2>&1) || true
}
sample "$work/jit" $jit
sample "$work/native" "$native"
if diff -r "$work/jit" "$work/native" >"$work/diff" && diff "$work/jit.out" "$work/native.out" >>"$work/diff"; then
  echo "sample build: identical ($(find "$work/jit" -type f | wc -l) files, console output too)"
  # ... and the drafts are the ones committed (the approved files' source), e.g. the calendar written without Ical.Net.
  if git diff --no-index --quiet -- release-notes "$work/native/release-notes"; then echo "sample drafts: as committed"
  else echo "sample drafts: differ from the committed ones"; git diff --no-index --stat -- release-notes "$work/native/release-notes" | tail -5; status=1; fi
else
  echo "sample build: DIFFERENT"; head -40 "$work/diff"; status=1
fi

python3 bench/synthetic/make_pulls.py 1000 "$work/pulls.ndjson"
for tool in jit native; do
  cmd=$([ $tool = jit ] && echo "$jit" || echo "$native")
  mkdir -p "$work/$tool-1k"
  $cmd build --pulls "$work/pulls.ndjson" --version v1.0.0 --now 2026-12-01T00:00:00Z --out "$work/$tool-1k/out" >"$work/$tool-1k.log" 2>&1 || true
  $cmd notes --pulls "$work/pulls.ndjson" --out "$work/$tool-1k/notes.json" >>"$work/$tool-1k.log" 2>&1 || true
  $cmd changelog --notes "$work/$tool-1k/notes.json" --style kubernetes --out "$work/$tool-1k/CHANGELOG.md" >>"$work/$tool-1k.log" 2>&1 || true
done
# The console output names each run's own folder: compared without it.
sed -i "s|$work/jit-1k|OUT|g" "$work/jit-1k.log"; sed -i "s|$work/native-1k|OUT|g" "$work/native-1k.log"
if diff -r "$work/jit-1k" "$work/native-1k" >"$work/diff1k" && diff "$work/jit-1k.log" "$work/native-1k.log" >>"$work/diff1k"; then
  echo "1,000 PRs (build, notes, changelog): identical ($(find "$work/jit-1k" -type f | wc -l) files)"
else
  echo "1,000 PRs: DIFFERENT"; head -40 "$work/diff1k"; status=1
fi

"$native" --help >/dev/null && echo "comms --help: exit 0"

# comms serve from the native binary: first build, a page, the reload script, a rebuild after an edit.
(cd "$work/native" && CI=true "$native" serve --port 0 >"$work/serve.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do grep -q '^Serving' "$work/serve.log" && break; sleep 0.25; done
url=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+/' "$work/serve.log" | head -1 || true)
if [ -n "$url" ] && curl -fsS "$url" -o "$work/index.html" && grep -q '<html' "$work/index.html"; then
  before=$(grep -c '^build ' "$work/serve.log" || true)
  touch "$work/native/content/about.md"
  for _ in $(seq 1 100); do [ "$(grep -c '^build ' "$work/serve.log" || true)" -gt "$before" ] && break; sleep 0.1; done
  if [ "$(grep -c '^build ' "$work/serve.log" || true)" -gt "$before" ]; then
    echo "comms serve (native): serves $url and rebuilt after an edit ($(grep '^build ' "$work/serve.log" | tail -1))"
  else
    echo "comms serve (native): no rebuild after an edit"; cat "$work/serve.log"; status=1
  fi
else
  echo "comms serve (native): did not serve"; cat "$work/serve.log"; status=1
fi
exit $status
