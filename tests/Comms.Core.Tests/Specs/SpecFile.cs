namespace Comms.Core.Tests.Specs;

/// <summary>
/// One example of a spec file: a <c>## heading</c>, input lines (<c>labels:</c>, <c>crlf:</c>, <c>merged:</c>,
/// <c>author:</c>, <c>pr:</c>, <c>original:</c>), a <c>````body</c> fence, then the expectation: a <c>````note</c>
/// fence or a <c>skip:</c> line, and <c>kinds:</c>, <c>sigs:</c>, <c>areas:</c>, <c>flags:</c>, <c>doc:</c>,
/// <c>note-author:</c> and <c>diagnostic:</c> lines.
/// </summary>
public sealed record SpecExample(string File, string Name, int Line)
{
    public Dictionary<string, List<string>> Keys { get; } = new(StringComparer.Ordinal);
    public string? Body { get; set; }
    public string? Note { get; set; }

    public IReadOnlyList<string> All(string key) => Keys.TryGetValue(key, out var values) ? values : [];

    public string? One(string key) => All(key) is [var single] ? single : null;

    /// <summary>A comma-separated key as a sorted list (empty when absent).</summary>
    public IReadOnlyList<string> List(string key) =>
        All(key).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Order(StringComparer.Ordinal).ToArray();
}

/// <summary>Reads the examples of a spec file (Markdown). Fences of four or more backticks hold bodies and notes, so
/// bodies can contain ordinary three-backtick fences.</summary>
public static class SpecFile
{
    public static string Folder => Path.Combine(Comms.TestKit.Repo.Root, "tests", "Comms.Core.Tests", "Specs");

    public static IReadOnlyList<SpecExample> Load(string name)
    {
        var lines = File.ReadAllText(Path.Combine(Folder, name)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<SpecExample>();
        SpecExample? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = new SpecExample(name, line[3..].Trim(), i + 1);
                examples.Add(current);
            }
            else if (current is not null && line.StartsWith("````", StringComparison.Ordinal))
            {
                var fence = line[..(line.Length - line.TrimStart('`').Length)];
                var kind = line[fence.Length..].Trim();
                var content = new List<string>();
                for (i++; i < lines.Length && lines[i] != fence; i++)
                {
                    content.Add(lines[i]);
                }

                if (i >= lines.Length)
                {
                    throw new InvalidDataException($"{name}({current.Line}): the {kind} fence of \"{current.Name}\" is not closed");
                }

                var text = string.Join('\n', content);
                switch (kind)
                {
                    case "body":
                        current.Body = text;
                        break;
                    case "note":
                        current.Note = text;
                        break;
                    default:
                        throw new InvalidDataException($"{name}({i + 1}): unknown fence \"{kind}\"");
                }
            }
            else if (current is not null && line.Length > 0 && !line.StartsWith(' ') && line.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon &&
                     !line[..colon].Contains(' ', StringComparison.Ordinal))
            {
                var key = line[..colon];
                if (!current.Keys.TryGetValue(key, out var values))
                {
                    current.Keys[key] = values = [];
                }

                values.Add(line[(colon + 2)..].Trim());
            }
        }

        return examples;
    }

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
