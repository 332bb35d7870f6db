using Comms.Core.Extract;
using Comms.Core.Model;

namespace Comms.Core.Pipeline;

/// <summary>The result of the notes stages: the edited notes, and what became of every pull request.</summary>
public sealed record NotesRun(
    IReadOnlyList<ReleaseNote> Notes,
    IReadOnlyList<PullRequest> Pulls,
    IReadOnlyList<ExtractionResult> Extracted)
{
    /// <summary>Pull requests without a note, counted by reason; every reason appears, zero or not.</summary>
    public IReadOnlyDictionary<SkipReason, int> SkippedByReason =>
        Enum.GetValues<SkipReason>().ToDictionary(r => r, r => Extracted.Count(e => e.Skipped == r));

    public int NotesFromPulls => Extracted.Count(e => e.Note is not null);
}
