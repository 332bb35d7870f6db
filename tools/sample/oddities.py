"""The table of deliberate oddities in content/sample/README.md, with the PR numbers of this run."""

WHAT = {
    "none": "note says NONE (or `none`, `\"NONE\"`, `N/A`, `NA`, `None`), label `release-note-none`",
    "nonecmd": "no block; the body says `/release-note-none`",
    "empty": "empty ```` ```release-note ```` block (warning CM2001)",
    "noblock": "no release-note block at all (an old body without the template)",
    "noblock-nonelabel": "no block, label `release-note-none`",
    "untagged": "the note is in an untagged ```` ``` ```` fence, so it is not taken (warning CM2002)",
    "unclosed": "the release-note block is never closed (warning CM2004)",
    "nonelabel-note": "a real note, but the label `release-note-none` (kept in JSON as `do_not_publish`)",
    "star": "the note is a single `* ` list item (the marker is dropped)",
    "multiline": "a multi-line note with a bulleted `* ` list (turned into `- `)",
    "huge": "a body of about 50 KB (an agent log pasted in a `<details>` block)",
    "xss": "the note holds `<script>alert(1)</script>` and `<img src=x onerror=...>`: must render as text",
    "jsdocs": "the docs block and its map hold a `javascript:` link: must never become a live link",
    "cherry:": "bot cherry-pick onto `release-2.4` whose original PR is in the same folder",
    "cherry-missing:": "bot cherry-pick whose original PR is not in the folder",
}

KEYS = {"ar-unlabelled": "the note says \"Action required:\" without the label (warning CM2006); a map sets `action_required`",
        "two-kinds": "two kinds (`bug`, `api-change`)", "no-kind": "no kind label", "no-kind-2": "no kind and no area label; a map adds them",
        "empty-mapped": "empty block; a map gives it a note"}


def table(version, entries):
    rows = {}
    for entry in entries:
        special = entry.special or ""
        key = next((k for k in WHAT if special == k or (k.endswith(":") and special.startswith(k))), None)
        if key:
            rows.setdefault(WHAT[key], []).append(entry.number)
        if entry.key in KEYS:
            rows.setdefault(KEYS[entry.key], []).append(entry.number)
    lines = [f"| {version} PRs | what is odd on purpose |", "|---|---|"]
    for what, numbers in sorted(rows.items(), key=lambda item: min(item[1])):
        lines.append(f"| {', '.join('#%d' % n for n in sorted(numbers))} | {what} |")
    return "\n".join(lines)
