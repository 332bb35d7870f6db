using System.Text.RegularExpressions;
using Comms.Core.Model;

namespace Comms.Core.Classify;

/// <summary>
/// Finds graduations (alpha, beta, stable), deprecations and removals from a note's kind label and the
/// phrasing of its text: "promoted the `X` feature gate to beta", "removed the deprecated flag", "added the
/// `Y` feature gate (beta, default true)". A component prefix ("kubeadm: ") is read past. Fixes, metric and
/// conformance promotions, replaced uses of deprecated code, deferred removals and "no longer deprecated"
/// are not stages. A level set by a map wins. With enhancement data this is a fallback and a cross-check:
/// the enhancement's stage counts.
/// </summary>
public static partial class StabilityDetector
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?:[A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*){0,2}):\s+", Options)]
    private static partial Regex Prefix();

    // Not a stage: fixes, metrics and conformance promotions, replaced uses, deferred removals, un-deprecations.
    [GeneratedRegex(@"^(fixed|fixes|fix|resolved|stopped|reverted|replaced|migrated|switched|simplified)\b|\bno longer (marked |considered )?deprecated\b|\bun-?deprecat\w*|\b(deferred|postponed|delayed|reverted) (the )?(removal|deprecation)\b|\bmetrics?\b[^.\n]{0,60}\b(to|as) (alpha|beta|stable|GA)\b|\b(alpha|beta|stable) metrics?\b|\bto conformance\b|^demoted\b", Options)]
    private static partial Regex NotAStage();

    // "(beta, default true)", "(alpha)" after the thing it names.
    [GeneratedRegex(@"\((alpha|beta|GA|stable)\b[^)]{0,40}\)", Options)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(removed|removes|dropped|drops|deleted)\b[^\n]{0,60}?\b(flags?|feature[- ]gates?|features?|apis?|fields?|metrics?|support|annotations?|commands?|arguments?|options?|parameters?|labels?|endpoints?|versions?|plugins?|binar(y|ies)|types?|definitions?|methods?|deprecated)\b|\b(has been|have been|is now|are now|was|were|got|was completely|were completely|has been completely) removed\b", Options)]
    private static partial Regex Removed();

    [GeneratedRegex(@"\b(graduat\w*|promot\w*|moved|bumped|advanced)\b[^\n]{0,120}?\b(?:to|as|into)\s+(?:the\s+)?(?<stage>beta|GA|stable|general availability|generally available)\b", Options)]
    private static partial Regex Promoted();

    [GeneratedRegex(@"\b(graduat\w*|promot\w*)\b[^.\n]{0,80}?\bto\s+`?[\w./-]*\bv1`?(?![\w.])", Options)]
    private static partial Regex PromotedToV1();

    [GeneratedRegex(@"\b(is now|are now|now|reached|became|is|was) (GA|stable|generally available|general availability)\b|\bnewly stable\b|\bgenerally available\b", Options)]
    private static partial Regex Stable();

    [GeneratedRegex(@"\b(is now|are now|now|became|is|was|in|into) beta\b|\bbeta\b[^.\n]{0,60}\benabled by default\b", Options)]
    private static partial Regex Beta();

    [GeneratedRegex(@"^(add\w*|introduc\w*|implement\w*|new)\b[^\n]*\balpha\b", Options)]
    private static partial Regex Alpha();

    // "Introduced the `.../v1beta1/X` API type": a new API at that level.
    [GeneratedRegex(@"^(add\w*|introduc\w*)\b[^\n]{0,80}?\bv\d+(?<stage>alpha|beta)\d+\b", Options)]
    private static partial Regex NewVersionedApi();

    [GeneratedRegex(@"^(deprecated|deprecates|deprecate|deprecating)\b|\bstarted deprecating\b|\b(is|are|was|were|has been|have been|now|marked( as)?) deprecated\b|\bdeprecation of\b", Options)]
    private static partial Regex Deprecated();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9]+)` feature[- ]gate|feature[- ]gate `([A-Za-z][A-Za-z0-9]+)`|feature gate ([A-Z][A-Za-z0-9]+)\b", Options)]
    private static partial Regex FeatureGate();

    public static StabilityInfo? Detect(ReleaseNote note)
    {
        if (note.Comms.Stability is { } set)
        {
            return set;
        }

        var text = Prefix().Replace(note.Text.Trim(), string.Empty, 1);
        var feature = FeatureOf(text);
        if (NotAStage().IsMatch(text))
        {
            return null;
        }

        StabilityInfo Found(string level, Match match) => new(level, $"text: \"{match.Value}\"", feature);

        if (Removed().Match(text) is { Success: true } removed)
        {
            return Found("removed", removed);
        }

        if (note.Kinds.Contains("deprecation", StringComparer.OrdinalIgnoreCase))
        {
            return new StabilityInfo("deprecated", "label kind/deprecation", feature);
        }

        if (Parenthesised().Match(text) is { Success: true } explicitStage)
        {
            return Found(Level(explicitStage.Groups[1].Value), explicitStage);
        }

        if (Promoted().Match(text) is { Success: true } promoted)
        {
            return Found(Level(promoted.Groups["stage"].Value), promoted);
        }

        if (PromotedToV1().Match(text) is { Success: true } v1)
        {
            return Found("stable", v1);
        }

        if (NewVersionedApi().Match(text) is { Success: true } api)
        {
            return Found(Level(api.Groups["stage"].Value), api);
        }

        foreach (var (level, pattern) in new[] { ("stable", Stable()), ("beta", Beta()), ("alpha", Alpha()), ("deprecated", Deprecated()) })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return Found(level, match);
            }
        }

        return null;
    }

    private static string Level(string word) => word.ToLowerInvariant() switch
    {
        "alpha" => "alpha",
        "beta" => "beta",
        _ => "stable",
    };

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
