using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Extract;

/// <summary>Turns a pull request's body and labels into a release note, as Kubernetes does (KUBERNETES-RULES.md).</summary>
public sealed partial class NoteExtractor(CommsConfig config, DiagnosticBag diagnostics)
{
    private readonly NotesConfig _rules = config.Notes;


    /// <summary>Extracts every pull; <paramref name="pulls"/> also serves to find cherry-picks' original authors.</summary>
    public IReadOnlyList<ExtractionResult> ExtractAll(IReadOnlyList<PullRequest> pulls)
    {
        var byNumber = new Dictionary<int, PullRequest>();
        foreach (var pull in pulls)
        {
            byNumber.TryAdd(pull.Number, pull);
        }

        var results = pulls.Select(p => Extract(p, byNumber)).ToArray();
        var merged = results.Count(r => r.Skipped != SkipReason.NotMerged);
        if (_rules.Source == NoteSource.Blocks && merged > 0 && results.All(r => r.Skipped is SkipReason.NoBlock or SkipReason.NoneLabel or SkipReason.NotMerged))
        {
            diagnostics.Warning(Codes.NoBlockAnywhere,
                $"none of the {merged.ToString(CultureInfo.InvariantCulture)} merged pull requests has a ```{_rules.Blocks[0]} block, so there are no notes; " +
                "if this project writes no blocks, set `notes: { source: titles }` (or blocks-then-titles) in content/comms.yaml to take notes from PR titles and labels",
                config.File);
        }

        return results;
    }

