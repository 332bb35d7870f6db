"""One planned pull request of the sample: what it changes and how its body is (mis)written."""

ENHANCEMENTS = "https://github.com/tidewater-io/enhancements/issues/"
DOCS = "https://tidewater.example.org/docs/"


class E:
    """A pull request to generate.

    sig, kind and area are space-separated label suffixes ("" for none); text is the release note.
    special names a deliberate oddity of the body (see make_sample.BODY_SHAPES).
    """

    def __init__(self, sig, kind, area, text=None, *, key=None, title=None, kep=None, usage=None,
                 ar=False, special=None, author=None, why=None, labels=()):
        self.sigs = sig.split()
        self.kinds = kind.split()
        self.areas = area.split()
        self.text = text
        self.key = key
        self.title = title
        self.kep = kep
        self.usage = usage
        self.ar = ar
        self.special = special
        self.author = author
        self.why = why
        self.labels = list(labels)
        self.number = 0

    def docs_lines(self):
        lines = []
        if self.kep:
            lines.append(f"- [KEP]: {ENHANCEMENTS}{self.kep}")
        if self.usage:
            lines.append(f"- [Usage]: {DOCS}{self.usage}")
        return lines


IMPERATIVE = {
    "Added": "Add", "Fixed": "Fix", "Removed": "Remove", "Promoted": "Promote", "Deprecated": "Deprecate",
    "Updated": "Update", "Bumped": "Bump", "Changed": "Change", "Improved": "Improve", "Graduated": "Graduate",
    "Reduced": "Reduce", "Introduced": "Introduce", "Made": "Make", "Moved": "Move", "Renamed": "Rename",
    "Stopped": "Stop", "Allowed": "Allow", "Enabled": "Enable", "Disabled": "Disable", "Switched": "Switch",
    "Exposed": "Expose", "Corrected": "Correct", "Prevented": "Prevent", "Restored": "Restore",
    "Replaced": "Replace", "Dropped": "Drop", "Extended": "Extend", "Documented": "Document",
    "Rewrote": "Rewrite", "Hardened": "Harden", "Clarified": "Clarify", "Upgraded": "Upgrade",
    "Limited": "Limit", "Taught": "Teach", "Raised": "Raise", "Lowered": "Lower", "Increased": "Increase",
    "Decreased": "Decrease", "Simplified": "Simplify", "Split": "Split", "Tightened": "Tighten",
    "Relaxed": "Relax", "Redacted": "Redact", "Published": "Publish", "Shipped": "Ship", "Marked": "Mark",
    "Validated": "Validate", "Honoured": "Honour", "Respected": "Respect", "Avoided": "Avoid",
    "Surfaced": "Surface", "Aligned": "Align", "Unified": "Unify", "Migrated": "Migrate", "Accepted": "Accept",
    "Rejected": "Reject", "Skipped": "Skip", "Retried": "Retry", "Cached": "Cache", "Emitted": "Emit",
    "Recorded": "Record", "Wrote": "Write", "Sped": "Speed", "Cut": "Cut", "Began": "Begin",
}


def title_from(text, area):
    """A PR title in the usual imperative style, from the note's first sentence."""
    first = text.split("\n")[0].removeprefix("* ").split(". ")[0].split("; ")[0].rstrip(".:")
    if first.startswith("ACTION REQUIRED: "):
        first = first[len("ACTION REQUIRED: "):]
    word, _, rest = first.partition(" ")
    first = IMPERATIVE.get(word, word) + (" " + rest if rest else "")
    if len(first) > 88:
        first = first[:88].rsplit(" ", 1)[0].rstrip(",;:")
    prefix = {
        "agent": "agent", "tidectl": "tidectl", "scheduler": "scheduler", "apiserver": "apiserver",
        "installer": "tideadm", "controller": "controller", "proxy": "tide-proxy", "client-sdk": "client-sdk",
        "vm": "vm", "provider/aws": "aws", "provider/azure": "azure",
    }.get(area)
    return f"{prefix}: {first}" if prefix and not first.startswith("`") else first
