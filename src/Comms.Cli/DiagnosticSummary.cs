using System.Globalization;
using Comms.Core.Diagnostics;

namespace Comms.Cli;

/// <summary>
/// The lines a person reads: every error, and each warning code on its own lines only while it is rare;
/// a code repeated more than <see cref="Threshold"/> times becomes one line with its count ("--verbose lists them").
/// </summary>
public static class DiagnosticSummary
{
    public const int Threshold = 10;

    /// <summary>How a repeated warning is counted, by code; other codes say "N warnings like: first message".</summary>
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        [Codes.EmptyNote] = "PRs have an empty release-note block",
        [Codes.UntaggedFence] = "PRs have a fenced block without a tag where a note was expected",
        [Codes.ActionRequiredUnlabelled] = "PRs say ACTION REQUIRED in the note without the action-required label",
        [Codes.CherryPickAuthorUnknown] = "cherry-picks have an original author that could not be found",
        [Comms.GitHub.GitHubCodes.CommitWithoutPr] = "commits in the range name no pull request",
    };

    public static IEnumerable<Diagnostic> Lines(IReadOnlyList<Diagnostic> sorted, bool aggregate)
    {
        if (!aggregate)
        {
            return sorted;
        }

        var counts = sorted.Where(d => d.Severity != Severity.Error).GroupBy(d => (d.Severity, d.Code)).ToDictionary(g => g.Key, g => g.Count());
        var lines = new List<Diagnostic>();
        var summarized = new HashSet<(Severity, string)>();
        foreach (var diagnostic in sorted)
        {
            var key = (diagnostic.Severity, diagnostic.Code);
            if (diagnostic.Severity == Severity.Error || counts[key] <= Threshold)
            {
                lines.Add(diagnostic);
            }
            else if (summarized.Add(key))
            {
                var count = counts[key].ToString("N0", CultureInfo.InvariantCulture);
                var message = Phrases.TryGetValue(diagnostic.Code, out var phrase)
                    ? $"{count} {phrase}; --verbose lists them"
                    : $"{count} warnings like: {diagnostic.Message} ({diagnostic.File ?? "comms"}); --verbose lists them";
                lines.Add(new Diagnostic(diagnostic.Severity, diagnostic.Code, message));
            }
        }

        return lines;
    }
}
