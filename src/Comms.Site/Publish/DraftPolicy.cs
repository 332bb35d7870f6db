using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;

namespace Comms.Site.Publish;

/// <summary>
/// What of a release's drafts may be published now: a blog post marked <c>draft: true</c>, a press brief that is
/// still a draft (no release date) or under embargo until a time still ahead of <paramref name="now"/>, and any
/// page still holding a placeholder such as <c>[AUTHOR NAME]</c> are left out, with a message. With
/// <c>--include-drafts</c> (a preview) they are published, each page with a DRAFT banner and <c>noindex</c>.
/// </summary>
public static partial class DraftPolicy
{
    [GeneratedRegex(@"\A---\r?\n(?:.*\r?\n)*?draft:\s*true\s*\r?\n(?:.*\r?\n)*?---", RegexOptions.IgnoreCase)]
    private static partial Regex DraftFrontMatter();

    // "[AUTHOR NAME]", "[EDITOR NAMES]", "[RELEASE TEAM: …]", "[PRESS TEAM]", "[CONFIRM: …]", "[TO CONFIRM …]", "[QUOTE: …]",
    // "[ABOUT: …]", "[CONTACT: …]", "[Describe what … does for users.]".
    [GeneratedRegex(@"\[(?:AUTHOR NAMES?|EDITOR NAMES?|RELEASE TEAM(?::[^\]\n]*)?|CONFIRM(?::[^\]\n]*)?|TO CONFIRM[^\]\n]*|QUOTE(?::[^\]\n]*)?|ABOUT(?::[^\]\n]*)?|CONTACT(?::[^\]\n]*)?|RELEASE LEAD|PRESS TEAM|TODO[^\]\n]*|TBD|FIXME[^\]\n]*|Describe [^\]\n]*)\](?!\()")]
    private static partial Regex Placeholder();

    /// <summary>The placeholders that hold a page back, for the preview to highlight.</summary>
    public static Regex PlaceholderPattern => Placeholder();

    public const string BlogPage = "blog";
    public const string PressPage = "press";

    /// <summary>Whether a draft's front matter says <c>draft: true</c>.</summary>
    public static bool IsDraft(string markdown) => DraftFrontMatter().IsMatch(markdown);

    public static IReadOnlyList<SiteRelease> Apply(IReadOnlyList<SiteRelease> releases, DateTimeOffset now, bool includeDrafts, DiagnosticBag d) =>
        releases.Select(r => Apply(r, now, includeDrafts, d)).ToArray();

    private static SiteRelease Apply(SiteRelease release, DateTimeOffset now, bool includeDrafts, DiagnosticBag d)
    {
        var drafts = release.Drafts;
        var flagged = new SortedSet<string>(StringComparer.Ordinal);
        string? Check(string page, string? markdown, string? why)
        {
            if (markdown is null)
            {
                return null;
            }

            var placeholder = Placeholder().Match(markdown);
            why ??= placeholder.Success ? $"it still holds the placeholder {placeholder.Value}" : null;
            if (why is null)
            {
                return markdown;
            }

            if (includeDrafts)
            {
                flagged.Add(page);
                return markdown;
            }

            d.Warning(SiteCodes.DraftWithheld,
                $"the {page} page of {release.Version.Text} is not published: {why} (--include-drafts publishes it as a marked draft)", release.Source);
            return null;
        }

        var blog = Check(BlogPage, drafts.BlogPost, drafts.BlogIsDraft ? "it is marked draft: true" : null);
        var pressWhy = release.Embargo is { } embargo && embargo > now
            ? $"it is under embargo until {embargo:yyyy-MM-dd HH:mm} UTC"
            // The state comes from the release (release.yaml has no release date yet), never from the brief's text:
            // a theme may move or reword its state line.
            : drafts.PressBrief is not null && release.Date is null ? "it is a draft (the release has no release date yet)" : null;
        var press = Check(PressPage, drafts.PressBrief, pressWhy);
        var briefs = drafts.Briefs
            .Select(kv => (kv.Key, Text: Check($"brief-{kv.Key}", kv.Value, null)))
            .Where(kv => kv.Text is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Text!, StringComparer.Ordinal);
        // The changelog may be a staged file: it is read here for the check and kept where it is.
        var changelog = drafts.Changelog is { } draft && Check("changelog", draft.Read(), null) is not null ? draft : null;
        // A translation is published as its English page is: never a page the English one is held back for.
        var translations = drafts.Translations.ToDictionary(t => t.Key, t => t.Value with
        {
            BlogPost = blog is null ? null : t.Value.BlogPost,
            BlogTitle = blog is null ? null : t.Value.BlogTitle,
            PressBrief = press is null ? null : t.Value.PressBrief,
            Briefs = new SortedDictionary<string, string>(t.Value.Briefs.Where(b => briefs.ContainsKey(b.Key)).ToDictionary(), StringComparer.Ordinal),
            Flagged = flagged,
        }, StringComparer.Ordinal);
        return release with
        {
            Drafts = drafts with
            {
                BlogPost = blog,
                BlogTitle = blog is null ? null : drafts.BlogTitle,
                PressBrief = press,
                Changelog = changelog,
                Briefs = new SortedDictionary<string, string>(briefs, StringComparer.Ordinal),
                Flagged = flagged,
                Translations = new SortedDictionary<string, SiteDrafts>(translations, StringComparer.Ordinal),
            },
        };
    }
}
