using System.Globalization;
using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Json;

/// <summary>Reads Kubernetes release-notes JSON (relnotes.k8s.io, release-notes-draft.json) and Comms' notes.json.</summary>
public static class NotesJsonReader
{
    public const string CommsKey = "comms";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "commit", "text", "markdown", "documentation", "author", "author_url", "pr_url", "pr_number", "areas", "kinds",
        "sigs", "feature", "duplicate", "duplicate_kind", "action_required", "release_version", "do_not_publish",
        "is_mapped", CommsKey,
    };

    /// <summary>True when the document is an object keyed by PR numbers whose values look like notes.</summary>
    public static bool IsNotesDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using var properties = root.EnumerateObject();
        if (!properties.MoveNext())
        {
            return false;
        }

        var first = properties.Current;
        return int.TryParse(first.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _) &&
               first.Value.ValueKind == JsonValueKind.Object;
    }

    public static IReadOnlyList<ReleaseNote>? ReadFile(string path, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        limits ??= IO.InputLimits.Default;
        var peek = new DiagnosticBag();
        if (JsonRecords.Open(path, "the notes file", objects: true, peek) == JsonRecords.Shape.Object)
        {
            // Streamed a note at a time: only one note's text and document are held.
            var notes = new List<ReleaseNote>();
            JsonRecords.Read(path, JsonRecords.Shape.Object, limits, diagnostics, r =>
            {
                using var doc = r.Parse(path, diagnostics, limits);
                if (doc is not null && ReadEntry(r.Key ?? string.Empty, doc.RootElement, r.Spot(path, doc), diagnostics) is { } note)
                {
                    notes.Add(note);
                }
            });
            return notes;
        }

        var text = IO.InputFile.ReadText(path, "the notes file", (limits ?? IO.InputLimits.Default).MaxJsonFileBytes, diagnostics);
        if (text is null)
        {
            return null;
        }

        using var doc = JsonInput.Parse(text, path, diagnostics, limits: limits);
        if (doc is null)
        {
            return null;
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(Codes.InputUnknownShape, "expected release-notes JSON: an object keyed by PR number", path, 1, 1);
            return null;
        }

        return Read(doc.RootElement, JsonSpot.For(path, doc.RootElement, text), diagnostics);
    }

    public static IReadOnlyList<ReleaseNote> Read(JsonElement root, string file, DiagnosticBag diagnostics) =>
        Read(root, JsonSpot.At(file, root), diagnostics);

    /// <summary>Notes of a document whose elements <paramref name="file"/> locates, for positions in the diagnostics.</summary>
    public static IReadOnlyList<ReleaseNote> Read(JsonElement root, JsonSpot file, DiagnosticBag diagnostics)
    {
        var notes = new List<ReleaseNote>();
        foreach (var entry in root.EnumerateObject())
        {
            if (ReadEntry(entry.Name, entry.Value, file, diagnostics) is { } note)
            {
                notes.Add(note);
            }
        }

        return notes;
    }

    /// <summary>One entry of a release-notes document (its key and value); null after a diagnostic.</summary>
    public static ReleaseNote? ReadEntry(string key, JsonElement value, JsonSpot file, DiagnosticBag diagnostics)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            var (line, column) = file.Of(value);
            diagnostics.Error(Codes.PullInvalid, $"note \"{key}\" is not an object", file.File, line, column);
            return null;
        }

        return ReadNote(key, value, file, diagnostics);
    }

    private static ReleaseNote? ReadNote(string key, JsonElement value, JsonSpot file, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(value, $"note \"{key}\"", file, diagnostics);
        var number = fields.Int("pr_number");
        if (number is null && !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var fromKey))
        {
            var (line, column) = file.Of(value);
            diagnostics.Error(Codes.PullInvalid, $"note \"{key}\" has no pr_number and its key is not a number", file.File, line, column);
            return null;
        }
        else
        {
            number ??= int.Parse(key, CultureInfo.InvariantCulture);
        }

        var extra = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                extra[property.Name] = property.Value.Clone();
            }
        }

        var (comms, dataFields) = ReadComms(value, key, file, diagnostics);
        return new ReleaseNote
        {
            PrNumber = number.Value,
            Commit = fields.String("commit") ?? string.Empty,
            Text = fields.String("text") ?? string.Empty,
            Markdown = fields.String("markdown") ?? string.Empty,
            Documentation = fields.Documentation("documentation"),
            Author = fields.String("author") ?? string.Empty,
            AuthorUrl = fields.String("author_url") ?? string.Empty,
            PrUrl = fields.String("pr_url") ?? string.Empty,
            Areas = fields.Strings("areas"),
            Kinds = fields.Strings("kinds"),
            Sigs = fields.Strings("sigs"),
            Feature = fields.Bool("feature"),
            Duplicate = fields.Bool("duplicate"),
            DuplicateKind = fields.Bool("duplicate_kind"),
            ActionRequired = fields.Bool("action_required"),
            ReleaseVersion = fields.String("release_version"),
            DoNotPublish = fields.Bool("do_not_publish"),
            IsMapped = fields.Bool("is_mapped"),
            DataFields = dataFields,
            Comms = comms,
            Extra = extra,
        };
    }

    private static AudienceAssignment[] ReadAudiences(JsonElement comms, string what, JsonSpot file, DiagnosticBag diagnostics) =>
        comms.TryGetProperty("audiences", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => new FieldReader(a, what + " audience", file, diagnostics))
                .Select(a => new AudienceAssignment(a.String("audience") ?? string.Empty, a.String("rule") ?? string.Empty, a.String("reason") ?? string.Empty))
                .ToArray()
            : [];

    private static StabilityInfo? ReadStability(JsonElement comms, string what, JsonSpot file, DiagnosticBag diagnostics)
    {
        if (!comms.TryGetProperty("stability", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var stability = new FieldReader(element, what + " stability", file, diagnostics);
        return new StabilityInfo(stability.String("level") ?? string.Empty, stability.String("source") ?? string.Empty, stability.String("feature"));
    }

    private static EnhancementRef? ReadEnhancement(JsonElement comms, string what, JsonSpot file, DiagnosticBag diagnostics)
    {
        if (!comms.TryGetProperty("enhancement", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var enhancement = new FieldReader(element, what + " enhancement", file, diagnostics);
        return enhancement.String("id") is { Length: > 0 } id ? new EnhancementRef(id, enhancement.String("how") ?? string.Empty) : null;
    }

    private static HighlightInfo? ReadHighlight(JsonElement comms, string what, JsonSpot file, DiagnosticBag diagnostics)
    {
        if (!comms.TryGetProperty("highlight", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var highlight = new FieldReader(element, what + " highlight", file, diagnostics);
        double score = 0;
        if (element.TryGetProperty("score", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                score = number;
            }
            else
            {
                var (line, column) = file.Of(value);
                diagnostics.Error(Codes.PullInvalid, $"{what} highlight: field \"score\" must be a number", file.File, line, column);
            }
        }
        return new HighlightInfo(score, highlight.String("reason") ?? string.Empty, highlight.Bool("manual"));
    }

    private static (NoteComms, IReadOnlyDictionary<string, JsonElement>) ReadComms(JsonElement note, string key, JsonSpot file, DiagnosticBag diagnostics)
    {
        if (!note.TryGetProperty(CommsKey, out var comms) || comms.ValueKind != JsonValueKind.Object)
        {
            return (NoteComms.Empty, ReleaseNote.EmptyFields);
        }

        var what = $"note \"{key}\" comms";
        var fields = new FieldReader(comms, what, file, diagnostics);
        var extra = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        var data = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in comms.EnumerateObject())
        {
            switch (property.Name)
            {
                case "title" or "merged_at" or "labels" or "maps" or "audiences" or "stability" or "highlight" or "enhancement":
                    break;
                case "datafields" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var field in property.Value.EnumerateObject())
                    {
                        data[field.Name] = field.Value.Clone();
                    }

                    break;
                default:
                    extra[property.Name] = property.Value.Clone();
                    break;
            }
        }

        var merged = fields.String("merged_at");
        return (new NoteComms
        {
            Title = fields.String("title"),
            MergedAt = merged is not null && DateTimeOffset.TryParse(merged, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            Labels = fields.Strings("labels"),
            Maps = fields.Strings("maps"),
            Audiences = ReadAudiences(comms, what, file, diagnostics),
            Stability = ReadStability(comms, what, file, diagnostics),
            Highlight = ReadHighlight(comms, what, file, diagnostics),
            Enhancement = ReadEnhancement(comms, what, file, diagnostics),
            Extra = extra,
        }, data);
    }
}
