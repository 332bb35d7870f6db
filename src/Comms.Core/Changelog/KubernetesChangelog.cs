using System.Globalization;
using System.Text;
using System.Text.Json;
using Comms.Core.Config;
using Comms.Core.Model;

namespace Comms.Core.Changelog;

/// <summary>
/// The Kubernetes-style changelog: Urgent Upgrade Notes, Changes by Kind, optional Dependencies.
/// Strict mode reproduces the Kubernetes tool's bytes, quirks included; the default fixes them: a
/// multi-kind action-required note is still urgent, and a note is listed once per section.
/// </summary>
public sealed partial class KubernetesChangelog(CommsConfig config, ChangelogOptions options)
{
    private readonly ChangelogSections _sections = new(config);

    public string Render(IEnumerable<ReleaseNote> allNotes)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(text, allNotes);
        return text.ToString();
    }

    /// <summary>
    /// Writes the changelog as it is composed, piece by piece (no whole-document string). Outside strict mode each piece is
    /// already safe where it stands: a list entry is its note's escaped Markdown (escaped again as a list item when it
    /// could read otherwise there: several lines, an indent, a fence, or a brace that a later <c>}</c> could close), and a
    /// heading or a security block is escaped as the block it is. A list item closes everything it opens, so nothing in one
    /// entry changes the meaning of another. What could (a line break the list does not indent, a fence in a top-level
    /// block, a link definition beside an image) sends the document through the whole-document pass instead, as before.
    /// </summary>
    public void Write(TextWriter output, IEnumerable<ReleaseNote> allNotes)
    {
        // Kubernetes leaves out do-not-publish notes only when no map touched them; Comms leaves them all out.
        var notes = allNotes.Where(n => !n.DoNotPublish || (options.Strict && n.IsMapped)).OrderBy(n => n.PrNumber).ToList();
        var security = notes.Where(n => n.DataFields.ContainsKey("cve")).ToList();
        var urgent = new List<string>();
        var byKind = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            var markdown = Entry(note);
            var multiKind = note.Kinds.Count > 1;
            if (note.ActionRequired && (!multiKind || !options.Strict))
            {
                urgent.Add(markdown);
                if (!multiKind || options.Strict)
                {
                    continue;
                }
            }

            foreach (var section in _sections.SectionsOf(note))
            {
                if (!byKind.TryGetValue(section, out var entries))
                {
                    byKind[section] = entries = [];
                }

                entries.Add(markdown);
            }
        }

        notes.Clear();
        var pieces = new List<Piece>();
        if (security.Count > 0)
        {
            AddSecurity(pieces, security);
        }

        if (urgent.Count > 0)
        {
            AddUrgent(pieces, Sorted(urgent));
        }

        if (byKind.Count > 0)
        {
            pieces.Add(new Piece("## Changes by Kind\n", PieceKind.Plain));
            foreach (var section in _sections.Order(byKind.Keys))
            {
                pieces.Add(new Piece("\n### " + section + "\n\n", PieceKind.Block));
                foreach (var entry in Sorted(byKind[section]))
                {
                    pieces.Add(new Piece(entry, PieceKind.Item));
                }
            }
        }

        if (options.Dependencies is { } dependencies)
        {
            pieces.Add(new Piece(Dependencies(dependencies), PieceKind.Block));
        }

        var trimmed = new TrailingNewlines(output);
        if (options.Strict)
        {
            // Strict mode reproduces the Kubernetes tool's bytes, unescaped.
            foreach (var piece in pieces)
            {
                trimmed.Write(piece.Kind == PieceKind.Item ? "- " + piece.Text + "\n" : piece.Text);
            }

            return;
        }

        if (options.WholeDocument || NeedsWholeDocument(pieces))
        {
            var whole = new StringBuilder();
            foreach (var piece in pieces)
            {
                if (piece.Kind == PieceKind.Item)
                {
                    whole.Append("- ").Append(piece.Text).Append('\n');
                }
                else
                {
                    whole.Append(piece.Text);
                }
            }

            output.Write(Markdown.SafeMarkdownText.EscapeDocument(whole.ToString().TrimEnd('\n') + "\n", config.Markdown));
            return;
        }

        // A '{' can open an attribute block that a '}' anywhere after it closes, as the whole-document pass saw it.
        var braceAfter = new bool[pieces.Count];
        for (int i = pieces.Count - 2, seen = 0; i >= 0; i--)
        {
            seen |= pieces[i + 1].Text.Contains('}', StringComparison.Ordinal) ? 1 : 0;
            braceAfter[i] = seen == 1;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var brace = braceAfter[i] && piece.Text.Contains('{', StringComparison.Ordinal);
            if (piece.Kind == PieceKind.Item)
            {
                if (brace || !ReadsAloneAsInList(piece.Text))
                {
                    trimmed.Write(Markdown.SafeMarkdownText.EscapePiece("- " + piece.Text + "\n", brace, config.Markdown));
                }
                else
                {
                    trimmed.Write("- ");
                    trimmed.Write(piece.Text);
                    trimmed.Write("\n");
                }
            }
            else
            {
                trimmed.Write(piece.Kind == PieceKind.Plain ? piece.Text : Markdown.SafeMarkdownText.EscapePiece(piece.Text, brace, config.Markdown));
            }
        }

        trimmed.End("\n");
    }

    private enum PieceKind
    {
        /// <summary>The changelog's own words: nothing to escape.</summary>
        Plain,

        /// <summary>A note's escaped entry, written as one list item (<c>- entry</c>).</summary>
        Item,

        /// <summary>Headings and blocks made of fields (a section title, a security advisory, dependencies): escaped as the block they are.</summary>
        Block,
    }

    private readonly record struct Piece(string Text, PieceKind Kind);

    /// <summary>
    /// Whether an escaped entry parses alone as it does as a list item: one line, not indented, no fence (a fence at the
    /// top level keeps its code as it is, one in a list item gets its tags broken). Otherwise it is escaped as the item.
    /// </summary>
    private static bool ReadsAloneAsInList(string entry) =>
        entry.Length > 0 && entry[0] is not (' ' or '\t') && !entry.Contains('\n', StringComparison.Ordinal) && !HasFence(entry);

    private static bool HasFence(string text) =>
        text.Contains("```", StringComparison.Ordinal) || text.Contains("~~~", StringComparison.Ordinal);

    /// <summary>
    /// What a piece could do to the pieces after it: a carriage return (a line the list item does not indent), a fence in
    /// a top-level block (left open, it would take in the entries after it), or a link definition where an image could use
    /// it (a definition is the whole document's). Any of them: the document is escaped as a whole.
    /// </summary>
    private static bool NeedsWholeDocument(List<Piece> pieces)
    {
        var definition = false;
        var image = false;
        foreach (var piece in pieces)
        {
            if (piece.Text.Contains('\r', StringComparison.Ordinal) || (piece.Kind == PieceKind.Block && HasFence(piece.Text)))
            {
                return true;
            }

            definition |= piece.Text.Contains("]:", StringComparison.Ordinal);
            image |= piece.Text.Contains("![", StringComparison.Ordinal);
        }

        return definition && image;
    }

    /// <summary>Writes text through, holding back trailing newlines: at the end they are dropped, or replaced by one.</summary>
    private sealed class TrailingNewlines(TextWriter output)
    {
        private int _held;

        public void Write(string text)
        {
            var end = text.Length;
            while (end > 0 && text[end - 1] == '\n')
            {
                end--;
            }

            if (end == 0)
            {
                _held += text.Length;
                return;
            }

            for (; _held > 0; _held--)
            {
                output.Write('\n');
            }

            output.Write(text.AsSpan(0, end));
            _held = text.Length - end;
        }

        public void End(string last) => output.Write(last);
    }

    /// <summary>
    /// The list entry of a note without its bullet. Strict mode takes the note's stored Markdown as
    /// Kubernetes does (stale after edits made outside a map); otherwise it is made from the fields.
    /// </summary>
    private string Entry(ReleaseNote note)
    {
        if (options.Strict)
        {
            return LeadingBullet().Replace(note.Markdown.Length > 0 ? note.Markdown : NoteMarkdown.Render(note, config, strict: true), string.Empty);
        }

        // Raw HTML from a PR shows as text wherever the changelog is published.
        return MarkdownText.EscapeHtml(LeadingBullet().Replace(NoteMarkdown.Render(note, config), string.Empty), config.Markdown);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-*]+\s+")]
    private static partial System.Text.RegularExpressions.Regex LeadingBullet();

    private List<string> Sorted(List<string> entries)
    {
        var sorted = entries.Order(StringComparer.Ordinal);
        return options.Strict ? sorted.ToList() : sorted.Distinct(StringComparer.Ordinal).ToList();
    }

    private void AddUrgent(List<Piece> pieces, List<string> urgent)
    {
        if (options.Strict)
        {
            // The Kubernetes template's spacing: a trailing space on the heading, items after the first
            // indented by one space, and a line of one space after the list.
            pieces.Add(new Piece("## Urgent Upgrade Notes \n\n### (No, really, you MUST read this before you upgrade)\n\n", PieceKind.Plain));
            foreach (var entry in urgent)
            {
                pieces.Add(new Piece("- " + entry + "\n ", PieceKind.Plain));
            }

            pieces.Add(new Piece("\n", PieceKind.Plain));
            return;
        }

        pieces.Add(new Piece("## Urgent Upgrade Notes\n\n### (No, really, you MUST read this before you upgrade)\n\n", PieceKind.Plain));
        foreach (var entry in urgent)
        {
            pieces.Add(new Piece(entry, PieceKind.Item));
        }

        pieces.Add(new Piece("\n", PieceKind.Plain));
    }

    private void AddSecurity(List<Piece> pieces, List<ReleaseNote> security)
    {
        pieces.Add(new Piece("## Important Security Information\n\nThis release contains changes that address the following vulnerabilities:\n", PieceKind.Plain));
        foreach (var note in security)
        {
            var cve = note.DataFields["cve"];
            string Field(string name) =>
                cve.ValueKind == JsonValueKind.Object && cve.TryGetProperty(name, out var v)
                    ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText()
                    : string.Empty;

            var text = new StringBuilder();
            text.Append("\n### ").Append(Field("id")).Append(": ").Append(Field("title")).Append("\n\n");
            text.Append(Field("description")).Append("\n\n");
            text.Append("**CVSS Rating:** ").Append(Field("rating")).Append(" (").Append(Field("score")).Append(")\n\n");
            text.Append("- ").Append(Entry(note)).Append('\n');
            pieces.Add(new Piece(text.ToString(), PieceKind.Block));
        }

        pieces.Add(new Piece("\n", PieceKind.Plain));
    }

    private static string Dependencies(DependencyChanges dependencies)
    {
        var text = new StringBuilder();
        text.Append("\n## Dependencies\n");
        Section(text, "Added", dependencies.Added.Select(d => $"{d.Module}: {d.Version}"));
        Section(text, "Changed", dependencies.Changed.Select(d => $"{d.Module}: {d.From} → {d.To}"));
        Section(text, "Removed", dependencies.Removed.Select(d => $"{d.Module}: {d.Version}"));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> entries)
    {
        var list = entries.Order(StringComparer.Ordinal).ToList();
        text.Append("\n### ").Append(title).Append('\n');
        if (list.Count == 0)
        {
            text.Append("_Nothing has changed._\n");
            return;
        }

        foreach (var entry in list)
        {
            text.Append("- ").Append(entry).Append('\n');
        }
    }
}
