#!/usr/bin/env python3
"""Writes the Tidewater sample data set: three releases of GitHub REST pull objects, maps and release.yaml.

Deterministic: a fixed seed, no clock, sorted output. Run from anywhere:
    python3 tools/sample/make_sample.py
Running it twice gives byte-identical files.
"""

import datetime as dt
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import editorial  # noqa: E402
import notes_v2_2  # noqa: E402
import oddities  # noqa: E402
import notes_v2_3  # noqa: E402
import notes_v2_4  # noqa: E402
import people  # noqa: E402
from bodies import body  # noqa: E402
from entry import E, title_from  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REPO = "https://github.com/tidewater-io/tidewater"
SEED = 20261208

RELEASES = [
    # version, module, PR number range, first and last merge date, release branch
    ("v2.2.0", notes_v2_2, (3100, 3199), ("2025-12-16", "2026-04-07"), "release-2.2"),
    ("v2.3.0", notes_v2_3, (3300, 3399), ("2026-04-15", "2026-08-04"), "release-2.3"),
    ("v2.4.0", notes_v2_4, (3500, 3799), ("2026-08-12", "2026-12-03"), "release-2.4"),
]


def sha(*parts):
    return hashlib.sha1("/".join(str(p) for p in parts).encode()).hexdigest()


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def plan(version, module, rng):
    """The release's entries in merge order: main-branch PRs shuffled, NONE PRs mixed in, cherry-picks last."""
    entries = list(module.ENTRIES)
    for (sig, kind, area, title), none_value in zip(module.NONE_TITLES, module.NONE_VARIANTS):
        entry = E(sig, kind, area, None, special="none", title=title)
        entry.none_value = none_value
        entries.append(entry)
    rng.shuffle(entries)
    return entries + list(module.CHERRY_PICKS)


def merge_times(rng, count, first, last):
    start = dt.datetime.fromisoformat(first + "T08:00:00+00:00")
    span = int((dt.datetime.fromisoformat(last + "T20:00:00+00:00") - start).total_seconds())
    return [start + dt.timedelta(seconds=s) for s in sorted(rng.sample(range(span), count))]


def authors_for(entries, module, rng, version):
    first_timers = {key: login for key, login in zip(module.FIRST_TIMER_KEYS, people.FIRST_TIMERS)}
    pool = [p for p in people.MEMBERS + people.CONTRIBUTORS if version != "v2.4.0" or p not in people.RETIRED]
    rng.shuffle(pool)
    result = []
    for entry in entries:
        if entry.special and entry.special.startswith("cherry"):
            result.append(people.BOT)
        elif entry.key in first_timers:
            result.append(first_timers[entry.key])
        elif pool:
            result.append(pool.pop())
        else:
            result.append(rng.choice(people.MEMBERS + people.CONTRIBUTORS))
    return result, set(first_timers.values())


def labels_for(entry, rng):
    names = [f"kind/{k}" for k in entry.kinds] + [f"sig/{s}" for s in entry.sigs] + [f"area/{a}" for a in entry.areas]
    special = entry.special or ""
    if special in ("none", "nonecmd", "nonelabel-note", "noblock-nonelabel"):
        names.append("release-note-none")
    elif special != "noblock":
        names.append("release-note")
    if entry.ar:
        names.append("release-note-action-required")
    if special.startswith("cherry"):
        names.append("cherry-pick-approved")
    names += ["lgtm", "approved", "size/" + rng.choice(["XS", "S", "M", "M", "L", "XL"])]
    if rng.random() < 0.4:
        names.append(rng.choice(["priority/important-soon", "priority/important-longterm", "priority/critical-urgent"]))
    if rng.random() < 0.6:
        names.append("triage/accepted")
    return sorted(set(names + entry.labels))


def pull(entry, number, merged, author, first_timers, rng, branch, by_key, version):
    original = None
    if entry.special and entry.special.startswith("cherry:"):
        source = by_key[entry.special.split(":", 1)[1]]
        original = (source.number, source.login)
    elif entry.special and entry.special.startswith("cherry-missing:"):
        original = (int(entry.special.split(":", 1)[1]), rng.choice(people.MEMBERS))
    created = merged - dt.timedelta(days=rng.randint(1, 24), minutes=rng.randint(5, 1400))
    title = entry.title or title_from(entry.text, entry.areas[0] if entry.areas else "")
    if original:
        title = f"Automated cherry pick of #{original[0]}: {title_from(entry.text, entry.areas[0])}"
    head = f"{author}:{'automated-cherry-pick-of-#%d-upstream-%s' % (original[0], branch) if original else 'pr-%d' % number}"
    return {
        "number": number,
        "state": "closed",
        "title": title,
        "user": {"login": author, "html_url": f"https://github.com/{author}", "type": "Bot" if author == people.BOT else "User"},
        "body": body(entry, rng, rng.randint(number - 400, number - 1), getattr(entry, "none_value", "NONE"), original),
        "labels": [{"name": name} for name in labels_for(entry, rng)],
        "created_at": stamp(created),
        "updated_at": stamp(merged + dt.timedelta(minutes=rng.randint(1, 180))),
        "closed_at": stamp(merged),
        "merged_at": stamp(merged),
        "merge_commit_sha": sha("tidewater-io/tidewater", "merge", number),
        "html_url": f"{REPO}/pull/{number}",
        "author_association": people.association(author, first_timers),
        "draft": False,
        "merged": True,
        "milestone": {"title": version[:-2]},
        "head": {"ref": head.split(":", 1)[1], "sha": sha("tidewater-io/tidewater", "head", number), "label": head},
        "base": {"ref": branch if original else "main", "sha": sha("tidewater-io/tidewater", "base", number)},
    }


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def clean(folder, prefix, suffix):
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.startswith(prefix) and name.endswith(suffix):
                os.remove(os.path.join(folder, name))


def make_release(version, module, numbers, dates, branch, rng):
    entries = plan(version, module, rng)
    low, high = numbers
    chosen = sorted(rng.sample(range(low, high + 1), len(entries)))
    times = merge_times(rng, len(entries), *dates)
    logins, first_timers = authors_for(entries, module, rng, version)
    by_key = {}
    for entry, number, login in zip(entries, chosen, logins):
        entry.number, entry.login = number, login
        if entry.key:
            by_key[entry.key] = entry
    folder = os.path.join(ROOT, "content", "sample", "releases", version, "pulls")
    clean(folder, "pull-", ".json")
    bodies = {}
    for entry, merged in zip(entries, times):
        obj = pull(entry, entry.number, merged, entry.login, first_timers, rng, branch, by_key, version)
        bodies[entry.number] = obj["body"]
        write(os.path.join(folder, f"pull-{entry.number}.json"), json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
    return entries, by_key, bodies


def main():
    rng = random.Random(SEED)
    tables = {}
    for version, module, numbers, dates, branch in RELEASES:
        entries, by_key, bodies = make_release(version, module, numbers, dates, branch, rng)
        editorial.write_release(ROOT, version, entries, by_key, bodies, write, clean)
        tables[f"{{oddities {version}}}"] = oddities.table(version, entries)
        tables[f"{{maps {version}}}"] = editorial.maps_table(version, entries, by_key, bodies)
        print(f"{version}: {len(entries)} pull requests")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.template.md"), encoding="utf-8") as handle:
        readme = handle.read()
    for placeholder, table in tables.items():
        readme = readme.replace(placeholder, table)
    write(os.path.join(ROOT, "content", "sample", "README.md"), readme)


if __name__ == "__main__":
    main()
