#!/usr/bin/env python3
"""Interrupted builds, measured: SIGKILL at random moments into a 10,000-PR `comms build`, and two concurrent builds.

Usage (from the repository root, after `dotnet build src/Comms.Cli -c Release`):
    python3 bench/interrupt/kill_random.py [--kills 30] [--seed 12]

For each kill: the output folder holds a complete build of run "Alpha"; a build of run "Beta" (every note names
its run) is started and killed with SIGKILL after a random delay within its measured duration. Then it checks
what a reader sees (hidden staging entries excluded): drafts and site from one run only, a site/ folder present;
runs the next build (one that fails on its input, so it only recovers) and checks again, and counts leftovers.
"""
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMS = os.path.join(ROOT, "src", "Comms.Cli", "bin", "Release", "net10.0", "comms.dll")


def notes(run, count):
    return {str(n): {"pr_number": n, "text": f"{run} change {n} to the kubelet", "kinds": ["feature" if n % 3 else "bug"],
                     "sigs": ["node" if n % 2 else "api-machinery"], "areas": ["kubelet"]} for n in range(1, count + 1)}


def build(pulls, out, *extra, wait=True):
    args = ["dotnet", COMMS, "build", "--pulls", pulls, "--version", "v1.0.0", "--out", out, *extra]
    p = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return p
    o, e = p.communicate()
    return p.returncode, o, e


def visible_runs(out):
    runs = set()
    for folder, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            text = open(os.path.join(folder, f), encoding="utf-8", errors="replace").read()
            runs.update(r for r in ("Alpha", "Beta") if f"{r} change" in text)
    return runs


def leftovers(out):
    found = []
    for folder, dirs, files in os.walk(out):
        found += [os.path.join(folder, e) for e in dirs + files if e.startswith(".") and e != ".comms.lock"]
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--prs", type=int, default=10000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="comms-kill-")
    try:
        for run in ("Alpha", "Beta"):
            json.dump(notes(run, a.prs), open(os.path.join(work, f"{run}.json"), "w"))
        base = os.path.join(work, "base")
        code, _, err = build(os.path.join(work, "Alpha.json"), base)
        assert code == 0, err
        t0 = time.monotonic()
        timing = os.path.join(work, "timing")
        shutil.copytree(base, timing)
        code, _, err = build(os.path.join(work, "Beta.json"), timing)
        duration = time.monotonic() - t0
        assert code == 0, err
        print(f"a {a.prs}-PR build takes {duration:.2f} s; killing at random points in [0, {duration:.2f}] s")
        stats = {"killed": 0, "finished first": 0, "mixed right after the kill": 0, "journal left": 0,
                 "no site/ after the kill": 0, "mixed after the next run": 0, "leftovers after the kill": 0,
                 "leftovers after the next run": 0, "state after": {"Alpha": 0, "Beta": 0}}
        for i in range(a.kills):
            out = os.path.join(work, f"k{i}")
            shutil.copytree(base, out)
            delay = rng.uniform(0, duration)
            p = build(os.path.join(work, "Beta.json"), out, wait=False)
            time.sleep(delay)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                stats["killed"] += 1
            else:
                stats["finished first"] += 1
            p.communicate()
            journal = os.path.exists(os.path.join(out, ".comms-commit.json"))
            stats["journal left"] += journal
            if not os.path.isdir(os.path.join(out, "site")):
                stats["no site/ after the kill"] += 1
            if len(visible_runs(out)) != 1 and not journal:
                stats["mixed right after the kill"] += 1
            stats["leftovers after the kill"] += bool(leftovers(out))
            code, _, err = build(os.path.join(work, "missing.json"), out)
            runs = visible_runs(out)
            if len(runs) != 1:
                stats["mixed after the next run"] += 1
            else:
                stats["state after"][runs.pop()] += 1
            stats["leftovers after the next run"] += len(leftovers(out))
            shutil.rmtree(out)
            print(f"  kill {i + 1:2}: after {delay:.2f} s, journal={journal}, next run exit {code}", flush=True)
        print(json.dumps(stats, indent=2))

        # Concurrency: v9.0.0 and, while it runs, v2.4.0 into one folder; both must end up on the site.
        out = os.path.join(work, "conc")
        first = subprocess.Popen(["dotnet", COMMS, "build", "--pulls", os.path.join(work, "Alpha.json"), "--version", "v9.0.0", "--out", out],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(min(2.0, duration / 3))
        second = subprocess.Popen(["dotnet", COMMS, "build", "--pulls", os.path.join(work, "Beta.json"), "--version", "v2.4.0", "--out", out],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        r1, r2 = first.communicate(), second.communicate()
        site = os.path.join(out, "site")
        print("concurrent: exit", first.returncode, second.returncode,
              "| second waited:", "Waiting for another build" in r2[1],
              "| v9.0.0 page:", os.path.exists(os.path.join(site, "release-9.0.0.html")),
              "| v2.4.0 page:", os.path.exists(os.path.join(site, "release-2.4.0.html")),
              "| leftovers:", len(leftovers(out)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
