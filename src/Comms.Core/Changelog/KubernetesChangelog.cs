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

        var text = new StringBuilder();
        if (security.Count > 0)
        {
            WriteSecurity(text, security);
        }

        if (urgent.Count > 0)
        {
            WriteUrgent(text, Sorted(urgent));
        }

        if (byKind.Count > 0)
        {
            text.Append("## Changes by Kind\n");
            foreach (var section in _sections.Order(byKind.Keys))
            {
                text.Append("\n### ").Append(section).Append("\n\n");
                foreach (var entry in Sorted(byKind[section]))
                {
                    text.Append("- ").Append(entry).Append('\n');
                }
            }
        }

        if (options.Dependencies is { } dependencies)
        {
            WriteDependencies(text, dependencies);
        }

        var result = text.ToString();

        // Strict mode reproduces the Kubernetes tool's bytes; otherwise the whole page is checked once more in context.
        return options.Strict ? result.TrimEnd('\n') : Markdown.SafeMarkdownText.EscapeDocument(result.TrimEnd('\n') + "\n", config.Markdown);
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

    private void WriteUrgent(StringBuilder text, List<string> urgent)
    {
        if (options.Strict)
        {
            // The Kubernetes template's spacing: a trailing space on the heading, items after the first
            // indented by one space, and a line of one space after the list.
            text.Append("## Urgent Upgrade Notes \n\n### (No, really, you MUST read this before you upgrade)\n\n");
            foreach (var entry in urgent)
            {
                text.Append("- ").Append(entry).Append("\n ");
            }

            text.Append('\n');
            return;
        }

        text.Append("## Urgent Upgrade Notes\n\n### (No, really, you MUST read this before you upgrade)\n\n");
        foreach (var entry in urgent)
        {
            text.Append("- ").Append(entry).Append('\n');
        }

        text.Append('\n');
    }

    private void WriteSecurity(StringBuilder text, List<ReleaseNote> security)
    {
        text.Append("## Important Security Information\n\nThis release contains changes that address the following vulnerabilities:\n");
        foreach (var note in security)
        {
            var cve = note.DataFields["cve"];
            string Field(string name) =>
                cve.ValueKind == JsonValueKind.Object && cve.TryGetProperty(name, out var v)
                    ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText()
                    : string.Empty;

            text.Append("\n### ").Append(Field("id")).Append(": ").Append(Field("title")).Append("\n\n");
            text.Append(Field("description")).Append("\n\n");
            text.Append("**CVSS Rating:** ").Append(Field("rating")).Append(" (").Append(Field("score")).Append(")\n\n");
            text.Append("- ").Append(Entry(note)).Append('\n');
        }

        text.Append('\n');
    }

    private static void WriteDependencies(StringBuilder text, DependencyChanges dependencies)
    {
        text.Append("\n## Dependencies\n");
        Section(text, "Added", dependencies.Added.Select(d => $"{d.Module}: {d.Version}"));
        Section(text, "Changed", dependencies.Changed.Select(d => $"{d.Module}: {d.From} → {d.To}"));
        Section(text, "Removed", dependencies.Removed.Select(d => $"{d.Module}: {d.Version}"));
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
