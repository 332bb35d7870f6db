using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Classify;

/// <summary>Sets each note's stability and audiences, recording the rule behind every audience.</summary>
public sealed class Classifier(IReadOnlyList<Audience> audiences, DiagnosticBag diagnostics)
{
    public const string MapRule = "map";

    public IReadOnlyList<ReleaseNote> Classify(IReadOnlyList<ReleaseNote> notes, string? release = null)
    {
        var result = new List<ReleaseNote>(notes.Count);
        foreach (var note in notes)
        {
            var withStability = note with { Comms = note.Comms with { Stability = StabilityDetector.Detect(note) } };
            var assigned = Audiences(withStability);
            if (assigned.Count == 0 && !note.DoNotPublish)
            {
                diagnostics.Info(ClassifyCodes.Unassigned,
                    $"PR #{note.PrNumber} matched no audience rule{(release is null ? string.Empty : $" in {release}")}; it appears in the changelog and on the site but in no brief");
            }

            result.Add(withStability with { Comms = withStability.Comms with { Audiences = assigned } });
        }

        return result;
    }

    private IReadOnlyList<AudienceAssignment> Audiences(ReleaseNote note)
    {
        // Audiences set by hand in a map win over every rule.
        if (note.Comms.Audiences.Any(a => a.Rule == MapRule))
        {
            return note.Comms.Audiences;
        }

        var assigned = new List<AudienceAssignment>();
        bool? mustReach = note.ActionRequired ? true : null;
        foreach (var audience in audiences)
        {
            // What needs action or goes away reaches every audience whose rules ask for it: no exclude rule (tests,
            // build plumbing) takes an action-required, deprecation or removal note out of a brief. (Whether a note goes
            // away is read from its text only when an audience has exclude rules.)
            if (audience.Exclude.Count > 0 && !(mustReach ??= Compose.GoingAwayComposer.Classify(note) is not null) &&
                audience.Exclude.Any(r => Matches(r, note, audience)))
            {
                continue;
            }

            var rule = audience.Rules.FirstOrDefault(r => Matches(r, note, audience));
            if (rule is not null)
            {
                assigned.Add(new AudienceAssignment(audience.Id, rule.Id, rule.Reason));
            }
        }

        return assigned;
    }

    private bool Matches(AudienceRule rule, ReleaseNote note, Audience audience)
    {
        var before = rule.TimedOut.Count;
        var matched = rule.Matches(note);
        if (rule.TimedOut.Count > before)
        {
            diagnostics.Warning(Diagnostics.Codes.RegexTimeout,
                $"PR #{note.PrNumber}: audience \"{audience.Id}\" rule \"{rule.Id}\": the pattern \"{rule.TimedOut[^1].Pattern}\" timed out on this note's text, so the rule did not apply",
                note.Comms.Maps.Count > 0 ? note.Comms.Maps[0] : null);
        }

        return matched;
    }
}

public static class ClassifyCodes
{
    public const string Unassigned = "CM7001";
}
