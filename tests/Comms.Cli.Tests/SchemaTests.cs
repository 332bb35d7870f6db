using System.Text.Json;
using System.Text.Json.Nodes;
using Comms.Cli.Project;
using Comms.Core.Diagnostics;
using Comms.TestKit;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comms.Cli.Tests;

/// <summary>
/// The JSON Schemas in schemas/ (which `comms init` copies into a project for editors): the sample's files and the
/// files `init` writes validate; a misspelt key or a wrong type fails, as the CLI's own diagnostics do.
/// </summary>
public sealed class SchemaTests
{
    private static JsonSchema Schema(string name) => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Root, "schemas", name + ".schema.json")));

    /// <summary>YAML as the language server reads it (the core schema): plain true/false, numbers and null are typed.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value ?? string.Empty),
        YamlScalarNode s => JsonValue.Create(s.Value ?? string.Empty),
        _ => null,
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ => JsonValue.Create(value),
    };

    private static EvaluationResults Validate(string schema, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        return Schema(schema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    public static TheoryData<string, string> SampleFiles()
    {
        var data = new TheoryData<string, string> { { "comms", "content/comms.yaml" }, { "audiences", "content/audiences.yaml" } };
        foreach (var release in Directory.EnumerateDirectories(Path.Combine(Repo.Root, "release-notes")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(release);
            data.Add("release", $"release-notes/{name}/release.yaml");
            if (File.Exists(Path.Combine(release, "enhancements.yaml")))
            {
                data.Add("enhancements", $"release-notes/{name}/enhancements.yaml");
            }

            var maps = Path.Combine(release, "maps");
            foreach (var map in (Directory.Exists(maps) ? Directory.EnumerateFiles(maps, "*.yaml") : []).Order(StringComparer.Ordinal).Take(40))
            {
                data.Add("map", Path.GetRelativePath(Repo.Root, map).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void The_samples_files_validate(string schema, string file)
    {
        var results = Validate(schema, File.ReadAllText(Path.Combine(Repo.Root, file)));
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_files_init_writes_validate_and_name_their_schema()
    {
        var facts = new ProjectFacts("Widgets", "example/widgets", "https://github.com", "v*", "v1.2.0", "v1.1.0");
        foreach (var source in new[] { "blocks", "titles" })
        {
            var files = ProjectFiles.All(facts with { NotesSource = source }).ToDictionary(f => f.Path, f => f.Text);
            foreach (var (path, schema) in new[] { ("content/comms.yaml", "comms"), ("content/audiences.yaml", "audiences"), ("release-notes/v1.2.0/release.yaml", "release") })
            {
                var text = files[path];
                var line = text.Split('\n')[0];
                Assert.StartsWith("# yaml-language-server: $schema=", line, StringComparison.Ordinal);
                var target = Path.GetFullPath(Path.Combine("/project", Path.GetDirectoryName(path)!, line["# yaml-language-server: $schema=".Length..]));
                Assert.Equal(Path.GetFullPath($"/project/{ProjectFiles.SchemaFolder}/{schema}.schema.json"), target);
                Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "schemas", schema + ".schema.json")), files[$"{ProjectFiles.SchemaFolder}/{schema}.schema.json"]);
                var results = Validate(schema, text);
                Assert.True(results.IsValid, path + ": " + Errors(results));
            }
        }
    }

    /// <summary>Each schema names exactly the keys its reader knows, so the editor and the CLI never disagree.</summary>
    [Theory]
    [InlineData("comms", "", typeof(Comms.Core.Config.ConfigLoader), "Top")]
    [InlineData("comms", "project", typeof(Comms.Core.Config.ConfigLoader), "ProjectKeys")]
    [InlineData("comms", "notes", typeof(Comms.Core.Config.ConfigLoader), "NotesKeys")]
    [InlineData("comms", "enhancements", typeof(Comms.Core.Config.ConfigLoader), "EnhancementKeys")]
    [InlineData("release", "", typeof(Comms.Core.Compose.ReleaseFileReader), "Fields")]
    [InlineData("enhancements", "enhancements/items", typeof(Comms.Core.Enhancements.EnhancementFileReader), "Fields")]
    [InlineData("map", "", typeof(Comms.Core.Edit.MapReader), "TopFields")]
    [InlineData("map", "releasenote", typeof(Comms.Core.Edit.MapReader), "NoteFields")]
    [InlineData("audiences", "audiences/items", typeof(Comms.Core.Classify.AudienceRulesReader), "AudienceFields")]
    [InlineData("audiences", "audiences/items/rules/items", typeof(Comms.Core.Classify.AudienceRulesReader), "RuleFields")]
    public void A_schema_names_the_keys_its_reader_knows(string schema, string path, Type reader, string field)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", schema + ".schema.json")))!;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part == "items" ? node["items"]! : node["properties"]![part]!;
        }

        var keys = ((string[])reader.GetField(field, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(keys, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.False((bool?)node["additionalProperties"] ?? true, "unknown keys fail, as they do in the CLI");
    }

    [Theory]
    [InlineData("comms", "project:\n  nmae: Widgets\n")]
    [InlineData("comms", "notes:\n  source: title\n")]
    [InlineData("comms", "drafts:\n  brief_items_per_group: many\n")]
    [InlineData("release", "version: v1.0.0\nrelease_dat: 2026-01-01\n")]
    [InlineData("release", "version: v1.0.0\nhighlights: 12\n")]
    [InlineData("map", "pr: 12\nhighlight: maybe\n")]
    [InlineData("map", "pr: 12\nreleasenote:\n  txt: Hello\n")]
    [InlineData("audiences", "audiences:\n  - id: vendor\n    rules:\n      - id: r\n        reason: why\n        kind: [bug]\n")]
    [InlineData("enhancements", "enhancements:\n  - id: \"12\"\n    stage: gamma\n")]
    public void A_wrong_key_or_type_fails_the_schema_as_it_fails_the_cli(string schema, string yaml)
    {
        Assert.False(Validate(schema, yaml).IsValid);

        // The CLI's readers find the same file wrong.
        using var temp = new TempDir();
        var file = temp.File("input.yaml", yaml);
        var diagnostics = new DiagnosticBag();
        switch (schema)
        {
            case "comms":
                Assert.Null(Comms.Core.Config.ConfigLoader.Parse(yaml, file, diagnostics));
                break;
            case "release":
                Comms.Core.Compose.ReleaseFileReader.ReadFile(file, diagnostics, "v1.0.0");
                break;
            case "map":
                Comms.Core.Edit.MapReader.ReadFile(file, diagnostics);
                break;
            case "audiences":
                Comms.Core.Classify.AudienceRulesReader.Load(file, diagnostics);
                break;
            case "enhancements":
                Comms.Core.Enhancements.EnhancementFileReader.ReadFile(file, diagnostics);
                break;
        }

        Assert.Contains(diagnostics.Items, d => d.Severity >= Severity.Warning && d.Line > 0);
    }
}
