using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Enhancements;

/// <summary>
/// A release's enhancements as the evidence shows them: notes tied once, the stage each is known to ship at and
/// how, what only a plan says (to confirm with the enhancements team, with why it may have slipped).
/// </summary>
/// <param name="Notes">The notes, each tied to at most one enhancement (<see cref="NoteComms.Enhancement"/>).</param>
/// <param name="Enhancements">Every enhancement counted for the release, at its stage (a note's stage wins over a milestone).</param>
/// <param name="Excluded">What a source named that does not ship, with why.</param>
/// <param name="Confirmations">How each is known: confirmed, evidenced (a note says its stage), tied (notes touch it, none says a stage), planned.</param>
/// <param name="Claims">The note that says each evidenced enhancement's stage.</param>
/// <param name="Slipped">Why a plan that nothing confirms may have slipped, by id.</param>
public sealed record ResolvedEnhancements(
    IReadOnlyList<ReleaseNote> Notes,
    IReadOnlyList<Enhancement> Enhancements,
    IReadOnlyList<ExcludedEnhancement> Excluded,
    IReadOnlyDictionary<string, string> Confirmations,
    IReadOnlyDictionary<string, StageClaim> Claims,
    IReadOnlyDictionary<string, string> Slipped)
{
    /// <summary>Whether the drafts may state it as shipped at its stage: confirmed, or a note of the release says that stage.</summary>
    public bool IsStated(string id) => Confirmations.TryGetValue(id, out var how) && how is Confirmation.Confirmed or Confirmation.Evidenced;
}

/// <summary>Ties notes to enhancements once and decides each enhancement's stage from evidence, not from plans.</summary>
public static class EnhancementResolver
{
    public static ResolvedEnhancements Resolve(IReadOnlyList<ReleaseNote> notes, EnhancementSet set, string version, DiagnosticBag diagnostics, long maxBytes = 4 * 1024 * 1024)
    {
        var milestone = KepReader.Milestone(version);
        var counted = set.Enhancements.ToList();
        var excluded = set.Excluded.ToList();
        var claims = notes.Where(n => !n.DoNotPublish).Select(n => (Note: n, Claim: StageEvidence.Claim(n))).Where(x => x.Claim is not null).ToArray();

        // Evidence beats status: a proposal left out for its status whose feature ships with a note counts.
        foreach (var left in excluded.Where(x => x.Data is not null && x.Source == "kep").ToArray())
        {
            var data = left.Data!;
            var shipped = claims.FirstOrDefault(c => Names(c.Note, data));
            if (shipped.Claim is not null)
            {
                excluded.Remove(left);
                counted.Add(data with { Stage = shipped.Claim.Stage });
                diagnostics.Warning(EnhancementCodes.EvidenceOverStatus,
                    $"enhancement {data.Id} \"{data.Title}\" was left out ({left.Reason}), but PR #{shipped.Note.PrNumber} of {version} says it ships at {shipped.Claim.Stage} (\"{Short(shipped.Claim.Words)}\"); it is counted. Check its status with the enhancements team");
            }
        }

        // A graduation note naming a gate of a proposal that reached the stage earlier (a gate locked, a default
        // flipped) puts that proposal in this release's list, as release teams do.
        var countedIds = counted.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var gatesInRelease = counted.SelectMany(e => e.FeatureGates).ToHashSet(StringComparer.Ordinal);
        foreach (var proposal in set.Catalog)
        {
            if (countedIds.Contains(proposal.Id) || proposal.FeatureGates.Any(gatesInRelease.Contains))
            {
                continue;
            }

            var graduation = claims.FirstOrDefault(c => c.Claim!.Stage is Stages.Stable or Stages.Beta && Names(c.Note, proposal));
            if (graduation.Claim is null)
            {
                continue;
            }

            counted.Add(KepReader.WithSummary(proposal, maxBytes, diagnostics) with { Stage = graduation.Claim.Stage, PreviousStage = proposal.Stage });
            countedIds.Add(proposal.Id);
        }

        var linked = EnhancementLinker.Apply(notes, counted);
        var byId = linked.Where(n => !n.DoNotPublish && n.Comms.Enhancement is not null).GroupBy(n => n.Comms.Enhancement!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.PrNumber).ToArray(), StringComparer.Ordinal);
        var confirmations = new Dictionary<string, string>(StringComparer.Ordinal);
        var proofs = new Dictionary<string, StageClaim>(StringComparer.Ordinal);
        var slipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<Enhancement>();
        foreach (var enhancement in counted)
        {
            var tied = byId.TryGetValue(enhancement.Id, out var its) ? its : [];
            var said = tied.Select(StageEvidence.Claim).OfType<StageClaim>()
                .Where(c => c.What != "introduction" || enhancement.Stage == Stages.Alpha || enhancement.ConfirmedBy is null && enhancement.Stage is not (Stages.Beta or Stages.Stable))
                .OrderByDescending(c => Stages.Rank(c.Stage)).ThenBy(c => c.Pr).FirstOrDefault();
            var stage = enhancement.Stage;
            string how;
            if (enhancement.ConfirmedBy is not null)
            {
                how = Confirmation.Confirmed;
            }
            else if (enhancement.Stage is Stages.Deprecated or Stages.Removed &&
                     tied.FirstOrDefault(n => Compose.GoingAwayComposer.Classify(n) is not null) is { } going)
            {
                how = Confirmation.Evidenced;
                proofs[enhancement.Id] = new StageClaim(enhancement.Stage, "deprecation", going.PrNumber, going.Text.Length > 80 ? going.Text[..77] + "..." : going.Text);
            }
            else if (said is not null && enhancement.Stage is Stages.Alpha or Stages.Beta or Stages.Stable)
            {
                how = Confirmation.Evidenced;
                proofs[enhancement.Id] = said;
                stage = said.Stage;
                if (said.Stage != enhancement.Stage && enhancement.MilestoneNamesRelease)
                {
                    diagnostics.Warning(EnhancementCodes.StageDisagrees,
                        $"PR #{said.Pr} reads as {said.Stage} (\"{Short(said.Words)}\") but enhancement {enhancement.Id} \"{enhancement.Title}\" is {enhancement.Stage} by its milestone in {version}; the note's stage is used");
                }
            }
            else
            {
                how = tied.Length > 0 ? Confirmation.Tied : Confirmation.Planned;
                if (SlipReason(enhancement, milestone) is { } why)
                {
                    slipped[enhancement.Id] = why;
                }
            }

            confirmations[enhancement.Id] = how;
            result.Add(stage == enhancement.Stage ? enhancement : enhancement with { Stage = stage });
        }

