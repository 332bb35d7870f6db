using System.Text;
using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.Core.Model;

namespace Comms.Core.Sources;

/// <summary>
/// Reads pull requests from files: a folder of <c>*.json</c>, a JSON array, NDJSON, a single REST pull object,
/// <c>gh pr list --json</c> output, or Kubernetes release-notes JSON (already-extracted notes).
/// </summary>
public static class PullFileReader
{
    public static InputSet Read(string path, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        var pulls = new List<PullRequest>();
        var notes = new List<ReleaseNote>();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.json", SearchOption.TopDirectoryOnly)
                .Concat(Directory.EnumerateFiles(path, "*.ndjson", SearchOption.TopDirectoryOnly))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                diagnostics.Error(Codes.InputNotFound, "the folder holds no *.json or *.ndjson files", path);
            }

            foreach (var file in files)
            {
                ReadFile(file, pulls, notes, diagnostics, limits ?? IO.InputLimits.Default);
            }
        }
        else if (File.Exists(path))
        {
            ReadFile(path, pulls, notes, diagnostics, limits ?? IO.InputLimits.Default);
        }
        else
        {
            diagnostics.Error(Codes.InputNotFound, "no such file or folder", path);
        }

        return new InputSet(Deduplicate(pulls, diagnostics), notes);
    }

    private static void ReadFile(string file, List<PullRequest> pulls, List<ReleaseNote> notes, DiagnosticBag diagnostics, IO.InputLimits limits)
    {
        // Files of records are streamed a record at a time; only a file that is one object is read whole.
        switch (JsonRecords.Open(file, "the input file", objects: true, diagnostics))
        {
            case null:
                return;
            case JsonRecords.Shape.Ndjson:
                JsonRecords.Read(file, JsonRecords.Shape.Ndjson, limits, diagnostics, r => AddRecord(r, $"{file}({r.Line + 1})", file, pulls, diagnostics, limits));
                return;
            case JsonRecords.Shape.Array:
                JsonRecords.Read(file, JsonRecords.Shape.Array, limits, diagnostics, r => AddRecord(r, $"{file}[{r.Index}]", file, pulls, diagnostics, limits));
                return;
            case JsonRecords.Shape.Object:
                JsonRecords.Read(file, JsonRecords.Shape.Object, limits, diagnostics, r =>
                {
                    using var doc = r.Parse(file, diagnostics, limits);
                    if (doc is not null && NotesJsonReader.ReadEntry(r.Key ?? string.Empty, doc.RootElement, r.Spot(file, doc), diagnostics) is { } note)
                    {
                        notes.Add(note);
                    }
                });
                return;
        }

        var bytes = IO.InputFile.ReadBytes(file, "the input file", limits.MaxJsonFileBytes, diagnostics);
        if (bytes is null)
        {
            return;
        }

        if (JsonInput.LooksBinary(bytes))
        {
            diagnostics.Error(Codes.InputBinary, "this is not a text file (it holds binary data); expected JSON pull requests", file, 1, 1);
            return;
        }

        var text = IO.InputFile.Decode(bytes).TrimStart('\uFEFF');
        using var doc = JsonInput.Parse(text, file, diagnostics, limits: limits);
        if (doc is null)
        {
            return;
        }

        var root = doc.RootElement;
        var spot = JsonSpot.For(file, root, text);
        if (root.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                AddPull(item, $"{file}[{index++}]", spot, pulls, diagnostics);
            }
        }
        else if (PullJson.IsPull(root))
        {
            AddPull(root, file, spot, pulls, diagnostics);
        }
        else if (NotesJsonReader.IsNotesDocument(root))
        {
            notes.AddRange(NotesJsonReader.Read(root, spot, diagnostics));
        }
        else if (root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Any() is false)
        {
            // An empty object is an empty notes file.
        }
        else
        {
            diagnostics.Error(Codes.InputUnknownShape,
                "not a pull request, a list of them, NDJSON, or release-notes JSON keyed by PR number", file, 1, 1);
        }
    }

    private static void AddRecord(JsonRecord record, string source, string file, List<PullRequest> pulls, DiagnosticBag diagnostics, IO.InputLimits limits)
    {
        using var doc = record.Parse(file, diagnostics, limits);
        if (doc is not null)
        {
            AddPull(doc.RootElement, source, record.Spot(file, doc), pulls, diagnostics);
        }
    }

    private static void AddPull(JsonElement item, string source, JsonSpot spot, List<PullRequest> pulls, DiagnosticBag diagnostics)
    {
        var pull = PullJson.Read(item, source, out var problem);
        if (pull is null)
        {
            var file = spot.File;
            var (line, column) = spot.Of(PullJson.ProblemElement(item, problem));
            diagnostics.Error(Codes.PullInvalid, $"{(source == file ? string.Empty : source[file.Length..] + " ")}not a pull request: {problem}", file, line, column);
            return;
        }

        pulls.Add(pull);
    }

    private static IReadOnlyList<PullRequest> Deduplicate(List<PullRequest> pulls, DiagnosticBag diagnostics)
    {
        var result = new List<PullRequest>();
        foreach (var group in pulls.GroupBy(p => p.Number).OrderBy(g => g.Key))
        {
            var latest = group.OrderByDescending(p => p.UpdatedAt ?? DateTimeOffset.MinValue).First();
            if (group.Count() > 1)
            {
                diagnostics.Warning(Codes.DuplicatePull,
                    $"PR #{group.Key} appears {group.Count()} times; the most recently updated copy is used",
                    latest.Source);
            }

            result.Add(latest);
        }

        return result;
    }
}
