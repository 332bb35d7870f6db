using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comms.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Yaml;

/// <summary>
/// Typed reads from a YAML mapping with a diagnostic at the node's line and column for every unknown
/// key or wrong type. Used for maps and release files, which come from many hands.
/// </summary>
public sealed class YamlReader(string file, DiagnosticBag diagnostics)
{
    public string File => file;

    public DiagnosticBag Diagnostics => diagnostics;

    public void Error(string code, string message, YamlNode node) =>
        diagnostics.Error(code, message, file, (int)node.Start.Line, (int)node.Start.Column);

    public void Warning(string code, string message, YamlNode node) =>
        diagnostics.Warning(code, message, file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The mapping's entries by key; unknown keys are reported with the closest known one.</summary>
    /// <param name="unknownIsWarning">An unknown key is a warning (it is ignored, as the Kubernetes tool ignores it in maps), not an error.</param>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string what, IReadOnlyCollection<string> known, IReadOnlyDictionary<string, string>? hints = null, bool unknownIsWarning = false)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(Codes.MapWrongType, $"{what} must be a mapping of keys to values", node);
            return null;
        }

        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(key))
            {
                var hint = hints is not null && hints.TryGetValue(key, out var h) ? h : Closest(key, known);
                var message = $"unknown field \"{key}\" in {what}{(hint is null ? string.Empty : $"; did you mean {hint}?")} (known: {string.Join(", ", known)})";
                if (unknownIsWarning)
                {
                    Warning(Codes.MapUnknownField, message + "; it is ignored", keyNode);
                }
                else
                {
                    Error(Codes.MapUnknownField, message, keyNode);
                }

                continue;
            }

            if (!result.TryAdd(key, value))
            {
                Error(Codes.MapUnknownField, $"field \"{key}\" is given twice in {what}", keyNode);
            }
        }

        return result;
    }

    public string? String(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar))
        {
            return IO.TextSafety.Clean(scalar.Value ?? string.Empty);
        }

        if (node is YamlScalarNode)
        {
            return null;
        }

        Error(Codes.MapWrongType, $"\"{field}\" must be text, not a {Describe(node)}", node);
        return null;
    }

    public int? Int(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar &&
            int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Codes.MapWrongType, $"\"{field}\" must be a whole number, not {Show(node)}", node);
        return null;
    }

    public long? Long(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar &&
            long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Codes.MapWrongType, $"\"{field}\" must be a whole number, not {Show(node)}", node);
        return null;
    }

    public bool? Bool(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar)
        {
            switch (scalar.Value?.ToUpperInvariant())
            {
                case "TRUE" or "YES" or "ON":
                    return true;
                case "FALSE" or "NO" or "OFF":
                    return false;
            }
        }

        Error(Codes.MapWrongType, $"\"{field}\" must be true or false, not {Show(node)}", node);
        return null;
    }

    public IReadOnlyList<string>? Strings(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(Codes.MapWrongType, $"\"{field}\" must be a list, e.g. [a, b], not {Show(node)}", node);
            return null;
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !IsNull((YamlScalarNode)item))
            {
                values.Add(IO.TextSafety.Clean(text));
            }
            else
            {
                Error(Codes.MapWrongType, $"every item of \"{field}\" must be text, not {Show(item)}", item);
            }
        }

        return values;
    }

    /// <summary>A list of SIG keys: each must be a safe slug (it names the SIG's page), else a located error and it is left out.</summary>
    public IReadOnlyList<string>? SigKeys(YamlNode node, string field)
    {
        var values = Strings(node, field);
        if (values is null || node is not YamlSequenceNode sequence)
        {
            return values;
        }

        var kept = new List<string>();
        foreach (var item in sequence.Children.OfType<YamlScalarNode>())
        {
            if (item.Value is not { } value || IsNull(item))
            {
                continue;
            }

            if (Model.SafeName.IsValid(value))
            {
                kept.Add(value);
            }
            else
            {
                Error(Codes.NameInvalid, $"SIG \"{value}\" in \"{field}\" must be {Model.SafeName.Rule}, like api-machinery", item);
            }
        }

        return kept;
    }

    /// <summary>Converts free-form YAML (datafields) to JSON, keeping strings as strings and plain numbers and booleans typed.</summary>
    public static JsonElement ToJson(YamlNode node)
    {
        var json = ToJsonNode(node);
        return JsonSerializer.SerializeToElement(json, DeepContext.JsonNode);
    }

    private static readonly JsonNodeContext DeepContext = new(new JsonSerializerOptions { MaxDepth = 256 });

    private static JsonNode? ToJsonNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .Select(c => KeyValuePair.Create(IO.TextSafety.Clean(c.Key is YamlScalarNode { Value: { } key } ? key : c.Key.ToString()), ToJsonNode(c.Value)))
            .DistinctBy(c => c.Key)),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJsonNode).ToArray()),
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(IO.TextSafety.Clean(scalar.Value ?? string.Empty)),
        _ => null,
    };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"\"{Truncate(scalar.Value ?? string.Empty)}\"",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "this",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The known word nearest to <paramref name="key"/> (a few letters off at most), or null.</summary>
    internal static string? Closest(string key, IReadOnlyCollection<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var distance = Levenshtein(key.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;
