#!/usr/bin/env python3
"""SIGTERM (or SIGINT) at chosen moments of a large `comms build`: how long it takes to end, the exit code, and
whether what a reader sees changed.

Usage (from the repository root, after `dotnet build src/Comms.Cli -c Release`):
    python3 bench/interrupt/sigterm.py [--prs 250000] [--at 5,15,30,45,60,75,90,105] [--signal TERM]

The output folder first holds a complete build of a small release (1,000 PRs); the large build (make_pulls.py, --prs
PRs, the JSON limit raised in a copy of content/) is started into it and signalled --at seconds after its start.
For each moment: seconds from the signal to the end, exit code, the last line, whether every visible file is byte for
byte as before, the hidden entries left (staging), and those left after the next run (a build that fails on its
input, so it only recovers). One run without a signal gives the build's own duration and outcome.
"""
import argparse, hashlib, os, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMS = os.path.join(ROOT, "src", "Comms.Cli", "bin", "Release", "net10.0", "comms.dll")


def build_args(pulls, out, config):
    return ["dotnet", COMMS, "build", "--pulls", pulls, "--version", "v1.0.0", "--out", out, "--config", config]


def visible(out):
    seen = {}
    for folder, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                path = os.path.join(folder, f)
                seen[os.path.relpath(path, out)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return seen


def hidden(out):
    found = []
    for folder in (out, os.path.dirname(out)):
        found += [e for e in os.listdir(folder) if e.startswith(".") and e != ".comms.lock"]
    for folder, dirs, files in os.walk(out):
        found += [os.path.join(folder, e) for e in dirs + files if e.startswith(".") and e != ".comms.lock" and folder != out]
    return sorted(set(found))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prs", type=int, default=250000)
    ap.add_argument("--at", default="5,15,30,45,60,75,90,105")
    ap.add_argument("--signal", default="TERM")
    ap.add_argument("--work", default=None, help="a folder to keep the inputs in between runs")
    ap.add_argument("--no-full", action="store_true", help="skip the run without a signal")
    a = ap.parse_args()
    sig = getattr(signal, "SIG" + a.signal)
    work = a.work or tempfile.mkdtemp(prefix="comms-sigterm-")
    os.makedirs(work, exist_ok=True)
    make = os.path.join(ROOT, "bench", "synthetic", "make_pulls.py")
    pulls = os.path.join(work, f"pulls-{a.prs}.ndjson")
    if not os.path.exists(pulls):
        subprocess.run([sys.executable, make, str(a.prs), pulls], check=True)
    small = os.path.join(work, "pulls-1000.ndjson")
    if not os.path.exists(small):
        subprocess.run([sys.executable, make, "1000", small], check=True)
    content = os.path.join(work, "content")
    os.makedirs(content, exist_ok=True)
    for f in ("about.md", "audiences.yaml", "groups.yaml"):
        shutil.copy(os.path.join(ROOT, "content", f), content)
    config = os.path.join(content, "comms.yaml")
    with open(config, "w") as out:
        # The sample's settings, English only (translations would add drafts the measurements before did not have).
        sample = "".join(line for line in open(os.path.join(ROOT, "content", "comms.yaml")) if not line.startswith("locales:"))
        out.write(sample + "\nlimits:\n  max_json_file_bytes: 536870912\n")

    base = os.path.join(work, "base", "out")
    shutil.rmtree(os.path.dirname(base), ignore_errors=True)
    os.makedirs(os.path.dirname(base))
    done = subprocess.run(build_args(small, base, config), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before = visible(base)

    if not a.no_full:
        full = os.path.join(work, "full", "out")
        shutil.rmtree(os.path.dirname(full), ignore_errors=True)
        shutil.copytree(os.path.dirname(base), os.path.dirname(full), symlinks=True)
        t0 = time.monotonic()
        done = subprocess.run(build_args(pulls, full, config), cwd=ROOT, capture_output=True, text=True)
        duration = time.monotonic() - t0
        last = (done.stderr.strip().splitlines() or [""])[-1]
        print(f"{a.prs} PRs, no signal: {duration:.1f} s, exit {done.returncode}; last line: {last}", flush=True)
        shutil.rmtree(os.path.dirname(full), ignore_errors=True)

    print("| signal at | ended after the signal | exit | visible files as before | hidden left | left after the next run | last line |")
    print("|---:|---:|---:|---|---:|---:|---|", flush=True)
    for at in [float(x) for x in a.at.split(",")]:
        out = os.path.join(work, f"at-{at:g}", "out")
        shutil.rmtree(os.path.dirname(out), ignore_errors=True)
        shutil.copytree(os.path.dirname(base), os.path.dirname(out), symlinks=True)
        p = subprocess.Popen(build_args(pulls, out, config), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(at)
        if p.poll() is not None:
            print(f"| {at:g} s | (ended first, exit {p.returncode}) | | | | | |", flush=True)
            continue
        t1 = time.monotonic()
        p.send_signal(sig)
        _, err = p.communicate()
        took = time.monotonic() - t1
        same = visible(out) == before
        left = len(hidden(out))
        subprocess.run(build_args(os.path.join(work, "missing.ndjson"), out, config), cwd=ROOT, capture_output=True, text=True)
        after = len(hidden(out))
        same_after = visible(out) == before
        last = (err.strip().splitlines() or [""])[-1]
        print(f"| {at:g} s | {took:.2f} s | {p.returncode} | {'yes' if same and same_after else 'NO'} | {left} | {after} | {last[:90]} |", flush=True)
        shutil.rmtree(os.path.dirname(out), ignore_errors=True)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
