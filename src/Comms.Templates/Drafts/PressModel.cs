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
    public static Dictionary<string, object?> Build(ReleaseModel release, CommsConfig config, Phrases p)
    {
        var r = release.Release;
        var s = release.Stats;
        var name = $"{config.Project.Name} {DraftModel.ShortVersion(r.Version)}";
        var state = r.ReleaseDate is null ? "draft" : r.Embargo is not null ? "embargoed" : "release";
        var dateline = state switch
        {
            "draft" => p.Text("press.dateline.draft"),
            "embargoed" => p.Format("press.dateline.embargoed", ("when", r.Embargo!.Value.ToString(p.Text("format.embargo"), p.Culture))).ToUpper(p.Culture),
            _ => p.Format("press.dateline.release", ("date", r.ReleaseDate!.Value.ToString(p.Text("format.date"), p.Culture))),
        };
        string Press(string text) => Spell(TemplateFunctions.Press(text), config.Glossary);
        // A title in Title Case keeps it ("Composite Pod Group API"); one in sentence case reads as words of the sentence.
        var spotlight = release.Highlights.Select(h => InSentence(Press(HighlightTitle.Of(h)))).Where(t => t.Length > 0).ToArray();
        var counts = s.Enhancements is { Total: > 0 } c && release.HasEnhancementData ? c : null;
        var what = counts is not null
            ? Counted(counts, p, "press.what")
            : p.Format("press.what.changes", ("notes", s.Notes));
        var summary = p.Format("press.summary", ("name", name), ("what", what));
        var story = r.Theme is { Length: > 0 } theme ? PhraseFunctions.English(p, Press(theme)) : summary;
        // What the release team wrote is told in English, as written; a translation keeps it whole, marked for its translator.
        var told = p.Locale == Phrases.DefaultLocale ? p : Phrases.English;
        var subject = told.Format("enhancements.subject", ("project", config.Project.Name), ("version", DraftModel.ShortVersion(r.Version)));
        // What users get, as one benefit in plain words (the lead already names the headline changes).
        var benefit = release.Highlights.Select(h => Benefit(h, release, Press, subject)).FirstOrDefault(b => b is { Length: > 0 });
        var users = benefit is not null ? PhraseFunctions.English(p, benefit)
            : spotlight.Length > 0 ? p.Format("press.users", ("project", config.Project.Name), ("spotlight", spotlight.Take(3).Select(t => PhraseFunctions.English(p, t)).ToArray()))
            : summary;
        var groups = EnhancementViews.Groups(release, config, p);
        var first = s.FirstTimeContributors is { Count: > 0 } f ? f.Count : 0;
        var community = s.ContributorsFromPullRequests
            ? p.Format(first > 0 ? "press.community.contributors_first" : "press.community.contributors", ("contributors", s.Contributors.Count), ("first", first), ("groups", groups))
            : p.Format("press.community.authors", ("authors", s.Contributors.Count), ("groups", groups));
        var numbers = new List<string>();
        if (counts is not null)
        {
            numbers.Add(Counted(counts, p, "press.numbers"));
            if (counts.Deprecated + counts.Removed > 0)
            {
                numbers.Add(p.Join(
                [
                    counts.Deprecated > 0 ? p.Format("press.numbers.deprecated", ("n", counts.Deprecated)) : string.Empty,
                    counts.Removed > 0 ? p.Format("press.numbers.removed", ("n", counts.Removed)) : string.Empty,
                ]));
            }
        }

        numbers.Add(p.Format("press.numbers.changes", ("notes", s.Notes)));
        numbers.Add(s.ContributorsFromPullRequests
            ? p.Format(first > 0 ? "press.numbers.contributors_first" : "press.numbers.contributors", ("contributors", s.Contributors.Count), ("prs", s.PullRequests), ("first", first))
            : p.Format("press.numbers.authors", ("authors", s.Contributors.Count)));
        numbers.Add(groups);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["state"] = state,
            ["dateline"] = dateline,
            ["headline"] = string.IsNullOrEmpty(r.Codename)
                ? p.Format("press.headline", ("name", name))
                : p.Format("press.headline_codename", ("name", name), ("codename", Press(r.Codename))),
            ["summary"] = summary,
            ["key_messages"] = new[] { story, users, community },
            ["numbers"] = numbers.ToArray(),
            ["highlights"] = release.Highlights.Select(h =>
            {
                var title = Press(HighlightTitle.Of(h));
                // After the bold title, "It …", not the release's name again on every line.
                var text = Said(h, release, Press, p, told.Text("press.it"));
                var plain = text.Replace(PhraseFunctions.EnglishStart.ToString(), string.Empty, StringComparison.Ordinal)
                    .Replace(PhraseFunctions.EnglishEnd.ToString(), string.Empty, StringComparison.Ordinal);
                return (object)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["title"] = title,
                    // The title inside a sentence ("The release's headline changes are graduated gang scheduling to GA, …").
                    ["in_sentence"] = InSentence(title),
                    // A highlight given as one sentence is its own title: said once.
                    ["text"] = string.Equals(plain.TrimEnd('.', ' '), title.TrimEnd('.', ' '), StringComparison.Ordinal) ? null : text,
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
    public static string Said(Highlight h, ReleaseModel release, Func<string, string> press, Phrases p, string subject)
    {
        var sentence = Benefit(h, release, press, subject);
        if (h.Enhancement is not { } e)
        {
            return PhraseFunctions.English(p, sentence ?? press(TemplateFunctions.FirstSentence(h.Text)));
        }

        return sentence is null ? StagePhrase(e.Stage, p) : $"{PhraseFunctions.English(p, sentence)} {StagePhrase(e.Stage, p)}";
    }

    /// <summary>
    /// What a highlight gives its reader, in one plain sentence: the release team's blurb, else what the proposal's
    /// summary says it does (told as shipped: "Kubernetes v1.34 adds …"), else its first note; for a note, the sentence
    /// after its title. Null when there is none.
    /// </summary>
    private static string? Benefit(Highlight h, ReleaseModel release, Func<string, string> press, string subject)
    {
        if (h.Enhancement is not { } e)
        {
            // A note's first sentence is its title: what it gives the reader is the sentence after it, when there is one.
            var first = TemplateFunctions.FirstSentence(h.Text);
            var next = TemplateFunctions.FirstSentences(h.Text, 2);
            return next.Length > first.Length ? press(next[first.Length..].Trim()) : null;
        }

        var told = ProposalSpeak.WhatItDoes(e.Summary) is { } does ? ProposalSpeak.Told(does, subject) : null;
        var source = e.Blurb ?? (told is { Length: > 0 } ? told : null) ??
            (release.EnhancementNotes.TryGetValue(e.Id, out var notes) && notes.Count > 0 ? notes[0].Text : null);
        var sentence = source is null ? null : Lifted(press(TemplateFunctions.FirstSentence(source)).Trim());
        if (sentence is { Length: > 0 } && !sentence.EndsWith('.') && !sentence.EndsWith('!') && !sentence.EndsWith('?'))
        {
            sentence += ".";
        }

        return string.IsNullOrEmpty(sentence) ? null : sentence;
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

    /// <summary>The enhancements by stage under <paramref name="key"/>, inside a [CONFIRM] slot while any is only planned.</summary>
    private static string Counted(EnhancementCounts counts, Phrases p, string key)
    {
        var stages = p.Format(key + ".stages", ("stable", counts.Stable), ("beta", counts.Beta), ("alpha", counts.Alpha));
        return EnhancementViews.Confirm(counts, p, p.Format(key + ".enhancements", ("total", counts.Total), ("stages", stages)), stages);
    }

    /// <summary>A sentence-case title inside a sentence ("Live migration of VMs" as "live migration of VMs"); Title Case and acronyms stay.</summary>
    private static string InSentence(string title)
    {
        var words = title.Split(' ');
        var first = words[0];
        // Sentence case when a word after the first that title case would capitalise is written in lower case.
        var sentenceCase = words.Skip(1).Any(w => w.Length > 3 && char.IsLower(w[0]));
        var acronym = first.Length > 1 && char.IsUpper(first[1]);
        return sentenceCase && !acronym && first.Length > 0 && char.IsUpper(first[0]) ? char.ToLowerInvariant(first[0]) + title[1..] : title;
    }

    public static string StagePhrase(string stage, Phrases p) =>
        p.Text("press.stage." + (stage is Stages.Stable or Stages.Beta or Stages.Alpha or Stages.Deprecated ? stage : Stages.Removed));
}