        return new ResolvedEnhancements(linked, result.OrderBy(e => e.Id, IdOrder.Instance).ToArray(),
            excluded.OrderBy(e => e.Id, IdOrder.Instance).ToArray(), confirmations, proofs, slipped);
    }

    /// <summary>Why a plan may have slipped: its latest milestone is older than the release, or its own stage is below the one claimed.</summary>
    public static string? SlipReason(Enhancement enhancement, string? milestone)
    {
        if (milestone is not null && enhancement.LatestMilestone is { } latest && SemVersion.TryParse(latest, out var a) && SemVersion.TryParse(milestone, out var b) && a < b)
        {
            return $"its proposal's latest-milestone is {latest}, older than {milestone}";
        }

        if (enhancement.ProposalStage is { } own && Stages.Rank(own) < Stages.Rank(enhancement.Stage) && enhancement.Stage is Stages.Alpha or Stages.Beta or Stages.Stable)
        {
            return $"its proposal says stage: {own}, below {enhancement.Stage}";
        }

        return null;
    }

    /// <summary>A note names an enhancement when it links its proposal or names one of its feature gates.</summary>
    private static bool Names(ReleaseNote note, Enhancement enhancement) =>
        EnhancementLinker.KepIds(note).Contains(enhancement.Id, StringComparer.Ordinal) ||
        enhancement.FeatureGates.Any(g => note.Text.Contains("`" + g + "`", StringComparison.Ordinal) || EnhancementLinker.ContainsWord(note.Text, g));

    private static string Short(string text) => text.Length > 80 ? text[..77] + "..." : text;
}
