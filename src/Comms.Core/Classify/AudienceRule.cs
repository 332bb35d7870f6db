using System.Text.RegularExpressions;
using Comms.Core.Model;

namespace Comms.Core.Classify;

/// <summary>An audience (who reads a brief) and the rules that put notes in front of it.</summary>
public sealed record Audience(string Id, string Name, string Description, IReadOnlyList<AudienceRule> Rules)
{
    /// <summary>Rules that keep a note out of this audience whatever else matches (test changes out of the end-user brief).</summary>
    public IReadOnlyList<AudienceRule> Exclude { get; init; } = [];
}

/// <summary>
/// One rule: it matches a note when every condition it lists holds; a list condition holds when any
/// of its values match. <see cref="Reason"/> says why the rule exists and is shown to readers.
/// </summary>
public sealed record AudienceRule(string Id, string Reason)
{
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Sigs { get; init; } = [];
    public IReadOnlyList<string> Areas { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<Regex> Text { get; init; } = [];
    public IReadOnlyList<string> Stability { get; init; } = [];
    public bool? ActionRequired { get; init; }

    /// <summary>The heading of the brief's group of notes this rule chose ("Security fixes"); null: made from the id.</summary>
    public string? Title { get; init; }

    /// <summary>True: the note belongs to one of the release's enhancements; false: to none.</summary>
    public bool? Enhancement { get; init; }

    public bool Matches(ReleaseNote note)
    {
        if (Kinds.Count == 0 && Sigs.Count == 0 && Areas.Count == 0 && Labels.Count == 0 && Text.Count == 0 &&
            Stability.Count == 0 && ActionRequired is null && Enhancement is null)
        {
            return false;
        }

        if (Enhancement is { } linked && linked != (note.Comms.Enhancement is not null))
        {
            return false;
        }

        // The fields first (sets of a few values), the text's patterns only when everything else holds.
        return AnyOf(Kinds, note.Kinds) && AnyOf(Sigs, note.Sigs) && Prefixed(Areas, note.Areas) && AnyOf(Labels, note.Comms.Labels) &&
               (Stability.Count == 0 || (note.Comms.Stability is { } s && Stability.Contains(s.Level, StringComparer.OrdinalIgnoreCase))) &&
               (ActionRequired is null || ActionRequired == note.ActionRequired) &&
               (Text.Count == 0 || Text.Any(t => Safe(t, note)));
    }

    /// <summary>Notes whose text made a pattern time out, with the rule: the classifier reports them as warnings.</summary>
    public List<(int Pr, string Pattern)> TimedOut { get; } = [];

    private bool Safe(System.Text.RegularExpressions.Regex regex, ReleaseNote note)
    {
        try
        {
            return regex.IsMatch(note.Text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            lock (TimedOut)
            {
                TimedOut.Add((note.PrNumber, regex.ToString()));
            }

            return false;
        }
    }

    private static bool AnyOf(IReadOnlyList<string> wanted, IReadOnlyList<string> have) =>
        wanted.Count == 0 || wanted.Any(w => have.Contains(w, StringComparer.OrdinalIgnoreCase));

    /// <summary>Areas match exactly or as a prefix ending in <c>/</c>: <c>provider/</c> matches <c>provider/aws</c>.</summary>
    private static bool Prefixed(IReadOnlyList<string> wanted, IReadOnlyList<string> have) =>
        wanted.Count == 0 || wanted.Any(w => have.Any(h =>
            string.Equals(h, w, StringComparison.OrdinalIgnoreCase) ||
            (w.EndsWith('/') && h.StartsWith(w, StringComparison.OrdinalIgnoreCase))));
}
