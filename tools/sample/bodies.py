"""PR bodies in the Tidewater template, with the deliberate oddities the sample needs."""

from prose import LOG_MESSAGES, REVIEWER, WHY


NO_KIND = "<!--\nAdd one of the following kinds:\n/kind bug\n/kind cleanup\n/kind documentation\n/kind feature\n-->"


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def huge_log(rng, size=50_000):
    lines = []
    second = 0
    while sum(len(line) + 2 for line in lines) < size:
        level, where, message = LOG_MESSAGES[rng.randrange(len(LOG_MESSAGES))]
        second += rng.randint(0, 3)
        stamp = f"1103 14:{22 + second // 60:02d}:{second % 60:02d}.{rng.randrange(1_000_000):06d}"
        lines.append(f"{level}{stamp}    2231 {where}] {message}")
    return "\n".join(lines)


def description(entry, rng, issue):
    kind = entry.kinds[0] if entry.kinds else ""
    why = entry.why or rng.choice(WHY.get(kind, WHY[""]))
    return why, (f"Part of tidewater-io/enhancements#{entry.kep}" if entry.kep else f"Fixes #{issue}")


def note_block(entry, none_value):
    s = entry.special or ""
    if s == "none":
        return f"```release-note\n{none_value}\n```"
    if s == "empty":
        return "```release-note\n\n```"
    if s == "untagged":
        return f"```\n{entry.text}\n```"
    if s in ("noblock", "noblock-nonelabel"):
        return None
    if s == "nonecmd":
        return "/release-note-none"
    if s == "unclosed":
        return f"```release-note\n{entry.text}\n"
    return f"```release-note\n{entry.text}\n```"


def docs_block(entry):
    lines = entry.docs_lines()
    if entry.special == "jsdocs":
        lines = ["- [Usage]: https://tidewater.example.org/docs/tasks/access-application-cluster/dashboard-behind-proxy/",
                 "- [Demo]: javascript:alert(document.cookie)"]
    return "```docs\n" + "\n".join(lines) + "\n```"


def body(entry, rng, issue, none_value, original=None):
    """The PR body, with GitHub's \\r\\n line endings."""
    if entry.special and entry.special.startswith("cherry"):
        return crlf(f"This is an automated cherry-pick of #{original[0]}\n\n/assign {original[1]}\n\n"
                    f"```release-note\n{entry.text}\n```")

    why, fixes = description(entry, rng, issue)
    block = note_block(entry, none_value)
    if entry.special in ("noblock", "noblock-nonelabel"):
        # An old-style body from a fork that never picked up the template.
        return crlf(f"{why}\n\n{fixes}\n")

    parts = ["#### What type of PR is this?", "\n".join(f"/kind {k}" for k in entry.kinds) or NO_KIND,
             "#### What this PR does / why we need it:", why]
    if entry.special == "huge":
        parts.append("Agent log from the affected node while the runtime restarted:\n\n<details><summary>tide-agent log"
                     "</summary>\n\n```\n" + huge_log(rng) + "\n```\n\n</details>")
    parts += ["#### Which issue(s) this PR fixes:", fixes, "#### Special notes for your reviewer:"]
    reviewer = rng.choice(REVIEWER)
    if reviewer:
        parts.append(reviewer)
    parts.append("#### Does this PR introduce a user-facing change?")
    if entry.special == "nonecmd":
        parts.append("No user-facing change.\n\n/release-note-none")
        return crlf("\n\n".join(parts))
    parts.append(block)
    if entry.special == "unclosed":
        # The author forgot the closing fence; nothing follows it.
        return crlf("\n\n".join(parts))
    parts.append("#### Additional documentation e.g., enhancement proposals (TEPs), usage docs, etc.:")
    parts.append(docs_block(entry))
    return crlf("\n\n".join(parts) + "\n")
