using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>
/// Something the release deprecates or removes, once, from a note or a proposal or both (a proposal and its notes
/// about the same thing are one item), with who must act and what the sources say of when and what instead.
/// </summary>
/// <param name="Level">deprecated or removed.</param>
/// <param name="Title">The headline: the note's first sentence, or what the proposal says goes away.</param>
/// <param name="What">What more the sources say (the rest of the note, or the proposal's words).</param>
/// <param name="When">The sentence of the proposal that says when it goes ("… removed in Kubernetes 1.38."), when one does.</param>
/// <param name="PlannedRemoval">The release a source names for the removal (<c>v1.36</c>), when one does.</param>
/// <param name="Instead">The sentence that says what to use instead, when one does and the headline does not.</param>
/// <param name="Weight">How much readers must act: action required, APIs, flags, components users run, the proposal behind it.</param>
/// <param name="Why">The weight's reasons, for the review.</param>
public sealed record GoingAwayItem(
    string Level,
    string Title,
    string? What,
    string? When,
    string? PlannedRemoval,
    string? Instead,
    Enhancement? Enhancement,
    IReadOnlyList<ReleaseNote> Notes,
    bool Ongoing,
    double Weight,
    string Why)
{
    public bool ActionRequired => Notes.Any(n => n.ActionRequired);
}

