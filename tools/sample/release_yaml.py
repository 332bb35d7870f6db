"""release.yaml, the editorial input of each release: theme, highlights, embargo, quotes, contacts."""

import json

CONTACTS = """contacts:
  - name: Press team
    role: Tidewater press
    email: press@tidewater.example.org
  - name: Release team
    role: Tidewater release team
    email: release@tidewater.example.org
"""

RELEASES = {
    "v2.2.0": {
        "previous": "v2.1.0", "date": "2026-04-14", "codename": "Estuary",
        "theme": "Tidewater v2.2 brings virtual machines into the cluster as first-class workloads and starts "
                 "the move to a simpler, file-based configuration for authentication.",
        "quotes": [("Ingrid van Houten", "Release lead, Tidewater v2.2",
                    "Running VMs and containers on the same nodes was our most requested feature. v2.2 is the first release where you can try it end to end.")],
    },
    "v2.3.0": {
        "previous": "v2.2.0", "date": "2026-08-11", "codename": "Harbour",
        "theme": "Tidewater v2.3 makes nftables the default data path and takes live migration, gang scheduling "
                 "and sidecar workloads to beta.",
        "quotes": [("Pablo Arce", "Release lead, Tidewater v2.3",
                    "This release is about defaults. Features people tried in v2.2 are now on for everyone, and the networking data path is faster out of the box.")],
    },
    "v2.4.0": {
        "previous": "v2.3.0", "date": "2026-12-08", "codename": "Lighthouse",
        "theme": "Tidewater v2.4 graduates live migration of virtual machines, gang scheduling and structured "
                 "authentication to stable, and removes long-deprecated APIs so that clusters start 2027 on a clean base.",
        "author": "Ada Example (Tidewater v2.4 Release Team)",
        "editors": ["Kofi Mensah", "Lena Vogt"],
        "team": ("Ada Example", ["Lena Vogt", "Kofi Mensah", "Mariana Duarte"]),
        "highlights": ["kep:164", "gang-ga", "resize-beta", "authconfig-ga",
                       "text:Tidewater now runs on ARM64 control planes, with multi-architecture images for every component."],
        "embargo": "2026-12-08T16:00:00Z",
        # The cycle's milestones; the release is on a Tuesday, and the webinar about four weeks later.
        "dates": [("enhancements_freeze", "2026-09-18"), ("feature_blog_freeze", "2026-10-09"), ("code_freeze", "2026-10-23"),
                  ("sneak_peek", "2026-10-28"), ("feature_blogs_ready", "2026-11-06"), ("webinar", "2027-01-07")],
        # Three agreed posts, one with its day fixed; the others are scheduled by Comms.
        "feature_blogs": [("164", "Samira Bensaid", "Tomasz Nowak", "2026-12-09"), ("187", "Tomasz Nowak", "Samira Bensaid", None),
                          ("233", "Priya Raman", None, None)],
        "quotes": [("Ada Example", "Release lead, Tidewater v2.4",
                    "Lighthouse is the release where the VM work of the last two years becomes stable. We also cleared out APIs that were deprecated in v2.2, so read the upgrade notes before you upgrade."),
                   ("Samira Bensaid", "Chair, SIG Virtualization",
                    "Live migration being generally available means operators can drain nodes with VMs on them without a maintenance window.")],
    },
}


def q(text):
    return json.dumps(text, ensure_ascii=True)


def render(version, by_key):
    r = RELEASES[version]
    lines = [f"version: {version}", f"previous_version: {r['previous']}", f"release_date: {r['date']}",
             f"codename: {r['codename']}", f"theme: {q(r['theme'])}"]
    if "author" in r:
        lines.append(f"author: {q(r['author'])}")
        lines.append(f"editors: [{', '.join(r['editors'])}]")
        lead, comms = r["team"]
        lines += ["release_team:", f"  lead: {lead}", f"  comms: [{', '.join(comms)}]"]
    if "highlights" in r:
        lines.append("highlights:")
        for item in r["highlights"]:
            if item.startswith("text:"):
                lines.append(f"  - text: {q(item[5:])}")
            elif item.startswith("kep:"):
                lines.append(f"  - kep: \"{item[4:]}\"")
            else:
                lines.append(f"  - pr: {by_key[item].number}")
    if "embargo" in r:
        lines.append(f"embargo: {r['embargo']}")
    if "dates" in r:
        lines.append("dates:")
        lines += [f"  {key}: {day}" for key, day in r["dates"]]
    if "feature_blogs" in r:
        lines.append("feature_blogs:")
        for kep, writer, buddy, day in r["feature_blogs"]:
            lines.append(f"  - kep: \"{kep}\"")
            lines.append(f"    writer: {writer}")
            if buddy:
                lines.append(f"    buddy: {buddy}")
            if day:
                lines.append(f"    date: {day}")
    lines.append("quotes:")
    for name, role, text in r["quotes"]:
        lines += [f"  - name: {name}", f"    role: {role}", f"    text: {q(text)}"]
    return "\n".join(lines) + "\n" + CONTACTS
