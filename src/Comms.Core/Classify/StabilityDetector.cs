using System.Text.RegularExpressions;
using Comms.Core.Model;

namespace Comms.Core.Classify;

/// <summary>
/// Finds graduations (alpha, beta, stable), deprecations and removals from a note's kind label and the
/// phrasing of its text ("promoted the `X` feature gate to beta", "removed the deprecated flag").
/// A level set by a map wins.
/// </summary>
public static partial class StabilityDetector
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(removed|removes|dropped|drops)\b|\bremoved the deprecated\b|\b(has been|have been|is now|are now|got|were) removed (in|from|and)\b|\bremoval of\b", Options)]
    private static partial Regex Removed();

    [GeneratedRegex(@"\b(to|reached|as|is now|are now|now|into) (GA|stable|general availability)\b|\b(graduat\w*|promot\w*)\b[^.\n]{0,80}\b(GA|stable)\b|\bgenerally available\b", Options)]
    private static partial Regex Stable();

    [GeneratedRegex(@"\b(to|as|now|is now|in|into) beta\b|\b(graduat\w*|promot\w*)\b[^.\n]{0,80}\bbeta\b|\bbeta\b[^.\n]{0,60}\benabled by default\b", Options)]
    private static partial Regex Beta();

    [GeneratedRegex(@"\b(add\w*|introduc\w*|new)\b[^.\n]{0,60}\balpha\b|\balpha\b[^.\n]{0,40}\b(feature gate|feature|api|field)\b", Options)]
    private static partial Regex Alpha();

    [GeneratedRegex(@"^(deprecated|deprecates|deprecate|deprecating)\b|\b(is|are|was|were|has been|have been|now|marked( as)?) deprecated\b|\bdeprecation of\b", Options)]
    private static partial Regex Deprecated();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9]+)` feature[- ]gate|feature[- ]gate `([A-Za-z][A-Za-z0-9]+)`|feature gate ([A-Z][A-Za-z0-9]+)\b", Options)]
    private static partial Regex FeatureGate();

    public static StabilityInfo? Detect(ReleaseNote note)
    {
        if (note.Comms.Stability is { } set)
        {
            return set;
        }

        var text = note.Text;
        var feature = FeatureOf(text);
        if (Removed().Match(text) is { Success: true } removed)
        {
            return new StabilityInfo("removed", $"text: \"{removed.Value}\"", feature);
        }

        if (note.Kinds.Contains("deprecation", StringComparer.OrdinalIgnoreCase))
        {
            return new StabilityInfo("deprecated", "label kind/deprecation", feature);
        }

        foreach (var (level, pattern) in new[] { ("stable", Stable()), ("beta", Beta()), ("alpha", Alpha()), ("deprecated", Deprecated()) })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return new StabilityInfo(level, $"text: \"{match.Value}\"", feature);
            }
        }

        return null;
    }

    private static string? FeatureOf(string text)
    {
        var match = FeatureGate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups.Values.Skip(1).First(g => g.Success).Value;
    }
}
