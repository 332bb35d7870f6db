using System.Text.Json.Nodes;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Core.Tests.Conformance;

/// <summary>(c) Every release-notes JSON file of the corpus reads and writes back without losing a field.</summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Kubernetes, "relnotes"), "*.json")
            .Concat(Directory.EnumerateFiles(Repo.Kubernetes, "release-notes-draft.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    [CorpusFact]
    public void Every_relnotes_file_round_trips_without_losing_a_field()
    {
        var files = Files().ToArray();
        var notes = 0;
        var failures = new List<string>();
        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            var read = NotesJsonReader.ReadFile(file, diagnostics);
            if (read is null || diagnostics.Items.Count > 0)
            {
                failures.Add($"{file}: {string.Join("; ", diagnostics.Items)}");
                continue;
            }

            notes += read.Count;
            var written = NotesJsonWriter.Write(read);
            var original = Normalize(JsonNode.Parse(File.ReadAllText(file)));
            var back = Normalize(JsonNode.Parse(written));
            if (!JsonNode.DeepEquals(original, back))
            {
                failures.Add($"{file}: {FirstDifference(original, back)}");
                continue;
            }

            // Reading what was written gives the same bytes again.
            using var reread = System.Text.Json.JsonDocument.Parse(written);
            var again = NotesJsonWriter.Write(NotesJsonReader.Read(reread.RootElement, file, diagnostics));
            if (again != written)
            {
                failures.Add($"{file}: a second round trip changed the output");
            }
        }

        output.WriteLine($"{files.Length} files, {notes} notes, {failures.Count} failures");
        Assert.True(files.Length >= 175, $"expected at least 175 files, found {files.Length}");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    /// <summary>Drops what the schema leaves out when empty (null, false, "", []), so only real values are compared.</summary>
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var normal = Normalize(value);
                    if (!IsEmpty(normal))
                    {
                        result[key] = normal;
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue value when value.TryGetValue<bool>(out var b) => !b,
        JsonValue value when value.TryGetValue<string>(out var s) => s.Length == 0,
        _ => false,
    };

    private static string FirstDifference(JsonNode? a, JsonNode? b)
    {
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (!JsonNode.DeepEquals(x[key], y[key]))
                {
                    return $"{key}: {FirstDifference(x[key], y[key])}";
                }
            }
        }

        return $"{a?.ToJsonString() ?? "(missing)"} became {b?.ToJsonString() ?? "(missing)"}";
    }
}
