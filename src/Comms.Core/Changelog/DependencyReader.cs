using Comms.Core.Diagnostics;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Changelog;

/// <summary>
/// Reads the Dependencies section's input:
/// <code>
/// added: {github.com/a/b: v1.2.0}
/// changed: {github.com/c/d: {from: v0.1.0, to: v0.2.0}}
/// removed: {github.com/e/f: v3.0.0}
/// </code>
/// </summary>
public static class DependencyReader
{
    public static DependencyChanges? ReadFile(string path, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(Codes.InputNotFound, "dependencies file not found", path);
            return null;
        }

        if (IO.InputFile.ReadText(path, "the dependencies file", (limits ?? IO.InputLimits.Default).MaxTextFileBytes, diagnostics) is not { } text)
        {
            return null;
        }

        var documents = YamlFile.Load(text, path, diagnostics, limits);
        if (documents is null)
        {
            return null;
        }

        if (documents.Count == 0)
        {
            return new DependencyChanges([], [], []);
        }

        var reader = new YamlReader(path, diagnostics);
        var fields = reader.Mapping(documents[0].RootNode, "the dependencies file", ["added", "changed", "removed"]);
        if (fields is null)
        {
            return null;
        }

        var added = Versions(fields, "added", reader);
        var removed = Versions(fields, "removed", reader);
        var changed = new List<(string, string, string)>();
        if (fields.TryGetValue("changed", out var changedNode))
        {
            foreach (var (module, value) in Entries(changedNode, "changed", reader))
            {
                var range = reader.Mapping(value, $"changed.{module}", ["from", "to"]);
                if (range is null)
                {
                    continue;
                }

                var from = range.TryGetValue("from", out var f) ? reader.String(f, "from") : null;
                var to = range.TryGetValue("to", out var t) ? reader.String(t, "to") : null;
                if (from is null || to is null)
                {
                    reader.Error(Codes.MapWrongType, $"changed.{module} needs both \"from\" and \"to\"", value);
                    continue;
                }

                changed.Add((module, from, to));
            }
        }

        return new DependencyChanges(added, changed, removed);
    }

    private static List<(string, string)> Versions(Dictionary<string, YamlNode> fields, string name, YamlReader reader)
    {
        var result = new List<(string, string)>();
        if (!fields.TryGetValue(name, out var node))
        {
            return result;
        }

        foreach (var (module, value) in Entries(node, name, reader))
        {
            if (reader.String(value, $"{name}.{module}") is { } version)
            {
                result.Add((module, version));
            }
        }

        return result;
    }

    private static IEnumerable<(string Module, YamlNode Value)> Entries(YamlNode node, string name, YamlReader reader)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Error(Codes.MapWrongType, $"\"{name}\" must map module names to versions", node);
            return [];
        }

        return mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value));
    }
}
