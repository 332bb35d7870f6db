using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Comms.Core.Compose;
using Comms.Core.Config;

namespace Comms.Templates.Drafts;

/// <summary>
/// <c>translation.md</c> beside a language's drafts: per draft, the passages left in English (between the translator
/// markers) and their words, where the draft is published on a Hugo website with one folder per language, and the
/// phrases the language's table does not give yet. Written from the language's own table.
/// </summary>
public static partial class Translation
{
    [GeneratedRegex(@"^(date|slug):\s*""?([^""\n]+?)""?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterField();

    /// <summary>The English passages of a translated draft, markers removed.</summary>
    public static IEnumerable<string> Passages(string draft)
    {
        var at = 0;
        while ((at = draft.IndexOf(PhraseFunctions.MarkerStart, at, StringComparison.Ordinal)) >= 0)
        {
            var start = at + PhraseFunctions.MarkerStart.Length;
            var end = draft.IndexOf(PhraseFunctions.MarkerEnd, start, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return draft[start..end];
            at = end + PhraseFunctions.MarkerEnd.Length;
        }
    }

    /// <summary>The draft with its English passages taken out: the text the language's table wrote, and the data.</summary>
    public static string WithoutPassages(string draft)
    {
        var text = new StringBuilder();
        var at = 0;
        int start;
        while ((start = draft.IndexOf(PhraseFunctions.MarkerStart, at, StringComparison.Ordinal)) >= 0)
        {
            var end = draft.IndexOf(PhraseFunctions.MarkerEnd, start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            text.Append(draft, at, start - at).Append(' ');
            at = end + PhraseFunctions.MarkerEnd.Length;
        }

        return text.Append(draft, at, draft.Length - at).ToString();
    }

    private static int Words(string text) => text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;

    public static string Report(string locale, IReadOnlyList<(string Name, string Text)> drafts, ReleaseModel release, CommsConfig config, Phrases p)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(p.Format("translation.title", ("language", p.Text("language.name")), ("project", config.Project.Name),
            ("version", DraftModel.ShortVersion(release.Release.Version)))).Append("\n\n");
        text.Append(p.Format("translation.intro", ("start", "`" + PhraseFunctions.MarkerStart + "`"), ("end", "`" + PhraseFunctions.MarkerEnd + "`"))).Append("\n\n");
        text.Append("| ").Append(p.Text("translation.columns")).Append(" |\n|---|---:|---:|---|\n");
        var (passages, words) = (0, 0);
        foreach (var (name, draft) in drafts)
        {
            var own = Passages(draft).ToArray();
            var count = own.Sum(Words);
            passages += own.Length;
            words += count;
            text.Append("| [").Append(name).Append("](").Append(name).Append(") | ")
                .Append(own.Length.ToString("N0", p.Culture)).Append(" | ")
                .Append(count.ToString("N0", p.Culture)).Append(" | ")
                .Append(Published(locale, draft) is { } path ? "`" + path + "`" : "-").Append(" |\n");
        }

        text.Append("| **").Append(p.Text("translation.total")).Append("** | **").Append(passages.ToString("N0", p.Culture)).Append("** | **")
            .Append(words.ToString("N0", p.Culture)).Append("** | |\n\n");
        var missing = p.Missing;
        text.Append("## ").Append(p.Text("translation.missing.heading")).Append("\n\n");
        if (missing.Count == 0)
        {
            text.Append(p.Format("translation.missing.none", ("file", $"locales/{locale}.yaml"))).Append('\n');
        }
        else
        {
            text.Append(p.Format("translation.missing.some", ("n", missing.Count), ("file", $"locales/{locale}.yaml"))).Append("\n\n");
            foreach (var key in missing)
            {
                text.Append("- `").Append(key).Append("`\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Where a post with front matter goes on a Hugo website with a content folder per language; null for a draft that is not a post.</summary>
    public static string? Published(string locale, string draft)
    {
        var end = draft.StartsWith("---\n", StringComparison.Ordinal) ? draft.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return null;
        }

        var fields = FrontMatterField().Matches(draft[..end]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        return fields.TryGetValue("slug", out var slug) && fields.TryGetValue("date", out var date)
            ? string.Create(CultureInfo.InvariantCulture, $"content/{locale}/blog/_posts/{date}-{slug}.md")
            : null;
    }
}
