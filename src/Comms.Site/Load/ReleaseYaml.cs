using System.Globalization;
using Comms.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comms.Site.Load;

/// <summary>The parts of <c>release.yaml</c> the site shows; other keys are left to other stages.</summary>
internal sealed record ReleaseYaml(string? Version, DateOnly? Date, string? Codename, string? Theme, IReadOnlyList<int> Highlights)
{
    public static ReleaseYaml? Read(string path, DiagnosticBag d)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            d.Error(SiteCodes.ReleaseYamlInvalid, $"release.yaml is not valid YAML: {e.Message}", path, (int)e.Start.Line, (int)e.Start.Column);
            return null;
        }
        catch (IOException e)
        {
            d.Error(SiteCodes.ReleaseYamlInvalid, $"cannot read release.yaml: {e.Message}", path);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new ReleaseYaml(null, null, null, null, []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var n = stream.Documents[0].RootNode;
            d.Error(SiteCodes.ReleaseYamlInvalid, "release.yaml must be a mapping (version, release_date, codename, theme, highlights)", path, (int)n.Start.Line, (int)n.Start.Column);
            return null;
        }

        DateOnly? date = null;
        var dateNode = Scalar(root, "release_date", path, d);
        if (dateNode is not null)
        {
            if (DateOnly.TryParseExact(dateNode.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                d.Error(SiteCodes.ReleaseYamlInvalid, $"release_date \"{dateNode.Value}\" is not a date; write it as YYYY-MM-DD", path, (int)dateNode.Start.Line, (int)dateNode.Start.Column);
            }
        }

        return new ReleaseYaml(Scalar(root, "version", path, d)?.Value, date, Scalar(root, "codename", path, d)?.Value,
            Scalar(root, "theme", path, d)?.Value, ReadHighlights(root, path, d));
    }

    private static YamlScalarNode? Scalar(YamlMappingNode root, string key, string path, DiagnosticBag d)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar;
        }

        d.Error(SiteCodes.ReleaseYamlInvalid, $"{key} must be a single value", path, (int)node.Start.Line, (int)node.Start.Column);
        return null;
    }

    private static List<int> ReadHighlights(YamlMappingNode root, string path, DiagnosticBag d)
    {
        var list = new List<int>();
        if (!root.Children.TryGetValue(new YamlScalarNode("highlights"), out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return list;
        }

        if (node is not YamlSequenceNode items)
        {
            d.Error(SiteCodes.ReleaseYamlInvalid, "highlights must be a list of items with `pr: N`", path, (int)node.Start.Line, (int)node.Start.Column);
            return list;
        }

        foreach (var item in items)
        {
            if (item is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("pr"), out var pr) &&
                pr is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                list.Add(number);
            }
            else
            {
                d.Error(SiteCodes.ReleaseYamlInvalid, "a highlight needs `pr: N` with a PR number", path, (int)item.Start.Line, (int)item.Start.Column);
            }
        }

        return list;
    }
}
