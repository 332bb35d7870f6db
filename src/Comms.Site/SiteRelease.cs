using Comms.Core.Config;
using Comms.Core.Model;

namespace Comms.Site;

/// <summary>One release as the site shows it: its notes, its editorial data and its drafts.</summary>
public sealed record SiteRelease
{
    public required SemVersion Version { get; init; }
    public required IReadOnlyList<ReleaseNote> Notes { get; init; }

    /// <summary>The release date (YYYY-MM-DD) from release.yaml, if given.</summary>
    public DateOnly? Date { get; init; }
    public string? Codename { get; init; }

    /// <summary>The press embargo from release.yaml: the press brief is not published before it.</summary>
    public DateTimeOffset? Embargo { get; init; }
    public string? Theme { get; init; }

    /// <summary>PR numbers named as highlights in release.yaml.</summary>
    public IReadOnlyList<int> HighlightPrs { get; init; } = [];

    /// <summary>Markdown drafts, front matter removed.</summary>
    public SiteDrafts Drafts { get; init; } = new();

    /// <summary>The release's story as the drafts tell it (release.json): its spotlight, in order; empty without one.</summary>
    public IReadOnlyList<StoryItem> Story { get; init; } = [];

    /// <summary>The notes file the release was read from, for located errors.</summary>
    public string? Source { get; init; }
}

/// <summary>The Markdown drafts of a release found beside its notes.json.</summary>
public sealed record SiteDrafts
{
    /// <summary>The changelog: text, or the staged file the build wrote it into (read when its page is made).</summary>
    public Comms.Core.IO.DraftText? Changelog { get; init; }
    public string? BlogPost { get; init; }
    public string? BlogTitle { get; init; }

    /// <summary>The blog post's front matter says <c>draft: true</c>.</summary>
    public bool BlogIsDraft { get; init; }
    public string? PressBrief { get; init; }

    /// <summary>Audience id to the Markdown of its brief.</summary>
    public IReadOnlyDictionary<string, string> Briefs { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The drafts written in other languages (<c>&lt;lang&gt;/</c> beside these), by language: their blog post, press brief
    /// and briefs, translator markers removed. Each is published as its English page is.
    /// </summary>
    public IReadOnlyDictionary<string, SiteDrafts> Translations { get; init; } = new SortedDictionary<string, SiteDrafts>(StringComparer.Ordinal);

    /// <summary>Pages published as marked drafts (<c>--include-drafts</c>): <c>blog</c>, <c>press</c>, <c>brief-&lt;id&gt;</c>, <c>changelog</c>.</summary>
    public IReadOnlySet<string> Flagged { get; init; } = new SortedSet<string>(StringComparer.Ordinal);
}

/// <summary>An audience the site has a page and a feed for.</summary>
public sealed record SiteAudience(string Id, string Name)
{
    /// <summary>The audience's rules in order, each with the heading of its brief group (for the notes page's "Brief group" filter).</summary>
    public IReadOnlyList<SiteBriefRule> Rules { get; init; } = [];
}

/// <summary>One audience rule: its id and the title of the brief group it fills.</summary>
public sealed record SiteBriefRule(string Id, string Title);

/// <summary>Everything <see cref="SiteBuilder"/> needs.</summary>
public sealed record SiteRequest
{
    /// <summary>The folder the site is published to (it is replaced as a whole).</summary>
    public required string OutputFolder { get; init; }
    public required IReadOnlyList<SiteRelease> Releases { get; init; }
    public CommsConfig Config { get; init; } = CommsConfig.Kubernetes;
    public IReadOnlyList<SiteAudience> Audiences { get; init; } = DefaultAudiences;

    /// <summary>Theme folders searched in order for <c>site/</c> files: the user's theme first, then <c>themes/default</c>.</summary>
    public required IReadOnlyList<string> ThemeFolders { get; init; }

    /// <summary>Told as the pages are written, for a progress bar on large sites.</summary>
    public IProgress<SiteProgress>? Progress { get; init; }

    /// <summary>Cancels the build between pages (Ctrl-C).</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>The time the embargo is checked against: the build's clock, or <c>--now</c> for a reproducible build.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Publish drafts and embargoed pages anyway, each marked DRAFT and <c>noindex</c> (a preview).</summary>
    public bool IncludeDrafts { get; init; }

    public static readonly IReadOnlyList<SiteAudience> DefaultAudiences =
    [
        new("vendor", "Vendors"),
        new("end-user", "End users"),
        new("developer", "Developers"),
    ];
}

/// <summary>One spotlight story of the release: its title, the stage it reached (when an enhancement), and what it gives.</summary>
public sealed record StoryItem(string Title, string? Stage, string? Text)
{
    /// <summary>
    /// The spotlight of a release.json (its <c>highlights</c>, each enhancement's stage from its <c>enhancements</c>);
    /// empty when the file is missing or not the shape the build writes.
    /// </summary>
    public static IReadOnlyList<StoryItem> Read(string? releaseJson)
    {
        if (string.IsNullOrEmpty(releaseJson))
        {
            return [];
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(releaseJson, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("highlights", out var highlights) || highlights.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return [];
            }

            var stages = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("enhancements", out var enhancements) && enhancements.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var e in enhancements.EnumerateArray())
                {
                    if (e.ValueKind == System.Text.Json.JsonValueKind.Object && Str(e, "id") is { } id && Str(e, "stage") is { } stage)
                    {
                        stages.TryAdd(id, stage);
                    }
                }
            }

            return highlights.EnumerateArray()
                .Where(h => h.ValueKind == System.Text.Json.JsonValueKind.Object && Str(h, "title") is { Length: > 0 })
                .Select(h => new StoryItem(Str(h, "title")!, Str(h, "enhancement") is { } id && stages.TryGetValue(id, out var stage) ? stage : null, Str(h, "text")))
                .ToArray();
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static string? Str(System.Text.Json.JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
}
