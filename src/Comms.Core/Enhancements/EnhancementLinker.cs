using System.Text.RegularExpressions;
using Comms.Core.Model;

namespace Comms.Core.Enhancements;

/// <summary>How a note was tied to an enhancement.</summary>
public sealed record EnhancementLink(int Pr, string Enhancement, string How);

/// <summary>
/// Ties notes to the release's enhancements: the PRs the release team listed (enhancements.yaml), then the
/// note's links to the proposal (<c>.../keps/sig-x/NNNN-...</c>, <c>.../enhancements/issues/NNNN</c>), then a
/// feature gate the note names that exactly one enhancement of the release owns. A note belongs to one
/// enhancement at most; a link to an enhancement that is not in the release ties nothing.
/// </summary>
public static partial class EnhancementLinker
{
    [GeneratedRegex(@"/keps/(?:sig-[A-Za-z0-9-]+|[A-Za-z0-9-]+)/(\d+)-|/enhancements/issues/(\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KepLink();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9]+)(?:=(?:true|false))?`|\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GateName();

    /// <summary>The notes with <see cref="NoteComms.Enhancement"/> set from <see cref="Link"/> (before audiences are assigned, so rules can use it).</summary>
    public static IReadOnlyList<ReleaseNote> Apply(IReadOnlyList<ReleaseNote> notes, IReadOnlyList<Enhancement> enhancements)
    {
        var links = Link(notes, enhancements).ToDictionary(l => l.Pr);
        return notes.Select(n => links.TryGetValue(n.PrNumber, out var link)
            ? n with { Comms = n.Comms with { Enhancement = new EnhancementRef(link.Enhancement, link.How) } }
            : n).ToArray();
    }

    public static IReadOnlyList<EnhancementLink> Link(IReadOnlyList<ReleaseNote> notes, IReadOnlyList<Enhancement> enhancements)
    {
        var ids = enhancements.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var byGate = enhancements.SelectMany(e => e.FeatureGates.Select(g => (Gate: g, e.Id)))
            .GroupBy(x => x.Gate, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var listed = enhancements.SelectMany(e => e.Prs.Select(pr => (Pr: pr, e.Id)))
            .GroupBy(x => x.Pr).ToDictionary(g => g.Key, g => g.First().Id);

        // A proposal known by a name of its own: a title that is one acronym of four or more capitals ("KYAML").
        var byName = enhancements.Where(e => e.Title.Length >= 4 && e.Title.All(char.IsAsciiLetterUpper))
            .Select(e => (Name: e.Title, e.Id)).ToArray();
        var links = new List<EnhancementLink>();
        foreach (var note in notes.OrderBy(n => n.PrNumber))
        {
            if (listed.TryGetValue(note.PrNumber, out var chosen))
            {
                links.Add(new EnhancementLink(note.PrNumber, chosen, "listed in enhancements.yaml"));
                continue;
            }

            var linked = KepIds(note).FirstOrDefault(ids.Contains);
            if (linked is not null)
            {
                links.Add(new EnhancementLink(note.PrNumber, linked, "links the proposal"));
                continue;
            }

            var gate = GateName().Matches(note.Text)
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .FirstOrDefault(byGate.ContainsKey);
            if (gate is not null)
            {
                links.Add(new EnhancementLink(note.PrNumber, byGate[gate], $"names the feature gate {gate}"));
                continue;
            }

            var named = byName.Where(x => ContainsWord(note.Text, x.Name)).Select(x => x.Id).Distinct(StringComparer.Ordinal).ToArray();
            if (named.Length == 1)
            {
                links.Add(new EnhancementLink(note.PrNumber, named[0], "names the enhancement"));
            }
        }

        return links;
    }

    /// <summary>The enhancement numbers a note points at, in the order it gives them (documentation first, then its text).</summary>
    public static IEnumerable<string> KepIds(ReleaseNote note) =>
        note.Documentation.Select(d => d.Url).Append(note.Text)
            .SelectMany(text => KepLink().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Select(id => id.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0")
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="word"/> stands in <paramref name="text"/> as a whole word.</summary>
    internal static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
