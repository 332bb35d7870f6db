using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using nietras.SeparatedValues;

namespace Comms.Core.Enhancements;

/// <summary>One item of the tracking board: its issue, what the board says of it, and where it was read.</summary>
public sealed record BoardItem(string Id, string? Title, string? Stage, string Status, string Standing, IReadOnlyList<string> Sigs, string? Url, int Line, int Column);

/// <summary>What a board status means for the release.</summary>
public static class BoardStanding
{
    /// <summary>Tracked: it ships (confirmed).</summary>
    public const string In = "in";

    /// <summary>Removed from the release, deferred: not counted.</summary>
    public const string Out = "out";

    /// <summary>Anything else ("At risk for code freeze"): counted, but not confirmed.</summary>
    public const string Pending = "pending";
}

/// <summary>
/// Reads the CSV (or TSV) that GitHub Projects exports from a view of the tracking board: a header row naming
/// the columns (<c>Title</c>, <c>URL</c> or an issue number, <c>Status</c>, <c>Stage</c>, <c>SIG</c>; any other
/// column is ignored), then one row per item. The status decides membership (<c>enhancements.board_statuses</c>
/// in comms.yaml, Kubernetes defaults), the stage the stage. A byte-order mark, CRLF line ends and quoted fields
/// with commas, quotes and line breaks are read as GitHub writes them; a bad row is a located error.
/// </summary>
public static partial class BoardReader
{
    private static readonly string[] IdColumns = ["url", "issue", "issue url", "number", "issue number", "#", "id", "kep"];
    private static readonly string[] SigColumns = ["sig", "sigs", "owning sig", "owning-sig"];

