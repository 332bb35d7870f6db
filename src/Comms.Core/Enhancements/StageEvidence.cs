using System.Text.RegularExpressions;
using Comms.Core.Classify;
using Comms.Core.Model;

namespace Comms.Core.Enhancements;

/// <summary>What a note of the release says of an enhancement's stage, and in which words.</summary>
/// <param name="Stage">alpha, beta or stable.</param>
/// <param name="What">graduation, gate locked, default flip or introduction.</param>
/// <param name="Pr">The note's pull request.</param>
/// <param name="Words">The words of the note that say it.</param>
public sealed record StageClaim(string Stage, string What, int Pr, string Words);

/// <summary>
/// How a stage is known from a note: a graduation ("Promoted/Graduated X to GA/beta"), a gate locked ("locked to
/// true") or a default flipped ("enabled by default"), or, for alpha, a note that introduces the feature ("Added …
/// behind the `X` feature gate", "… an alpha feature"). A note that only touches a gate (a fix, a metric, a
/// refactoring) says no stage.
/// </summary>
public static partial class StageEvidence
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\block(?:ed|s|ing)?\b[^.\n]{0,80}?\b(?:to\s+)?(?:true|enabled|on)\b|\bfeature[- ]gates?\b[^.\n]{0,60}?\b(?:is|are|was|were|has been|have been|now)\s+locked\b", Options)]
    private static partial Regex Locked();

    [GeneratedRegex(@"\b(?:enabled|turned on|on)\s+by\s+default\b|\bdefault(?:s|ed)?\s+to\s+(?:true|enabled|on)\b|\bdefault\s+(?:value\s+)?(?:is|was)\s+(?:now\s+)?(?:true|enabled)\b", Options)]
    private static partial Regex DefaultOn();

    [GeneratedRegex(@"^(?:add\w*|introduc\w*|implement\w*|enabl\w*|support\w*|new|allow\w*)\b[^\n]*?(?:\bbehind\b[^.\n]{0,80}?\bfeature[- ]gate\b|\bfeature[- ]gate\b[^.\n]{0,40}?\b(?:added|introduced)\b|\balpha\b)|\b(?:introduced|added)\s+(?:the\s+|a\s+new\s+)?`?[A-Za-z0-9]+`?\s+(?:alpha\s+)?feature[- ]gate\b|\b(?:is|was|as)\s+an?\s+(?:new\s+)?alpha\s+feature\b", Options)]
    private static partial Regex Introduced();

    [GeneratedRegex(@"^\s*(?:[A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*){0,2}):\s+", Options)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:fixed|fixes|fix|resolved|stopped|reverted|revert|replaced|migrated|switched|simplified|refactor\w*|cleaned|removed|deprecated|dropped)\b", Options)]
    private static partial Regex NotAClaim();

    /// <summary>The stage a note says, or null when it says none. A stage set by a map (the release team) counts.</summary>
    public static StageClaim? Claim(ReleaseNote note)
    {
        var text = Prefix().Replace(note.Text.Trim(), string.Empty, 1);
        if (note.Comms.Stability is { Level: "alpha" or "beta" or "stable" } set && set.Source.StartsWith("map", StringComparison.Ordinal))
        {
            return new StageClaim(set.Level, "graduation", note.PrNumber, "set by the release team's map");
        }

        if (NotAClaim().IsMatch(text))
        {
            return null;
        }

        if (Locked().Match(text) is { Success: true } locked)
        {
            return new StageClaim(Stages.Stable, "gate locked", note.PrNumber, locked.Value);
        }

        var detected = StabilityDetector.Detect(note with { Comms = note.Comms with { Stability = null } });
        if (detected is { Level: "beta" or "stable" } && detected.Source.StartsWith("text:", StringComparison.Ordinal))
        {
            return new StageClaim(detected.Level, "graduation", note.PrNumber, detected.Source[6..].Trim('"', ' '));
        }

        if (DefaultOn().Match(text) is { Success: true } on)
        {
            return new StageClaim(Stages.Beta, "default flip", note.PrNumber, on.Value);
        }

        if (detected is { Level: "alpha" } && detected.Source.StartsWith("text:", StringComparison.Ordinal))
        {
            return new StageClaim(Stages.Alpha, "introduction", note.PrNumber, detected.Source[6..].Trim('"', ' '));
        }

        if (Introduced().Match(text) is { Success: true } introduced)
        {
            return new StageClaim(Stages.Alpha, "introduction", note.PrNumber, introduced.Value);
        }

        return null;
    }
}
