using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Comms.Core.Enhancements;

/// <summary>
/// The list a comms lead confirms with the Enhancements team before anything is published, read from the release's
/// <c>release.json</c> as the last build composed it: every counted enhancement with its stage, how it is known,
/// the notes tied to it and its spotlight score with the reasons; the excluded ones with why; the spotlight
/// shortlist. <see cref="EnhancementsFile"/> writes the same list as an <c>enhancements.yaml</c> to confirm.
/// </summary>
public static class EnhancementReview
{
    private static readonly string[] Header = ["id", "stage", "known", "notes", "score", "title", "why it scores"];

    /// <summary>The review as plain text, or null when release.json holds no enhancement data.</summary>
    public static string? Text(string releaseJson)
    {
        using var json = JsonDocument.Parse(releaseJson);
        var root = json.RootElement;
        var version = root.GetProperty("version").GetString();
        if (root.GetProperty("counts").GetProperty("enhancements") is not { ValueKind: JsonValueKind.Object } counts)
        {
            return null;
        }

        int N(string name) => counts.TryGetProperty(name, out var v) ? v.GetInt32() : 0;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Enhancements of {version}: {N("total")} counted ({N("stable")} stable, {N("beta")} beta, {N("alpha")} alpha");
        if (N("deprecated") + N("removed") > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {N("deprecated")} deprecated, {N("removed")} removed");
        }

        text.Append(CultureInfo.InvariantCulture, $"); {N("confirmed")} confirmed, {N("evidenced")} evidenced by a note that says their stage, {N("tied")} tied by notes that say none, {N("planned")} planned only.\n");
        text.Append(N("planned") > 0
            ? $"The drafts print the count as [CONFIRM: …] until the {N("planned")} planned only are confirmed (tracking board, board export or enhancements.yaml) or dropped.\n"
            : "Every counted enhancement is confirmed or evidenced: the drafts print the count as fact.\n");
        text.Append('\n');
        var rows = new List<string[]> { Header };
        foreach (var e in root.GetProperty("enhancements").EnumerateArray())
        {
            rows.Add([
                Str(e, "id"), Str(e, "stage"), Str(e, "confirmation") + (e.TryGetProperty("confirmed_by", out var by) && by.ValueKind == JsonValueKind.String ? $" ({by.GetString()})" : string.Empty),
                e.GetProperty("notes").GetArrayLength().ToString(CultureInfo.InvariantCulture),
                e.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetDouble().ToString("0.##", CultureInfo.InvariantCulture) : "-",
                Str(e, "title"),
                e.TryGetProperty("score_reasons", out var why) && why.ValueKind == JsonValueKind.String ? why.GetString()! : string.Empty,
            ]);
        }

        Table(text, rows);
        var excluded = root.GetProperty("excluded").EnumerateArray().ToArray();
        text.Append(CultureInfo.InvariantCulture, $"\nExcluded, not counted ({excluded.Length}):\n");
        if (excluded.Length == 0)
        {
            text.Append("  none\n");
        }

        foreach (var x in excluded)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Str(x, "id")}  {Str(x, "title")} ({(x.GetProperty("stage").ValueKind == JsonValueKind.String ? Str(x, "stage") : "no stage")}): {Str(x, "reason")}\n");
        }

        text.Append("\nSpotlight shortlist (* in the drafts' highlights; name others under highlights: in release.yaml):\n");
        foreach (var c in root.GetProperty("spotlight_candidates").EnumerateArray())
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {(c.GetProperty("highlighted").GetBoolean() ? "*" : " ")} {Str(c, "id"),-6} {Str(c, "stage"),-7} {c.GetProperty("score").GetDouble().ToString("0.##", CultureInfo.InvariantCulture),5}  {Str(c, "title")} [{Str(c, "confirmation")}]: {Str(c, "reasons")}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// An <c>enhancements.yaml</c> pre-filled with the counted enhancements, each <c>confirmed: false</c> with a comment
    /// saying how it is known, and the excluded ones commented out, for the lead to confirm, drop or re-stage.
    /// </summary>
    public static string? EnhancementsFile(string releaseJson)
    {
        using var json = JsonDocument.Parse(releaseJson);
        var root = json.RootElement;
        if (root.GetProperty("counts").GetProperty("enhancements").ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var version = root.GetProperty("version").GetString();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # The enhancements of {version}, to confirm with the Enhancements team's tracking board.
            # For each entry:
            #   - it ships: change "confirmed: false" to "confirmed: true" (or delete that line);
            #   - it slipped: replace "confirmed: false" with "drop: true";
            #   - the board says another stage: change "stage:".
            # Add a "blurb:" in plain words to tell readers what it does (it wins over the proposal's summary).
            # While any counted enhancement is neither confirmed nor tied to a note, the drafts print the count as
            # [CONFIRM: …] and a build with --warnings-as-errors stops.
            enhancements:

            """);
        foreach (var e in root.GetProperty("enhancements").EnumerateArray())
        {
            var how = Str(e, "confirmation") switch
            {
                Confirmation.Confirmed => $"confirmed by the {(e.TryGetProperty("confirmed_by", out var by) ? by.GetString() : "release team")}",
                Confirmation.Evidenced => $"evidenced: {(e.TryGetProperty("stage_evidence", out var ev) && ev.ValueKind == System.Text.Json.JsonValueKind.String ? ev.GetString() : "a note of the release says its stage")}",
                Confirmation.Tied => $"to confirm: {e.GetProperty("notes").GetArrayLength().ToString(CultureInfo.InvariantCulture)} note(s) of the release tie it, none says its stage{(e.TryGetProperty("likely_slipped", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? "; likely slipped: " + t.GetString() : string.Empty)}",
                _ => $"planned only: a milestone says so, no note ties it{(e.TryGetProperty("likely_slipped", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String ? "; likely slipped: " + s.GetString() : string.Empty)}",
            };
            text.Append(CultureInfo.InvariantCulture, $"  # {Comment(Str(e, "title"))} ({how})\n");
            text.Append(CultureInfo.InvariantCulture, $"  - id: {Quote(Str(e, "id"))}\n    stage: {Str(e, "stage")}\n");
            if (Str(e, "confirmation") != Confirmation.Confirmed)
            {
                text.Append("    confirmed: false\n");
            }
        }

        var excluded = root.GetProperty("excluded").EnumerateArray().ToArray();
        if (excluded.Length > 0)
        {
            text.Append("\n  # Not counted. Uncomment an entry (with its stage) if it does ship after all.\n");
            foreach (var x in excluded)
            {
                text.Append(CultureInfo.InvariantCulture, $"  # - id: {Quote(Str(x, "id"))}  # {Comment(Str(x, "title"))}: {Comment(Str(x, "reason"))}\n");
            }
        }

        return text.ToString();
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    /// <summary>A YAML double-quoted scalar (JSON's escaping is valid YAML).</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Text safe inside a YAML comment: one line.</summary>
    private static string Comment(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void Table(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length - 1).Select(i => Math.Min(48, rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Take(row.Length - 1).Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]));
            text.Append("  ").Append(string.Join("  ", cells)).Append("  ").Append(row[^1]).Append('\n');
        }
    }
}
