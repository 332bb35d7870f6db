"""enhancements.yaml of each release: the release team's list of the enhancements it ships (no KEP folder here)."""

import json
import re

# One title per enhancement, as the release team would name it; a KEP number reused for other work says so.
TITLES = {
    164: "Live migration of virtual machines",
    184: "Tracing in the API server",
    187: "Gang scheduling",
    205: "Topology-aware volume binding",
    226: "Sidecar workloads",
    233: "Structured authentication configuration",
    298: "In-place workload resize",
    329: "Consistent lists from the watch cache",
    341: "Cross-namespace volume snapshots",
    356: "Job success policy",
    367: "Network policy logging",
    377: "Image volumes",
    389: "Traffic distribution for Services",
    392: "Device claims for GPUs and accelerators",
    412: "Container checkpoint and restore",
    418: "Volume attributes classes",
    455: "Swap limits for containers",
    459: "Projected token audiences",
    466: "Placement budgets",
    468: "Memory ballooning for virtual machines",
    471: "Device health in container status",
    474: "Node drain policies",
    480: "Dual-stack egress gateways",
}
RELEASE_TITLES = {("v2.2.0", 302): "nftables mode for tide-proxy", ("v2.4.0", 302): "Match conditions for admission webhooks"}

# What the release team wrote for the post, for the enhancements it expects to lead with.
SUMMARIES = {
    164: "Live migration moves a running virtual machine to another node without stopping it, so nodes that host "
         "VMs can be drained for maintenance like any other node.",
    187: "Gang scheduling places a group of workloads all at once or not at all, so distributed training and batch "
         "jobs no longer hold half their nodes while they wait for the rest.",
    233: "Structured authentication configuration replaces a long list of command-line flags with one versioned "
         "file, so several token issuers can be configured and changed without restarting the API server.",
    298: "In-place resize changes the CPU and memory of a running workload without restarting it, so a busy "
         "service can be given more room without dropping its connections.",
    455: "Swap limits let a container use a bounded amount of swap on nodes where swap is turned on, instead of "
         "all or none.",
    412: "Checkpoint and restore saves the state of a running container to disk and starts it again from there, "
         "on the same node or another one, for debugging and forensics.",
}

# Work the release notes mention that is not an enhancement of its own in that release (a design document).
NOT_SHIPPED = {("v2.4.0", 477)}


def stage_of(text):
    if re.search(r"\b(Graduated|Promoted)\b[^.]*\bto GA\b", text):
        return "stable"
    if re.search(r"\bPromoted\b[^.]*\bto beta\b", text):
        return "beta"
    return "alpha"


def render(version, entries):
    found = {}
    for entry in entries:
        if not entry.kep or (version, entry.kep) in NOT_SHIPPED or "design" in entry.kinds or "documentation" in entry.kinds:
            continue
        found.setdefault(entry.kep, (entry, stage_of(entry.text or "")))
    lines = [
        f"# The enhancements of Tidewater {version}, kept by the release team.",
        "# Each entry: id (the KEP number), title, stage, the owning SIG; summary where the team wrote one.",
        "enhancements:",
    ]
    for kep in sorted(found):
        entry, stage = found[kep]
        title = RELEASE_TITLES.get((version, kep), TITLES.get(kep))
        lines += [f"  - id: \"{kep}\"", f"    title: {json.dumps(title)}", f"    stage: {stage}", f"    sig: {entry.sigs[0]}"]
        if len(entry.sigs) > 1:
            lines.append(f"    sigs: [{', '.join(entry.sigs[1:])}]")
        if kep in SUMMARIES and (version, kep) not in RELEASE_TITLES:
            lines.append(f"    summary: {json.dumps(SUMMARIES[kep])}")
    return "\n".join(lines) + "\n"
