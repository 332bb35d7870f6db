"""The editors' input of each release: release-notes maps and release.yaml."""

import json
import os

import enhancements_yaml
import release_yaml

from entry import DOCS, ENHANCEMENTS


def q(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=True)


def find(entries, by_key, ref):
    if ref in by_key:
        return by_key[ref]
    matches = [e for e in entries if e.text and e.text.startswith(ref) and not (e.special or "").startswith("cherry")]
    if len(matches) != 1:
        raise SystemExit(f"map target {ref!r} matches {len(matches)} entries")
    return matches[0]


def doc(pr, text=None, sigs=None, kinds=None, areas=None, docs=None, extra=(), note_extra=(), body=None):
    lines = [f"pr: {pr}", "releasenote:"]
    if text is not None:
        lines.append(f"  text: {q(text)}")
    for name, values in (("sigs", sigs), ("kinds", kinds), ("areas", areas)):
        if values is not None:
            lines.append(f"  {name}: [{', '.join(values)}]")
    if docs is not None:
        lines.append("  documentation:")
        for description, url, kind in docs:
            lines += [f"    - description: {q(description)}", f"      url: {q(url)}", f"      type: {kind}"]
    lines += [f"  {line}" for line in note_extra]
    if len(lines) == 2:
        lines.pop()
    lines += list(extra)
    lines.append(f"pr_body: {q(body) if body is not None else q('')}")
    return "\n".join(lines) + "\n"


def comms_fields(audiences, stability, highlight):
    return [f"audiences: [{', '.join(audiences)}]", f"stability: {stability}", f"highlight: {str(highlight).lower()}"]


def maps_v2_4(entries, by_key, bodies):
    def n(ref):
        return find(entries, by_key, ref).number

    def b(ref):
        return bodies[n(ref)]

    cve = [
        "datafields:", "  cve:", "    id: CVE-2026-31337",
        "    title: tide-agent follows symbolic links in subPath volume mounts",
        "    score: 7.5", "    rating: High",
        "    description: " + q("A workload with write access to a volume could create a symbolic link that tide-agent "
                                "followed when mounting a subPath, exposing files of the host to the workload."),
        f"    linkedPRs: [{n('cve-subpath')}]",
    ]
    return {
        "cni-bump": doc(n("cni-bump"), text="Updated the bundled CNI plugins to v1.9.0. The `firewall` plugin gained an nftables backend, and the `bridge` plugin no longer fails IPv6 duplicate address detection.", kinds=["dependency"], body=b("cni-bump")),
        "huge": doc(n("huge"), text="Fixed `tide-agent` using a full CPU core when the container runtime returned a malformed `ListContainers` response while containerd restarted."),
        "two-kinds": doc(n("two-kinds"), text="Fixed a Deployment with `spec.revisionHistoryLimit: 0` deleting its current ReplicaSet during a rollout. A limit of zero now keeps the current and the new ReplicaSet.", body=b("two-kinds")),
        "imagevol-beta": doc(n("imagevol-beta"), sigs=["node", "storage"]),
        "vm-console": doc(n("vm-console"), sigs=["cli", "virtualization"], areas=["tidectl", "vm"]),
        "prebind": doc(n("Added the `PreBind` extension point"), kinds=["api-change"], sigs=["scheduling"]),
        "no-kind-2": doc(n("no-kind-2"), kinds=["cleanup"], areas=["apiserver", "security"]),
        "riscv": doc(n("Published `tidectl` as a"), note_extra=["do_not_publish: true"]),
        "empty-mapped": doc(n("empty-mapped"), text="Added the `startLatency` field to `ContainerStarted` events, recording the time from a workload's admission on the node to its container starting.", kinds=["feature"], sigs=["node", "instrumentation"]),
        "checkpoint-beta": doc(n("checkpoint-beta"), text="Promoted the `AgentCheckpointRestore` feature gate to beta; it is now enabled by default. `tide-agent` checkpoints a running container to `/var/lib/tide-agent/checkpoints`, and `tidectl debug checkpoint` restores it on another node.", body=b("checkpoint-beta"))
        + "---\n" + doc(n("checkpoint-beta"), areas=["agent", "tidectl"], docs=[("[KEP]", f"{ENHANCEMENTS}412", "KEP"), ("[Usage]", f"{DOCS}tasks/debug/checkpoint-restore/", "official")], body=b("checkpoint-beta")),
        "deviceclaims-beta": doc(n("deviceclaims-beta"), extra=comms_fields(["vendor"], "beta", True), body=b("deviceclaims-beta")),
        "resize-beta": doc(n("resize-beta"), extra=comms_fields(["vendor"], "beta", True)),
        "cve-subpath": doc(n("cve-subpath"), areas=["agent", "security"], extra=cve, body=b("cve-subpath")),
        "jsdocs": doc(n("jsdocs"), docs=[("[Usage]", f"{DOCS}tasks/access-application-cluster/dashboard-behind-proxy/", "official"), ("[Demo]", "javascript:alert(document.cookie)", "external")]),
        "ar-unlabelled": doc(n("ar-unlabelled"), text="The scheduler's `NodeResourcesFit` plugin now uses the `MostAllocated` scoring strategy in the `batch` profile by default; set `scoringStrategy.type: LeastAllocated` in the profile to keep the old behaviour.", note_extra=["action_required: true"], body=b("ar-unlabelled")),
    }


