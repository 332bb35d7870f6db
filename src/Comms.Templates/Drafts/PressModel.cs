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
        string Press(string text) => Spell(TemplateFunctions.Press(text), config.Glossary);
        // An enhancement keeps the casing its proposal gives its title ("Composite Pod Group API"); a note's first words are a sentence.
        var spotlight = release.Highlights.Select(h => h.Enhancement is null ? InSentence(Press(HighlightTitle.Of(h))) : Press(HighlightTitle.Of(h))).Where(t => t.Length > 0).ToArray();
        var counts = s.Enhancements is { Total: > 0 } c && release.HasEnhancementData ? c : null;
        var what = counts is not null
            ? EnhancementViews.Confirm(counts, $"{TemplateFunctions.Count(counts.Total, "enhancement")}: {Number(counts.Stable)} graduating to stable, {Number(counts.Beta)} in beta and {Number(counts.Alpha)} new in alpha")
            : $"{TemplateFunctions.Count(s.Notes, "documented change")}";
        var story = r.Theme is { Length: > 0 } theme
            ? Press(theme)
            : $"{name} brings {what}.";
        var users = spotlight.Length > 0
            ? $"People who run {config.Project.Name} get {TemplateFunctions.Join(spotlight.Take(3).ToArray())}."
            : $"{name} brings {what}.";
        var community = s.ContributorsFromPullRequests
            ? $"Built in the open by {TemplateFunctions.Count(s.Contributors.Count, "contributor")}{(s.FirstTimeContributors is { Count: > 0 } first ? $", {Number(first.Count)} of them contributing for the first time" : string.Empty)}, across {TemplateFunctions.Count(s.BySig.Count, "special interest group")}."
            : $"Built in the open: the release notes credit {TemplateFunctions.Count(s.Contributors.Count, "author")} across {TemplateFunctions.Count(s.BySig.Count, "special interest group")}.";
        var numbers = new List<string>();
        if (counts is not null)
        {
            numbers.Add(EnhancementViews.Confirm(counts, $"{TemplateFunctions.Count(counts.Total, "enhancement")}: {counts.Stable.ToString(CultureInfo.InvariantCulture)} stable, {counts.Beta.ToString(CultureInfo.InvariantCulture)} beta, {counts.Alpha.ToString(CultureInfo.InvariantCulture)} alpha"));
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
            : $"{TemplateFunctions.Count(s.Contributors.Count, "author")} credited in the release notes");
        numbers.Add(TemplateFunctions.Count(s.BySig.Count, "special interest group"));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["state"] = state,
            ["dateline"] = dateline,
            ["headline"] = $"{name}{(string.IsNullOrEmpty(r.Codename) ? string.Empty : $" \"{Press(r.Codename)}\"")}",
            ["summary"] = $"{name} brings {what}.",
            ["key_messages"] = new[] { story, users, community },
            ["numbers"] = numbers.ToArray(),
            ["highlights"] = release.Highlights.Select(h =>
            {
                var title = Press(HighlightTitle.Of(h));
                var text = Said(h, release, Press);
                return (object)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["title"] = title,
                    // A highlight given as one sentence is its own title: said once.
                    ["text"] = string.Equals(text.TrimEnd('.', ' '), title.TrimEnd('.', ' '), StringComparison.Ordinal) ? null : text,
                };
            }).ToArray(),
            ["theme"] = r.Theme is { Length: > 0 } t ? Press(t) : null,
        };
    }

    /// <summary>
    /// What a highlight gives its reader in one plain sentence (the release team's blurb, else the proposal's summary,
    /// else its first note), then, for an enhancement, its stage: "Sidecars start before the app and stop after it.
    /// Now stable and ready for production."
    /// </summary>
    public static string Said(Highlight h, ReleaseModel release, Func<string, string> press)
    {
        if (h.Enhancement is not { } e)
        {
            return press(TemplateFunctions.FirstSentence(h.Text));
        }

        var source = e.Blurb ?? ProposalSpeak.WhatItDoes(e.Summary) ??
            (release.EnhancementNotes.TryGetValue(e.Id, out var notes) && notes.Count > 0 ? notes[0].Text : null);
        var sentence = source is null ? null : Lifted(press(TemplateFunctions.FirstSentence(source)).Trim());
        if (sentence is { Length: > 0 } && !sentence.EndsWith('.') && !sentence.EndsWith('!') && !sentence.EndsWith('?'))
        {
            sentence += ".";
        }

        return string.IsNullOrEmpty(sentence) ? StagePhrase(e.Stage) : $"{sentence} {StagePhrase(e.Stage)}";
    }

    /// <summary>
    /// A sentence for the press: an aside for engineers ("(as in kubectl get -o kyaml)", "(e.g. …)") left out.
    /// </summary>
    private static string Lifted(string sentence) =>
        System.Text.RegularExpressions.Regex.Replace(sentence, @"\s*\((?:as in|e\.g\.|eg\.|for example|for instance|i\.e\.)[^()]*\)", string.Empty,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>Each abbreviation of the glossary said in words ("DRA Structured Parameters": "Dynamic Resource Allocation Structured Parameters").</summary>
    private static string Spell(string text, IReadOnlyDictionary<string, string> glossary) =>
        glossary.Count == 0
            ? text
            : System.Text.RegularExpressions.Regex.Replace(text, @"\b[A-Z][A-Za-z]{1,7}\b", m =>
            {
                if (!glossary.TryGetValue(m.Value, out var words))
                {
                    return m.Value;
                }

                // At the start of a sentence or title the words start with a capital.
                var start = m.Index == 0 || text[..m.Index].TrimEnd().EndsWith('.');
                return start && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : words;
            }, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Numbers as the press writes them: words below ten, digits from ten ("nine", "25").</summary>
    private static string Number(int n) => n < 10 ? TemplateFunctions.Words(n) : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A sentence-case title inside a sentence ("Live migration of VMs" as "live migration of VMs"); Title Case and acronyms stay.</summary>
    private static string InSentence(string title)
    {
        var words = title.Split(' ');
        var first = words[0];
        var sentenceCase = words.Length > 1 && words[1].Length > 0 && char.IsLower(words[1][0]);
        var acronym = first.Length > 1 && char.IsUpper(first[1]);
        return sentenceCase && !acronym && first.Length > 0 && char.IsUpper(first[0]) ? char.ToLowerInvariant(first[0]) + title[1..] : title;
    }

    public static string StagePhrase(string stage) => stage switch
    {
        "stable" => "Now stable and ready for production.",
        "beta" => "Now in beta, ready for wider testing.",
        "alpha" => "New in alpha, off by default, for early feedback.",
        "deprecated" => "Deprecated: plan to move off it.",
        _ => "Removed in this release.",
    };
}
