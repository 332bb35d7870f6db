using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Edit;

/// <summary>Reads release-notes maps: <c>maps/*.yaml</c>, several YAML documents a file, validated field by field.</summary>
public static class MapReader
{
    private static readonly string[] TopFields = ["pr", "releasenote", "datafields", "pr_body", "audiences", "stability", "highlight"];

    private static readonly string[] NoteFields =
        ["text", "author", "documentation", "sigs", "kinds", "areas", "feature", "action_required", "do_not_publish", "release_version"];

    private static readonly Dictionary<string, string> TopHints = new(StringComparer.Ordinal)
    {
        ["text"] = "releasenote.text", ["author"] = "releasenote.author", ["sigs"] = "releasenote.sigs",
        ["kinds"] = "releasenote.kinds", ["areas"] = "releasenote.areas", ["documentation"] = "releasenote.documentation",
        ["action_required"] = "releasenote.action_required", ["feature"] = "releasenote.feature",
        ["do_not_publish"] = "releasenote.do_not_publish", ["release_note"] = "releasenote",
    };

    /// <summary>Every map in the folder (<c>*.yaml</c>, <c>*.yml</c>), files in name order.</summary>
    public static IReadOnlyList<ReleaseNoteMap> ReadFolder(string folder, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(Codes.InputNotFound, "the maps folder does not exist", folder);
            return [];
        }

        var maps = new List<ReleaseNoteMap>();
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            maps.AddRange(ReadFile(file, diagnostics, limits));
        }

        return maps;
    }

    public static IReadOnlyList<ReleaseNoteMap> ReadFile(string file, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        var bytes = IO.InputFile.ReadBytes(file, "the map", (limits ?? IO.InputLimits.Default).MaxTextFileBytes, diagnostics);
        if (bytes is null)
        {
            return [];
        }

        if (Json.JsonInput.LooksBinary(bytes))
        {
            diagnostics.Error(Codes.InputBinary, "this is not a text file; expected a YAML map", file, 1, 1);
            return [];
        }

        return Read(IO.InputFile.Decode(bytes), file, diagnostics, limits);
    }

    public static IReadOnlyList<ReleaseNoteMap> Read(string text, string file, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        var documents = YamlFile.Load(text, file, diagnostics, limits);
        if (documents is null)
        {
            return [];
        }

        var reader = new YamlReader(file, diagnostics);
        var maps = new List<ReleaseNoteMap>();
        foreach (var document in documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var map = ReadDocument(document.RootNode, reader);
            if (map is not null)
            {
                maps.Add(map);
            }
        }

        return maps;
    }

    private static ReleaseNoteMap? ReadDocument(YamlNode root, YamlReader reader)
    {
        var fields = reader.Mapping(root, "a map", TopFields, TopHints, unknownIsWarning: true);
        if (fields is null)
        {
            return null;
        }

        if (!fields.TryGetValue("pr", out var prNode))
        {
            reader.Error(Codes.MapMissingPr, "a map must name its pull request: add \"pr: <number>\"", root);
            return null;
        }

        var pr = reader.Int(prNode, "pr");
        if (pr is null)
        {
            return null;
        }

        var map = new ReleaseNoteMap
        {
            Pr = pr.Value,
            File = reader.File,
            Line = (int)root.Start.Line,
            Column = (int)root.Start.Column,
            PrBody = fields.TryGetValue("pr_body", out var body) ? reader.String(body, "pr_body") : null,
            Audiences = fields.TryGetValue("audiences", out var audiences) ? reader.Strings(audiences, "audiences") : null,
            Stability = fields.TryGetValue("stability", out var stability) ? reader.String(stability, "stability") : null,
            Highlight = fields.TryGetValue("highlight", out var highlight) ? reader.Bool(highlight, "highlight") : null,
            DataFields = fields.TryGetValue("datafields", out var data) ? DataFields(data, reader) : ReleaseNote.EmptyFields,
        };

        if (fields.TryGetValue("releasenote", out var noteNode) && noteNode is not YamlScalarNode { Value: null or "" })
        {
            map = ReadNote(noteNode, map, reader);
        }

        return map;
    }

    private static ReleaseNoteMap ReadNote(YamlNode node, ReleaseNoteMap map, YamlReader reader)
    {
        var fields = reader.Mapping(node, "releasenote", NoteFields, unknownIsWarning: true);
        if (fields is null)
        {
            return map;
        }

        YamlNode? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        return map with
        {
            Text = Get("text") is { } text ? reader.String(text, "releasenote.text") : null,
            Author = Get("author") is { } author ? reader.String(author, "releasenote.author") : null,
            Sigs = Get("sigs") is { } sigs ? reader.SigKeys(sigs, "releasenote.sigs") : null,
            Kinds = Get("kinds") is { } kinds ? reader.Strings(kinds, "releasenote.kinds") : null,
            Areas = Get("areas") is { } areas ? reader.Strings(areas, "releasenote.areas") : null,
            Feature = Get("feature") is { } feature ? reader.Bool(feature, "releasenote.feature") : null,
            ActionRequired = Get("action_required") is { } ar ? reader.Bool(ar, "releasenote.action_required") : null,
            DoNotPublish = Get("do_not_publish") is { } dnp ? reader.Bool(dnp, "releasenote.do_not_publish") : null,
            ReleaseVersion = Get("release_version") is { } rv ? reader.String(rv, "releasenote.release_version") : null,
            Documentation = Get("documentation") is { } docs ? Documentation(docs, reader) : null,
        };
    }

    private static IReadOnlyList<Documentation>? Documentation(YamlNode node, YamlReader reader)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(Codes.MapWrongType, "\"releasenote.documentation\" must be a list of {description, url, type}", node);
            return null;
        }

        var docs = new List<Documentation>();
        foreach (var item in sequence.Children)
        {
            var fields = reader.Mapping(item, "a documentation link", ["description", "url", "type"]);
            if (fields is null)
            {
                continue;
            }

            var url = fields.TryGetValue("url", out var u) ? reader.String(u, "url") : null;
            if (string.IsNullOrWhiteSpace(url))
            {
                reader.Error(Codes.MapWrongType, "a documentation link needs a \"url\"", item);
                continue;
            }

            var description = fields.TryGetValue("description", out var d) ? reader.String(d, "description") : null;
            var type = fields.TryGetValue("type", out var t) ? reader.String(t, "type") : null;
            docs.Add(new Documentation(description ?? string.Empty, url, type ?? "external"));
        }

        return docs;
    }

    private static IReadOnlyDictionary<string, JsonElement> DataFields(YamlNode node, YamlReader reader)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Error(Codes.MapWrongType, "\"datafields\" must be a mapping, e.g. cve: {id: ...}", node);
            return ReleaseNote.EmptyFields;
        }

        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                reader.Error(Codes.MapWrongType, "the keys of \"datafields\" must be names, not a list or mapping", key);
                continue;
            }

            var badKey = value.AllNodes.OfType<YamlMappingNode>().SelectMany(m => m.Children.Keys).FirstOrDefault(k => k is not YamlScalarNode);
            if (badKey is not null)
            {
                reader.Error(Codes.MapWrongType, $"the keys under \"datafields.{name}\" must be names, not a list or mapping", badKey);
                continue;
            }

            result[name] = YamlReader.ToJson(value);
        }

        return result;
    }
}
