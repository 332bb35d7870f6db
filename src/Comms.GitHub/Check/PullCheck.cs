using System.Globalization;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.Model;

namespace Comms.GitHub.Check;

/// <summary>
/// What a PR check says about one pull request: a release-note block (or NONE) that is not empty, and kind and
/// SIG labels. Uses the same extraction rules as the release notes, so the check and the notes never disagree.
/// </summary>
public static class PullCheck
{
    /// <summary>Adds an error for every problem; returns true when the PR passes.</summary>
    public static bool Run(PullRequest pull, CommsConfig config, DiagnosticBag diagnostics)
    {
        var rules = config.Notes;
        var where = pull.Source ?? "#" + pull.Number.ToString(CultureInfo.InvariantCulture);
        var extraction = new DiagnosticBag();
        var result = new NoteExtractor(config, extraction).Extract(pull);
        foreach (var item in extraction.Items)
        {
            diagnostics.Add(item);
        }

        var before = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var block = "```" + rules.Blocks[0];
        switch (rules.Source == NoteSource.Titles || (rules.Source != NoteSource.Blocks && result.Skipped == SkipReason.NoBlock) ? null : result.Skipped)
        {
            case SkipReason.NoBlock:
                diagnostics.Error(GitHubCodes.CheckNoBlock,
                    $"the description has no {block} block: add one holding the note users should read, or NONE if there is nothing for them", where);
                break;
            case SkipReason.EmptyBlock:
                diagnostics.Error(GitHubCodes.CheckEmptyBlock, $"the {block} block is empty: write the note, or NONE if there is nothing for users", where);
                break;
        }

        if (result.Note is not null && pull.Labels.Contains(rules.NoneLabel, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Error(GitHubCodes.CheckNoneConflict,
                $"the PR has the {rules.NoneLabel} label but its block holds a note: remove the label, or write NONE in the block", where);
        }

        if (rules.Source != NoteSource.Blocks)
        {
            // Notes from titles: the PR needs a title, and a kind from a label or the title's prefix; no SIG.
            if (result.Note is { Kinds.Count: 0 })
            {
                var labels = string.Join(", ", rules.LabelKinds.Keys.Take(4));
                var prefixes = string.Join(", ", rules.TitlePrefixes.Keys.Where(k => k is "feat" or "fix" or "docs").Select(k => k + ":"));
                diagnostics.Error(GitHubCodes.CheckMissingKind,
                    $"the PR has no kind: add a label such as {labels}, or start the title with a Conventional Commit type such as {prefixes}", where);
            }
            else if (result.Skipped == SkipReason.NoBlock)
            {
                diagnostics.Error(GitHubCodes.CheckNoBlock, "the PR has no title to take the note from", where);
            }
        }
        else if (!pull.Labels.Any(l => l.StartsWith(rules.KindPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Error(GitHubCodes.CheckMissingKind, $"the PR has no {rules.KindPrefix}* label (for example {rules.KindPrefix}bug or {rules.KindPrefix}feature)", where);
        }

        if (rules.Source == NoteSource.Blocks && !pull.Labels.Any(l => l.StartsWith(rules.SigPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Error(GitHubCodes.CheckMissingSig, $"the PR has no {rules.SigPrefix}* label naming the owning group", where);
        }

        return diagnostics.Items.Count(d => d.Severity == Severity.Error) == before && !extraction.HasErrors;
    }
}
