#!/usr/bin/env python3
"""Writes N synthetic merged pull requests (GitHub REST objects, one per line: NDJSON) for `comms build --pulls`.

Deterministic: the same N gives the same file. Usage: make_pulls.py N out.ndjson
"""
import json
import random
import sys

SIGS = ["node", "api-machinery", "storage", "network", "apps", "auth", "cli", "scheduling", "instrumentation", "cloud-provider",
        "release", "testing", "windows", "autoscaling", "architecture"]
KINDS = ["feature", "bug", "cleanup", "deprecation", "api-change", "documentation", "failing-test", "regression", "flake"]
AREAS = ["kubelet", "kube-proxy", "apiserver", "kubectl", "etcd", "code-generation/deepcopy", "dependency", "test", "ipvs", "cri"]
WORDS = ("pod node volume scheduler cgroup controller watch cache webhook feature gate flag metric label selector quota "
         "endpoint service ingress token certificate proxy container image runtime sandbox plugin driver snapshot").split()


def main() -> None:
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(14)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            number = 100000 + i
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30)))
            kind = rnd.choice(KINDS)
            labels = [{"name": "kind/" + kind}, {"name": "sig/" + rnd.choice(SIGS)}]
            if rnd.random() < 0.3:
                labels.append({"name": "area/" + rnd.choice(AREAS)})
            if rnd.random() < 0.04:
                labels.append({"name": "release-note-action-required"})
            if rnd.random() < 0.25:
                note = "NONE"
                labels.append({"name": "release-note-none"})
            else:
                note = f"The `{rnd.choice(WORDS)}` {words}; see [the docs](https://example.org/docs/{number})."
            body = f"#### What this PR does\n\n{words}\n\n```release-note\n{note}\n```\n"
            if rnd.random() < 0.1:
                body += f"\n```docs\n[KEP]: https://github.com/kubernetes/enhancements/issues/{rnd.randint(1, 4000)}\n```\n"
            pull = {
                "number": number,
                "title": words[:60],
                "body": body,
                "labels": labels,
                "user": {"login": f"dev{rnd.randint(1, 3000)}"},
                "merged_at": f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:00:00Z",
                "merge_commit_sha": f"{number:040x}",
                "html_url": f"https://github.com/example/project/pull/{number}",
                "state": "closed",
            }
            f.write(json.dumps(pull, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