def maps_v2_3(entries, by_key, bodies):
    def n(ref):
        return find(entries, by_key, ref).number

    cve = ["datafields:", "  cve:", "    id: CVE-2026-21544",
           "    title: tide-apiserver accepts expired client certificates after a CA reload",
           "    score: 6.5", "    rating: Medium",
           "    description: " + q("After the client CA bundle was reloaded, tide-apiserver kept a verified-certificate cache "
                                  "that ignored expiry for up to an hour."),
           f"    linkedPRs: [{n('cve-certs')}]"]
    return {
        "empty-mapped": doc(n("empty-mapped"), text="CronJobs now set the `app.tidewater.io/managed-by: cronjob-controller` label on the Jobs they create.", kinds=["feature"], sigs=["apps"]),
        "nftables-default": doc(n("nftables-default"), text="`nftables` is now the default mode of `tide-proxy` on new and upgraded nodes. Nodes with a kernel older than 5.13 must set `mode: iptables` in the proxy configuration before upgrading.", sigs=["network"], body=bodies[n("nftables-default")]),
        "gang-beta": doc(n("gang-beta"), extra=comms_fields(["end-user", "developer"], "beta", True)),
        "cve-certs": doc(n("cve-certs"), extra=cve),
    }


MAPS = {"v2.3.0": maps_v2_3, "v2.4.0": maps_v2_4}


def write_release(root, version, entries, by_key, bodies, write, clean):
    folder = os.path.join(root, "release-notes", version)
    maps_folder = os.path.join(folder, "maps")
    clean(maps_folder, "pr-", "-map.yaml")
    if version in MAPS:
        for _, text in sorted(MAPS[version](entries, by_key, bodies).items()):
            number = text.split("\n", 1)[0].split(": ")[1]
            write(os.path.join(maps_folder, f"pr-{number}-map.yaml"), text)
    write(os.path.join(folder, "release.yaml"), release_yaml.render(version, by_key))
    write(os.path.join(folder, "enhancements.yaml"), enhancements_yaml.render(version, entries))


MAP_WHAT = {
    "cni-bump": "text rewrite and kind set to `dependency`",
    "huge": "text rewrite (shorter, plainer)",
    "two-kinds": "text rewrite",
    "imagevol-beta": "SIG fix: `node` and `storage`",
    "vm-console": "SIG and area fix: `cli` and `virtualization`",
    "prebind": "kind change: `feature` to `api-change`",
    "no-kind-2": "adds the missing kind and areas",
    "riscv": "`do_not_publish: true`",
    "empty-mapped": "gives a note to a PR whose block was empty",
    "checkpoint-beta": "two YAML documents in one file: text, then areas and documentation",
    "deviceclaims-beta": "Comms fields: `audiences: [vendor]`, `stability: beta`, `highlight: true`",
    "resize-beta": "Comms fields: `audiences: [vendor]`, `stability: beta`, `highlight: true`",
    "cve-subpath": "`datafields.cve` (CVE-2026-31337)",
    "jsdocs": "documentation with a `javascript:` URL (hostile input the site must neutralise)",
    "ar-unlabelled": "text clean-up and `action_required: true`",
    "nftables-default": "text rewrite (drops the ACTION REQUIRED marker) and SIG",
    "gang-beta": "Comms fields: `audiences: [end-user, developer]`, `stability: beta`, `highlight: true`",
    "cve-certs": "`datafields.cve` (CVE-2026-21544)",
}


def maps_table(version, entries, by_key, bodies):
    if version not in MAPS:
        return ""
    lines = ["| map | what it does |", "|---|---|"]
    rows = []
    for name, text in MAPS[version](entries, by_key, bodies).items():
        number = text.split("\n", 1)[0].split(": ")[1]
        rows.append((f"`release-notes/{version}/maps/pr-{number}-map.yaml`", MAP_WHAT[name]))
    lines += [f"| {file} | {what} |" for file, what in sorted(rows)]
    return "\n".join(lines)