    [GeneratedRegex(@"/issues/(\d+)\b|^#?(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueNumber();

    /// <summary>Whether <paramref name="path"/> names a board export (<c>.csv</c> or <c>.tsv</c>) rather than a KEP folder.</summary>
    public static bool IsBoardFile(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<BoardItem>? ReadFile(string path, EnhancementsConfig config, IO.InputLimits limits, DiagnosticBag diagnostics)
    {
        var text = IO.InputFile.ReadText(path, "the board export", limits.MaxTextFileBytes, diagnostics);
        return text is null ? null : Read(text, path, config, diagnostics);
    }

    public static IReadOnlyList<BoardItem>? Read(string text, string file, EnhancementsConfig config, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        var delimiter = file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var items = new List<BoardItem>();
        var line = 1;
        try
        {
            using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).FromText(text);
            var header = reader.Header.ColNames.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
            {
                diagnostics.Error(EnhancementCodes.BoardInvalid, "the board export is empty: it needs a header row (Title, URL, Status, Stage, SIG) and a row per item", file, 1, 1);
                return null;
            }

            int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.Ordinal));
            var idColumn = Column(IdColumns);
            var titleColumn = Column("title");
            var statusColumn = Column("status");
            var stageColumn = Column("stage");
            var sigColumn = Column(SigColumns);
            if (idColumn < 0 || statusColumn < 0)
            {
                diagnostics.Error(EnhancementCodes.BoardInvalid,
                    $"the header row needs {(idColumn < 0 ? "a URL (or issue number) column" : string.Empty)}{(idColumn < 0 && statusColumn < 0 ? " and " : string.Empty)}{(statusColumn < 0 ? "a Status column" : string.Empty)}; it has {string.Join(", ", reader.Header.ColNames)}",
                    file, 1, 1);
                return null;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in reader)
            {
                var here = row.LineNumberFrom;
                line = here;
                var raw = row.Span.ToString();
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                string Field(int i) => i >= 0 && i < fields.Length ? fields[i].Trim() : string.Empty;
                int At(int i) => ColumnOf(raw, i, delimiter);
                var idText = Field(idColumn);
                var match = IssueNumber().Match(idText);
                if (!match.Success)
                {
                    diagnostics.Error(EnhancementCodes.BoardInvalid,
                        idText.Length == 0 ? "the row has no issue URL or number" : $"\"{Short(idText)}\" is not an issue URL (…/issues/N) or number",
                        file, here, At(idColumn));
                    continue;
                }

                var id = (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value).TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
                if (seen.TryGetValue(id, out var first))
                {
                    diagnostics.Error(EnhancementCodes.BoardInvalid, $"issue {id} is on the board twice (first on line {first.ToString(CultureInfo.InvariantCulture)}); keep one row", file, here, At(idColumn));
                    continue;
                }

                seen[id] = here;
                var status = Field(statusColumn);
                var standing = Standing(status, config);
                var stageText = Field(stageColumn);
                var stage = stageText.Length == 0 ? null : StageOf(stageText);
                if (stageText.Length > 0 && stage is null && standing != BoardStanding.Out)
                {
                    diagnostics.Error(EnhancementCodes.BoardInvalid,
                        $"stage \"{Short(stageText)}\" is not one of Alpha, Beta, Stable, Deprecation, Removal", file, here, At(stageColumn));
                    continue;
                }

                if (status.Length == 0)
                {
                    diagnostics.Warning(EnhancementCodes.BoardInvalid, $"issue {id} has no status on the board; it is counted but not confirmed", file, here, At(statusColumn));
                }
                else if (standing == BoardStanding.Pending)
                {
                    diagnostics.Warning(EnhancementCodes.BoardInvalid,
                        $"status \"{Short(status)}\" of issue {id} is neither in nor out (enhancements.board_statuses in comms.yaml); it is counted but not confirmed", file, here, At(statusColumn));
                }

                var sigs = Field(sigColumn).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(SigKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
                items.Add(new BoardItem(id, Field(titleColumn) is { Length: > 0 } title ? title : null, stage, status, standing, sigs,
                    idText.Contains("/issues/", StringComparison.Ordinal) ? idText : null, here, At(idColumn)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or FormatException)
        {
            diagnostics.Error(EnhancementCodes.BoardInvalid, $"the board export cannot be read as {(delimiter == ',' ? "CSV" : "TSV")}: {e.Message}", file, line, 1);
            return null;
        }

        return diagnostics.ErrorCount > errors ? null : items;
    }

    /// <summary>In, out or pending, by the configured status lists (case and spacing ignored).</summary>
    public static string Standing(string status, EnhancementsConfig config)
    {
        var key = Normal(status);
        return config.BoardIn.Any(s => Normal(s) == key) ? BoardStanding.In
            : config.BoardOut.Any(s => Normal(s) == key) ? BoardStanding.Out
            : BoardStanding.Pending;
    }

    private static string Normal(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>alpha, beta, stable, deprecated or removed from the board's words ("Stable", "GA", "Deprecation", "Removal").</summary>
    public static string? StageOf(string text) => Normal(text) switch
    {
        "alpha" => Stages.Alpha,
        "beta" => Stages.Beta,
        "stable" or "ga" or "general availability" or "generally available" => Stages.Stable,
        "deprecation" or "deprecated" or "deprecation/removal" => Stages.Deprecated,
        "removal" or "removed" => Stages.Removed,
        _ => null,
    };

    /// <summary><c>node</c> for "SIG Node", "sig/node" or "sig-node".</summary>
    private static string? SigKey(string text)
    {
        var key = Normal(text).Replace("sig/", string.Empty, StringComparison.Ordinal);
        key = key.StartsWith("sig ", StringComparison.Ordinal) ? key[4..] : key;
        return KepReader.SigKey(key.Replace(' ', '-'));
    }

    /// <summary>The 1-based column where field <paramref name="index"/> starts in the raw record (quotes understood).</summary>
    private static int ColumnOf(string raw, int index, char delimiter)
    {
        if (index <= 0)
        {
            return 1;
        }

        var field = 0;
        var quoted = false;
        var column = 1;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            column = c == '\n' ? 1 : column + 1;
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted && ++field == index)
            {
                return column;
            }
        }

        return 1;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
