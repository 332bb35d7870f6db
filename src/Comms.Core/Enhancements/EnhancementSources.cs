using Comms.Core.Config;
using Comms.Core.Diagnostics;

namespace Comms.Core.Enhancements;

/// <summary>
/// A release's enhancements from every source given, merged in order, each later one overriding: a folder of
/// KEPs (<c>--enhancements &lt;dir&gt;</c> or <c>enhancements.keps</c>), the tracking board (its tracked issues on
/// GitHub with <c>--enhancements github</c>, or its export with <c>--enhancements &lt;file.csv|file.tsv&gt;</c> or
/// <c>enhancements.board</c>), then the release team's <c>release-notes/&lt;v&gt;/enhancements.yaml</c>. The board
/// decides what is in the release and at which stage; the KEP gives the rest. What a source names but that cannot
/// ship (a provisional KEP, an item the board removed) is kept apart with the reason. Null when no source exists:
/// the drafts then count changes.
/// </summary>
public static class EnhancementSources
{
    /// <summary>The value of <c>--enhancements</c> that reads the tracked issues from GitHub.</summary>
    public const string GitHub = "github";

    public const string TrackingBoard = "tracking board";
    public const string BoardExport = "board export";

    /// <param name="version">The release.</param>
    /// <param name="releaseFolder">The folder of its release.yaml (where enhancements.yaml lives).</param>
    /// <param name="option"><c>--enhancements</c>: a KEP folder, <c>github</c>, or a board export; null for comms.yaml's.</param>
    /// <param name="fromGitHub">Reads the tracked issues of a release (for <c>github</c>).</param>
    public static EnhancementSet? Load(
        string version,
        string releaseFolder,
        CommsConfig config,
        string? option,
        Func<string, DiagnosticBag, IReadOnlyList<Enhancement>?>? fromGitHub,
        DiagnosticBag diagnostics)
    {
        EnhancementSet? found = null;
        var github = string.Equals(option, GitHub, StringComparison.Ordinal);
        var boardOption = option is not null && BoardReader.IsBoardFile(option) ? option : null;
        var keps = option is not null && !github && boardOption is null ? option : config.Enhancements.Keps;
        if (keps is not null)
        {
            found = KepReader.ReadSet(keps, version, diagnostics, config.Enhancements.Url, config.Limits, config.Enhancements.NotShippingStatuses);
        }

        var catalog = found?.Catalog ?? [];

        if (github && fromGitHub?.Invoke(version, diagnostics) is { } tracked)
        {
            found = FromBoard(found, tracked.Select(e => (e with { ConfirmedBy = TrackingBoard }, BoardStanding.In, (string?)null)).ToArray(), "the tracked issues on GitHub", TrackingBoard);
        }

        var board = boardOption ?? (github ? null : config.Enhancements.Board);
        if (board is not null && BoardReader.ReadFile(board, config.Enhancements, config.Limits, diagnostics) is { } items)
        {
            var repo = config.Enhancements.Url.TrimEnd('/');
            var fromBoard = new List<(Enhancement, string, string?)>();
            var known = Known(found);
            foreach (var item in items)
            {
                var stage = item.Stage ?? (known.TryGetValue(item.Id, out var k) ? k.Stage : null);
                if (stage is null && item.Standing != BoardStanding.Out)
                {
                    diagnostics.Error(EnhancementCodes.BoardInvalid, $"issue {item.Id} has no stage on the board and no KEP gives one; fill its Stage column", board, item.Line, item.Column);
                    continue;
                }

                var enhancement = new Enhancement
                {
                    Id = item.Id,
                    Title = item.Title ?? $"Enhancement {item.Id}",
                    Stage = stage ?? Stages.Alpha,
                    OwningSig = item.Sigs.Count > 0 ? item.Sigs[0] : null,
                    ParticipatingSigs = item.Sigs.Skip(1).ToArray(),
                    TrackingUrl = item.Url ?? $"{repo}/issues/{item.Id}",
                    Source = BoardExport,
                    ConfirmedBy = item.Standing == BoardStanding.In ? BoardExport : null,
                    BoardStatus = item.Status.Length > 0 ? item.Status : null,
                };
                fromBoard.Add((enhancement, item.Standing, item.Status));
            }

            found = FromBoard(found, fromBoard, "the board export", BoardExport);
        }

        var file = Path.Combine(releaseFolder, EnhancementFileReader.FileName);
        if (File.Exists(file) && EnhancementFileReader.ReadFile(file, diagnostics) is { } edits)
        {
            found = EnhancementFileReader.Apply(found ?? EnhancementSet.Empty, edits, file, diagnostics);
        }

        return found is null ? null : found with { Catalog = catalog };
    }

    /// <summary>What earlier sources knew, counted or not (an excluded KEP keeps its data), by id.</summary>
    private static Dictionary<string, Enhancement> Known(EnhancementSet? set) =>
        (set?.Enhancements ?? []).Concat((set?.Excluded ?? []).Select(x => x.Data).OfType<Enhancement>())
            .GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// The board over the KEPs: an item in (or pending) is counted at the board's stage with the KEP's title, SIGs,
    /// gates and summary; an item out is excluded; a KEP whose milestone names the release but that the board
    /// does not hold slipped (excluded). The board brings back a KEP left out for its status when it tracks it.
    /// </summary>
    private static EnhancementSet FromBoard(EnhancementSet? keps, IReadOnlyList<(Enhancement Item, string Standing, string? Status)> board, string where, string source)
    {
        var kepById = Known(keps);
        var excluded = (keps?.Excluded ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var result = new Dictionary<string, Enhancement>(StringComparer.Ordinal);
        foreach (var (item, standing, status) in board)
        {
            kepById.TryGetValue(item.Id, out var kep);
            if (standing == BoardStanding.Out)
            {
                excluded[item.Id] = new ExcludedEnhancement(item.Id, kep?.Title ?? item.Title, kep?.Stage ?? item.Stage,
                    $"{where} says \"{status}\"", source, kep);
                continue;
            }

            excluded.Remove(item.Id);
            result[item.Id] = kep is null
                ? item
                : kep with
                {
                    Stage = item.Stage,
                    TrackingUrl = item.TrackingUrl ?? kep.TrackingUrl,
                    OwningSig = kep.OwningSig ?? item.OwningSig,
                    ParticipatingSigs = kep.OwningSig is null ? item.ParticipatingSigs : kep.ParticipatingSigs,
                    Source = item.Source,
                    ConfirmedBy = item.ConfirmedBy,
                    BoardStatus = item.BoardStatus,
                };
        }

        if (keps is not null)
        {
            foreach (var slipped in keps.Enhancements.Where(e => !result.ContainsKey(e.Id) && !excluded.ContainsKey(e.Id)))
            {
                excluded[slipped.Id] = new ExcludedEnhancement(slipped.Id, slipped.Title, slipped.Stage,
                    $"its KEP's milestone names the release, but {where} does not hold it (it slipped)", "kep", slipped);
            }
        }

        return new EnhancementSet(
            result.Values.OrderBy(e => e.Id, IdOrder.Instance).ToArray(),
            excluded.Values.OrderBy(e => e.Id, IdOrder.Instance).ToArray());
    }
}
