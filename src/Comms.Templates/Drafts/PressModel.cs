using System.Globalization;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Enhancements;

namespace Comms.Templates.Drafts;

/// <summary>
/// What the press brief and the announcement email say, in plain words (no code names): the state line, the
/// headline, three key messages and the numbers. The numbers are the ones release.json records: both read the
/// same composed release.
/// </summary>
internal static class PressModel
{
    public static Dictionary<string, object?> Build(ReleaseModel release, CommsConfig config)
    {
        var r = release.Release;
        var s = release.Stats;
        var name = $"{config.Project.Name} {DraftModel.ShortVersion(r.Version)}";
        var state = r.ReleaseDate is null ? "draft" : r.Embargo is not null ? "embargoed" : "release";
        var dateline = state switch
        {
            "draft" => "DRAFT — NOT FOR DISTRIBUTION",
            "embargoed" => $"EMBARGOED UNTIL {r.Embargo!.Value.ToString("MMMM d, yyyy 'AT' HH:mm 'UTC'", CultureInfo.InvariantCulture).ToUpperInvariant()}",
            _ => $"FOR IMMEDIATE RELEASE — {r.ReleaseDate!.Value.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}",
        };
        var spotlight = release.Highlights.Select(h => TemplateFunctions.Press(HighlightTitle.Of(h))).Where(t => t.Length > 0).ToArray();
        var counts = s.Enhancements is { Total: > 0 } c && release.HasEnhancementData ? c : null;
        var what = counts is not null
            ? $"{TemplateFunctions.Count(counts.Total, "enhancement")}: {TemplateFunctions.Words(counts.Stable)} graduating to stable, {TemplateFunctions.Words(counts.Beta)} in beta and {TemplateFunctions.Words(counts.Alpha)} new in alpha"
            : $"{TemplateFunctions.Count(s.Notes, "documented change")}";
        var story = r.Theme is { Length: > 0 } theme
            ? TemplateFunctions.Press(theme)
            : $"{name} brings {what}.";
        var users = spotlight.Length > 0
            ? $"People who run {config.Project.Name} get {TemplateFunctions.Join(spotlight.Take(3).Select(InSentence).ToArray())}{(counts is not null ? $", among {TemplateFunctions.Count(counts.Total, "enhancement")}" : string.Empty)}."
            : $"{name} brings {what}.";
        var community = s.ContributorsFromPullRequests
            ? $"Built in the open by {TemplateFunctions.Count(s.Contributors.Count, "contributor")}{(s.FirstTimeContributors is { Count: > 0 } first ? $", {TemplateFunctions.Words(first.Count)} of them contributing for the first time" : string.Empty)}, across {TemplateFunctions.Count(s.BySig.Count, "special interest group")}."
            : $"Built in the open: the release notes credit {TemplateFunctions.Count(s.Contributors.Count, "contributor")} across {TemplateFunctions.Count(s.BySig.Count, "special interest group")}.";
        var numbers = new List<string>();
        if (counts is not null)
        {
            numbers.Add($"{TemplateFunctions.Count(counts.Total, "enhancement")}: {counts.Stable.ToString(CultureInfo.InvariantCulture)} stable, {counts.Beta.ToString(CultureInfo.InvariantCulture)} beta, {counts.Alpha.ToString(CultureInfo.InvariantCulture)} alpha");
            if (counts.Deprecated + counts.Removed > 0)
            {
                numbers.Add(TemplateFunctions.Join(new[]
                {
                    counts.Deprecated > 0 ? TemplateFunctions.Count(counts.Deprecated, "deprecated feature") : string.Empty,
                    counts.Removed > 0 ? TemplateFunctions.Count(counts.Removed, "removed feature") : string.Empty,
                }));
            }
        }

        numbers.Add($"{TemplateFunctions.Count(s.Notes, "change")} in the release notes");
        numbers.Add(s.ContributorsFromPullRequests
            ? $"{TemplateFunctions.Count(s.Contributors.Count, "contributor")}, authors of {TemplateFunctions.Count(s.PullRequests, "merged pull request")}{(s.FirstTimeContributors is { Count: > 0 } f ? $" ({f.Count.ToString(CultureInfo.InvariantCulture)} first-time)" : string.Empty)}"
            : $"{TemplateFunctions.Count(s.Contributors.Count, "contributor")} credited in the release notes");
        numbers.Add(TemplateFunctions.Count(s.BySig.Count, "special interest group"));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["state"] = state,
            ["dateline"] = dateline,
            ["headline"] = $"{name}{(string.IsNullOrEmpty(r.Codename) ? string.Empty : $" \"{TemplateFunctions.Press(r.Codename)}\"")}",
            ["summary"] = $"{name} brings {what}.",
            ["key_messages"] = new[] { story, users, community },
            ["numbers"] = numbers.ToArray(),
            ["highlights"] = release.Highlights.Select(h =>
            {
                var title = TemplateFunctions.Press(HighlightTitle.Of(h));
                // An enhancement is named with its stage (the blog tells the rest); the release team's blurb, where given, is used.
                var text = h.Enhancement is { } e
                    ? e.Blurb is { } blurb ? TemplateFunctions.Press(TemplateFunctions.FirstSentence(blurb)) : StagePhrase(e.Stage)
                    : TemplateFunctions.Press(TemplateFunctions.FirstSentence(h.Text));
                return (object)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["title"] = title,
                    // A highlight given as one sentence is its own title: said once.
                    ["text"] = string.Equals(text.TrimEnd('.', ' '), title.TrimEnd('.', ' '), StringComparison.Ordinal) ? null : text,
                };
            }).ToArray(),
            ["theme"] = r.Theme is { Length: > 0 } t ? TemplateFunctions.Press(t) : null,
        };
    }

    /// <summary>A sentence-case title inside a sentence ("Live migration of VMs" as "live migration of VMs"); Title Case and acronyms stay.</summary>
    private static string InSentence(string title)
    {
        var words = title.Split(' ');
        var first = words[0];
        var sentenceCase = words.Length > 1 && words[1].Length > 0 && char.IsLower(words[1][0]);
        var acronym = first.Length > 1 && char.IsUpper(first[1]);
        return sentenceCase && !acronym && first.Length > 0 && char.IsUpper(first[0]) ? char.ToLowerInvariant(first[0]) + title[1..] : title;
    }

    private static string StagePhrase(string stage) => stage switch
    {
        "stable" => "Now stable and ready for production.",
        "beta" => "Now in beta, ready for wider testing.",
        "alpha" => "New in alpha, off by default, for early feedback.",
        "deprecated" => "Deprecated: plan to move off it.",
        _ => "Removed in this release.",
    };
}