/// <summary>
/// Finds what goes away from what the notes and proposals say and do, not from the <c>kind/deprecation</c> label alone:
/// a note is a removal when it says something users had is removed, a deprecation when it says something is
/// deprecated; a note that only fixes, adds or changes tests and client code is neither. Items are ranked by who must
/// act: action required, then APIs, flags and the components users run, with the proposal's own items first.
/// </summary>
public static partial class GoingAwayComposer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?:[A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*){0,2}):\s+", Options)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:removed|removes|remove|dropped|drops|deleted)\b|\b(?:has been|have been|is now|are now|was|were|got|is|are)\s+(?:completely\s+|fully\s+)?removed\b", Options)]
    private static partial Regex Removal();

    // Something deprecated now: "Deprecated X", "X is/was/has been deprecated", "deprecates", "started deprecating",
    // "deprecation of"; not "the deprecated flag" (an adjective: it was deprecated before).
    [GeneratedRegex(@"^(?:deprecated|deprecates|deprecate|deprecating)\b|\b(?:started|start|begin|began) deprecating\b|\b(?:is|are|was|were|has been|have been|will be|now|marked(?: as)?|becomes?|became)\s+(?:now\s+|also\s+|officially\s+)?deprecated\b|\bdeprecation of\b|\bdeprecates\b|\bdeprecating\b|\bare deprecating\b", Options)]
    private static partial Regex Deprecation();

    [GeneratedRegex(@"\bno longer (?:marked |considered )?deprecated\b|\bun-?deprecat\w*|\b(?:deferred|postponed|delayed|reverted) (?:the )?(?:removal|deprecation)\b|\b(?:uses?|usages?|calls?|references?) (?:of|to) (?:the )?deprecated\b|\bnon-deprecated\b|\breplaced (?:the )?deprecated\b", Options)]
    private static partial Regex NotGoing();

    [GeneratedRegex(@"^(?:fixed|fixes|fix|resolved|reverted|revert|bumped|updated|upgraded|refactor\w*|improved|added|adds|introduced|consistently)\b", Options)]
    private static partial Regex OtherVerb();

    [GeneratedRegex(@"\b(?:e2e|end-to-end|unit tests?|integration tests?|test(?:s|ing)?\b|testdata|fake client)", Options)]
    private static partial Regex TestOnly();

    [GeneratedRegex(@"\b(?:removed|removal|dropped|stop(?:s|ped)? being (?:served|read))\b[^.\n]{0,40}?\b(?:in|from|by)\s+(?:Kubernetes\s+|release\s+)?(v?\d+\.\d+(?:\.\d+)?)", Options)]
    private static partial Regex RemovalPlanned();

    [GeneratedRegex(@"\b(?:instead|in favou?r of|replaced by|replaces it with|replacement|migrate to|switch to|move to|superseded by)\b", Options)]
    private static partial Regex InsteadWords();

    [GeneratedRegex(@"(?<=[a-z0-9)`\]][.!?])\s+(?=[A-Z`])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\bAPIs?\b|\bapiVersion\b|\b[a-z0-9.-]+\.k8s\.io/v\d|\bfields?\b|\bannotations?\b|\blabels?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Api();

    [GeneratedRegex(@"`--[a-z0-9-]+`|\s--[a-z0-9-]{3,}\b|\bflags?\b|\bcommand[- ]line\b|\bconfig(?:uration)? (?:field|option)\b", Options)]
    private static partial Regex Flag();

    [GeneratedRegex(@"\b(?:kubelet|kube-proxy|kubeadm|kubectl|kube-apiserver|kube-scheduler|kube-controller-manager|containerd|CRI|cgroups?)\b", Options)]
    private static partial Regex Component();

    [GeneratedRegex(@"\bclient-go\b|\bk8s\.io/[a-z-]+(?:/|\b)|\bprotobuf\b|\bgogo\b|\bGo (?:API|package|function|method)s?\b|\bmetrics?\b|\bFlowSchemas?\b", Options)]
    private static partial Regex Internal();

    [GeneratedRegex(@"\b(?:Kubernetes\s+)?v?1\.(\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MinorVersion();

    /// <summary>A note's level from what it says: removed, deprecated, or null (neither).</summary>
    public static string? Classify(ReleaseNote note)
    {
        if (note.Comms.Stability is { Source: var source, Level: "deprecated" or "removed" } set && source.StartsWith("map", StringComparison.Ordinal))
        {
            return set.Level;
        }

        var text = Prefix().Replace(note.Text.Trim(), string.Empty, 1);
        var first = SentenceEnd().Split(text)[0];
        if (TestOnly().IsMatch(first.Length > 120 ? first[..120] : first) || NotGoing().IsMatch(text))
        {
            return null;
        }

        // "Fixed … when the last Service was removed" says what was wrong, not what goes away.
        if (Removal().IsMatch(first) && !OtherVerb().IsMatch(first))
        {
            return Stages.Removed;
        }

        if (Deprecation().IsMatch(text) && !(OtherVerb().IsMatch(first) && !Deprecation().IsMatch(first)))
        {
            return Stages.Deprecated;
        }

        return null;
    }

    /// <summary>Everything the release deprecates or removes, one item each, most to act on first.</summary>
    public static IReadOnlyList<GoingAwayItem> Compose(IReadOnlyList<ReleaseNote> notes, IReadOnlyList<Enhancement> stated, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> byEnhancement, string version)
    {
        var minor = KepReader.Milestone(version) is { } m && SemVersion.TryParse(m, out var v) && v.Numbers.Count >= 2 ? (int)v.Numbers[1] : (int?)null;
        var items = new List<GoingAwayItem>();
        var taken = new HashSet<int>();

        // The proposals first: one at a deprecated or removed stage, or one whose graduation takes something away.
        foreach (var e in stated)
        {
            var its = byEnhancement.TryGetValue(e.Id, out var n) ? n : [];
            string? level = e.Stage is Stages.Deprecated or Stages.Removed ? e.Stage : null;
            var what = level is not null ? e.Description : e.GoingAway;
            if (level is null && what is not null && !OnlyOlderReleases(what, minor))
            {
                level = Removal().IsMatch(what) && !Deprecation().IsMatch(what) ? Stages.Removed : Stages.Deprecated;
            }

            if (level is null)
            {
                continue;
            }

            var going = its.Where(x => Classify(x) is not null).ToArray();
            taken.UnionWith(going.Select(x => x.PrNumber));
            var texts = going.Select(x => x.Text).Append(what ?? string.Empty).Append(e.GoingAwayWhen ?? string.Empty).ToArray();
            var ongoing = level == Stages.Deprecated && e.PreviousStage == Stages.Deprecated;
            // A proposal at a deprecated or removed stage is headed by its title; one whose graduation takes something
            // away by what goes (its own first sentence), the rest of its words below.
            var headline = e.Stage is Stages.Deprecated or Stages.Removed || what is null ? e.Title : Capitalized(FirstSentence(what));
            var more = e.Stage is Stages.Deprecated or Stages.Removed || what is null ? what : what[Math.Min(what.Length, FirstSentence(what).Length)..].Trim();
            items.Add(Item(level, headline, string.IsNullOrEmpty(more) ? null : more, e.GoingAwayWhen, texts, e, going, ongoing, proposal: true));
        }

        foreach (var note in notes.Where(x => !x.DoNotPublish && !taken.Contains(x.PrNumber)).OrderBy(x => x.PrNumber))
        {
            if (Classify(note) is not { } level)
            {
                continue;
            }

            var text = note.Text.Trim();
            var first = FirstSentence(text);
            var rest = text.Length > first.Length && text.StartsWith(first, StringComparison.Ordinal) ? text[first.Length..].Trim() : null;
            items.Add(Item(level, first, string.IsNullOrEmpty(rest) ? null : rest, null, [text], null, [note], ongoing: false, proposal: false));
        }

        return items.OrderByDescending(i => i.Weight).ThenBy(i => i.Enhancement is null ? 1 : 0)
            .ThenBy(i => i.Notes.Count > 0 ? i.Notes[0].PrNumber : 0).ThenBy(i => i.Title, StringComparer.Ordinal).ToArray();
    }

    private static GoingAwayItem Item(string level, string title, string? what, string? when, IReadOnlyList<string> texts, Enhancement? e, IReadOnlyList<ReleaseNote> notes, bool ongoing, bool proposal)
    {
        var all = string.Join("\n", texts.Append(title));
        var parts = new List<string>();
        double weight = 0;
        void Add(double points, string why)
        {
            weight += points;
            parts.Add($"{why} {(points >= 0 ? "+" : string.Empty)}{points.ToString("0.##", CultureInfo.InvariantCulture)}");
        }

        if (notes.Any(n => n.ActionRequired))
        {
            Add(3, "action required");
        }

        if (proposal)
        {
            Add(3, "told by its proposal");
        }

        if (level == Stages.Removed)
        {
            Add(0.5, "removed");
        }

        if (notes.Any(n => n.Kinds.Contains("api-change", StringComparer.OrdinalIgnoreCase)) || Api().IsMatch(all))
        {
            Add(1.5, "an API, field or label");
        }

        if (Flag().IsMatch(all))
        {
            Add(1.5, "a flag or setting");
        }

        if (Component().IsMatch(all))
        {
            Add(1, "a component users run");
        }

        if (!proposal && Internal().IsMatch(title))
        {
            Add(-2, "client code or metrics");
        }

        var planned = texts.Select(t => RemovalPlanned().Match(t)).FirstOrDefault(x => x.Success)?.Groups[1].Value;
        var instead = texts.SelectMany(t => SentenceEnd().Split(t.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
            .Select(x => x.Trim().TrimStart('-', '*', ' '))
            .FirstOrDefault(x => x.Length > 0 && InsteadWords().IsMatch(x) && !title.Contains(x.TrimEnd('.'), StringComparison.Ordinal) && !x.Contains(title.TrimEnd('.'), StringComparison.Ordinal));
        if (instead is not null && what is not null && what.Contains(instead.TrimEnd('.'), StringComparison.Ordinal))
        {
            instead = null;
        }

        return new GoingAwayItem(level, Headline(title), what, when, planned is null ? null : planned.StartsWith('v') ? planned : "v" + planned,
            instead is null ? null : instead.EndsWith('.') ? instead : instead + ".", e, notes, ongoing, Math.Round(weight, 2), string.Join(", ", parts));
    }

    /// <summary>True when every release the text names is older than this one (a plan carried out before).</summary>
    private static bool OnlyOlderReleases(string text, int? minor)
    {
        var named = MinorVersion().Matches(text).Select(x => int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        return minor is not null && named.Length > 0 && named.All(x => x < minor);
    }

    /// <summary>
    /// A headline as a heading reads: spaces collapsed, no closing full stop, a proposal's "This enhancement deprecates X"
    /// as "Deprecates X", a plain first word capitalized (a component's name, "kubelet: removed …", kept as written).
    /// </summary>
    internal static string Headline(string title)
    {
        var text = ProposalOpener().Replace(HighlightTitle.OneSpace(title.Trim()), string.Empty);
        if (text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal) && !text.EndsWith("etc.", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        // A component's own name ("kubelet:", "kube-proxy") keeps its lower case.
        return PlainFirstWord().IsMatch(text) ? Capitalized(text) : text;
    }

    [GeneratedRegex(@"^[a-z]+(?=[ ,;]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PlainFirstWord();

    /// <summary>"This enhancement deprecates …", "The KEP removes …": the proposal speaking of itself, before its verb.</summary>
    [GeneratedRegex(@"^(?:this|the) (?:enhancement|KEP|proposal|feature|change|PR|pull request) (?=[a-z]+s\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProposalOpener();

    private static string Capitalized(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string FirstSentence(string text)
    {
        var first = SentenceEnd().Split(text.Trim())[0].Trim();
        var line = first.Split('\n')[0].Trim();
        return line.Length > 0 ? line : first;
    }
}
