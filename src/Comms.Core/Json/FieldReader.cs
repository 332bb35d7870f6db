using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Json;

/// <summary>Typed reads of an object's fields; a wrong type is a diagnostic, never an exception.</summary>
internal sealed class FieldReader(JsonElement element, string what, JsonSpot file, DiagnosticBag diagnostics)
{
    public string? String(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Wrong(name, "a string");
        return null;
    }

    public int? Int(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        Wrong(name, "a whole number");
        return null;
    }

    public bool Bool(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Wrong(name, "true or false");
        return false;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
        }

        Wrong(name, "a list of strings");
        return [];
    }

    public IReadOnlyList<Documentation> Documentation(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Wrong(name, "a list of links");
            return [];
        }

        var docs = new List<Documentation>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Wrong(name, "a list of links");
                continue;
            }

            var link = new FieldReader(item, what + " documentation", file, diagnostics);
            docs.Add(new Documentation(link.String("description") ?? string.Empty, link.String("url") ?? string.Empty,
                link.String("type") ?? "external"));
        }

        return docs;
    }

    private void Wrong(string name, string expected)
    {
        var (line, column) = file.Of(element.TryGetProperty(name, out var value) ? value : element);
        diagnostics.Error(Codes.PullInvalid, $"{what}: field \"{name}\" must be {expected}", file.File, line, column);
    }
}