    public ExtractionResult Extract(PullRequest pull, IReadOnlyDictionary<int, PullRequest>? others = null)
    {
        var where = pull.Source ?? $"#{pull.Number.ToString(CultureInfo.InvariantCulture)}";
        if (!pull.Merged)
        {
            return new ExtractionResult(pull, null, SkipReason.NotMerged);
        }

        var body = (pull.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Length > _rules.MaxBodyChars)
        {
            diagnostics.Warning(Codes.BodyTooLarge,
                $"PR #{pull.Number} has a body of {body.Length:N0} characters; only the first {_rules.MaxBodyChars:N0} were read",
                where);
            body = body[.._rules.MaxBodyChars];
        }

        var labels = pull.Labels;
        var hasNoneLabel = labels.Contains(_rules.NoneLabel, StringComparer.OrdinalIgnoreCase);
        var blocks = FencedBlocks.Find(body);
        var noteBlock = blocks.FirstOrDefault(b => _rules.Blocks.Contains(b.Info, StringComparer.OrdinalIgnoreCase));

        if (_rules.Source == NoteSource.Titles || (noteBlock is null && _rules.Source == NoteSource.BlocksThenTitles))
        {
            return FromTitle(pull, hasNoneLabel, body);
        }

        if (noteBlock is null)
        {
            if (body.Contains(_rules.NoneCommand, StringComparison.OrdinalIgnoreCase))
            {
                return new ExtractionResult(pull, null, SkipReason.None);
            }

            var untagged = blocks.FirstOrDefault(b => b.Info.Length == 0 && b.Content.Trim().Length > 0);
            if (untagged is not null)
            {
                diagnostics.Warning(Codes.UntaggedFence,
                    $"PR #{pull.Number}: a code block without an info string (line {untagged.Line} of the body) was not taken as the note; tag it ```{_rules.Blocks[0]} if it is one",
                    where);
            }

            return new ExtractionResult(pull, null, hasNoneLabel ? SkipReason.NoneLabel : SkipReason.NoBlock);
        }

        if (!noteBlock.Closed)
        {
            diagnostics.Warning(Codes.UnclosedBlock,
                $"PR #{pull.Number}: the {noteBlock.Info} block opened on line {noteBlock.Line} of the body is never closed; the rest of the body was taken as the note",
                where);
        }

        var raw = noteBlock.Content.Trim();
        if (raw.Length == 0)
        {
            diagnostics.Warning(Codes.EmptyNote, $"PR #{pull.Number}: empty release note; the PR gets no note", where);
            return new ExtractionResult(pull, null, SkipReason.EmptyBlock);
        }

        if (IsNone(raw) || body.Contains(_rules.NoneCommand, StringComparison.OrdinalIgnoreCase))
        {
            return new ExtractionResult(pull, null, SkipReason.None);
        }

        if (NoteText.HasActionRequiredMarker(raw) && !pull.Labels.Contains(_rules.ActionRequiredLabel, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Warning(Codes.ActionRequiredUnlabelled,
                $"PR #{pull.Number}: the note says \"action required\" but the PR lacks the {_rules.ActionRequiredLabel} label, so it is not listed as urgent",
                where);
        }

        if (Markdown.MarkdownDepth.TooDeep(raw) is { } depth)
        {
            diagnostics.Error(Codes.NoteTooDeep,
                $"PR #{pull.Number}: the release note nests Markdown {depth} levels deep (quotes, lists, emphasis or links inside each other), past the limit of {Markdown.MarkdownDepth.Limit}; flatten it (a map's releasenote.text can give the note instead)",
                where);
            return new ExtractionResult(pull, null, SkipReason.TooDeep);
        }

        var docsBlock = blocks.FirstOrDefault(b => string.Equals(b.Info, _rules.DocsBlock, StringComparison.OrdinalIgnoreCase));
        var docs = docsBlock is null ? [] : DocsBlock.Parse(docsBlock.Content, _rules);
        return new ExtractionResult(pull, Build(pull, NoteText.Clean(raw), docs, AuthorOf(pull, body, others, where)), null);
    }

    /// <summary>The note of a PR whose title is its note: the Conventional Commit prefix removed, kinds from labels and prefix.</summary>
    private ExtractionResult FromTitle(PullRequest pull, bool hasNoneLabel, string body)
    {
        if (hasNoneLabel || pull.Labels.Any(l => _rules.SkipLabels.Contains(l, StringComparer.OrdinalIgnoreCase)))
        {
            return new ExtractionResult(pull, null, SkipReason.NoneLabel);
        }

        if (body.Contains(_rules.NoneCommand, StringComparison.OrdinalIgnoreCase))
        {
            return new ExtractionResult(pull, null, SkipReason.None);
        }

        var title = TitleNote.Read(pull.Title, _rules);
        if (title.Text.Length == 0)
        {
            return new ExtractionResult(pull, null, SkipReason.NoBlock);
        }

        var note = Build(pull, NoteText.Clean(title.Text), [], AuthorOf(pull, body, null, pull.Source ?? "#" + pull.Number.ToString(CultureInfo.InvariantCulture)), title);
        return new ExtractionResult(pull, note, null);
    }

    /// <summary>A note for <paramref name="pull"/> with the given text: kinds, SIGs and areas from its labels.</summary>
    public ReleaseNote Build(PullRequest pull, string text, IReadOnlyList<Documentation> docs, string? author = null) =>
        Build(pull, text, docs, author, _rules.Source == NoteSource.Blocks ? null : TitleNote.Read(string.Empty, _rules));

    private ReleaseNote Build(PullRequest pull, string text, IReadOnlyList<Documentation> docs, string? author, TitleNote? title)
    {
        var labels = pull.Labels;
        var kinds = WithPrefix(labels, _rules.KindPrefix);
        var areas = WithPrefix(labels, _rules.AreaPrefix);
        var actionRequired = labels.Contains(_rules.ActionRequiredLabel, StringComparer.OrdinalIgnoreCase);
        if (title is not null)
        {
            // Projects without kind/ labels: release-drafter-style labels and the title's Conventional Commit type.
            var mapped = labels.Select(l => _rules.LabelKinds.FirstOrDefault(k => string.Equals(k.Key, l, StringComparison.OrdinalIgnoreCase)).Value)
                .Where(k => k is not null).Select(k => k!);
            kinds = kinds.Concat(mapped).Concat(title.Kind is null ? [] : [title.Kind]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            areas = title.Scope is null ? areas : areas.Append(title.Scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            actionRequired = actionRequired || title.Breaking || labels.Any(l => _rules.BreakingLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
        }

        var sigs = WithPrefix(labels, _rules.SigPrefix);
        author ??= pull.Author ?? "ghost";
        var note = new ReleaseNote
        {
            PrNumber = pull.Number,
            Commit = pull.MergeCommit ?? string.Empty,
            Text = text,
            Documentation = docs,
            Author = author,
            AuthorUrl = $"{config.Project.GitHubUrl}/{author}",
            // A PR's own URL when it is a web link; otherwise (missing, javascript:, …) the one the project's settings give.
            PrUrl = Markdown.SafeUrl.Clean(pull.Url) is not null ? pull.Url! : $"{config.Project.GitHubUrl}/{config.Project.Repo}/pull/{pull.Number.ToString(CultureInfo.InvariantCulture)}",
            Areas = areas,
            Kinds = kinds,
            Sigs = sigs,
            Feature = kinds.Contains(_rules.FeatureKind, StringComparer.Ordinal),
            Duplicate = sigs.Length > 1,
            DuplicateKind = kinds.Length > 1,
            ActionRequired = actionRequired,
            DoNotPublish = labels.Contains(_rules.NoneLabel, StringComparer.OrdinalIgnoreCase),
            Comms = new NoteComms
            {
                Title = pull.Title,
                MergedAt = pull.MergedAt,
                Labels = labels.Order(StringComparer.Ordinal).ToArray(),
            },
        };
        return note with { Markdown = NoteMarkdown.Render(note, config) };
    }

    private bool IsNone(string content)
    {
        var core = content.Trim().Trim('"', '\'', '`', '.', '*', '_', ' ', '\t', '\n');
        return _rules.NoneValues.Contains(core, StringComparer.OrdinalIgnoreCase);
    }

    private string AuthorOf(PullRequest pull, string body, IReadOnlyDictionary<int, PullRequest>? others, string where)
    {
        var author = pull.Author ?? "ghost";
        if (!_rules.CherryPickBots.Contains(author, StringComparer.OrdinalIgnoreCase))
        {
            return author;
        }

        if (CherryPick.OriginalOf(author, body, _rules.CherryPickBots) is { } original &&
            others is not null && others.TryGetValue(original, out var originalPull) && originalPull.Author is not null)
        {
            return originalPull.Author;
        }

        diagnostics.Info(Codes.CherryPickAuthorUnknown,
            $"PR #{pull.Number} is a cherry-pick by {author}; its original PR is not in the input, so the bot stays the author",
            where);
        return author;
    }

    private static string[] WithPrefix(IReadOnlyList<string> labels, string prefix) =>
        labels.Where(l => l.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && l.Length > prefix.Length)
            .Select(l => DisplayName.Clean(l[prefix.Length..]))
            .Where(l => l.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
