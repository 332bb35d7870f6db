using Comms.Core.Diagnostics;
using Comms.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Yaml;

/// <summary>
/// Loads YAML documents with their positions; a syntax error becomes a <c>file(line,col)</c> diagnostic.
/// The events are checked first, without recursion, so depth, scalar size and alias expansion are bounded
/// before a tree is built (a deep file cannot overflow the stack, a "billion laughs" file cannot fill memory).
/// </summary>
public static class YamlFile
{
    public static IReadOnlyList<YamlDocument>? Load(string text, string file, DiagnosticBag diagnostics, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        text = TextSafety.Clean(text);
        try
        {
            if (!Check(text, file, diagnostics, limits))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.ToArray();
        }
        catch (YamlException e)
        {
            diagnostics.Error(Codes.YamlMalformed, $"malformed YAML: {Message(e)}", file, (int)e.Start.Line, (int)e.Start.Column);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            diagnostics.Error(Codes.YamlMalformed, $"malformed YAML: {e.Message}", file, 1, 1);
            return null;
        }
    }

    /// <summary>Walks the parser's events: nesting, scalar length and the node count with aliases expanded.</summary>
    private static bool Check(string text, string file, DiagnosticBag diagnostics, InputLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        long nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case Scalar scalar:
                    nodes++;
                    if (scalar.Value.Length > limits.MaxScalarChars)
                    {
                        return Fail(Codes.InputTooLarge, $"a value of {scalar.Value.Length} characters is longer than the limit of {limits.MaxScalarChars}", current);
                    }

                    if (!scalar.Anchor.IsEmpty)
                    {
                        sizes[scalar.Anchor.Value] = 1;
                    }

                    break;
                case NodeEvent start and (MappingStart or SequenceStart):
                    nodes++;
                    open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes));
                    if (open.Count > limits.MaxDepth)
                    {
                        return Fail(Codes.InputTooDeep, $"nested deeper than {limits.MaxDepth} levels", current);
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, begin) = open.Pop();
                    if (anchor is not null)
                    {
                        sizes[anchor] = nodes - begin + 1;
                    }

                    break;
                case AnchorAlias alias:
                    nodes += sizes.TryGetValue(alias.Value.Value, out var size) ? size : 1;
                    break;
            }

            if (nodes > limits.MaxYamlNodes)
            {
                return Fail(Codes.InputTooLarge, $"more than {limits.MaxYamlNodes} values once aliases (*name) are expanded", current);
            }
        }

        return true;

        bool Fail(string code, string message, ParsingEvent at)
        {
            diagnostics.Error(code, message, file, (int)at.Start.Line, (int)at.Start.Column);
            return false;
        }
    }

    /// <summary>The parser's message without its "(Line: 3, Col: 1, Idx: 20) - (...): " prefix; we print the place ourselves.</summary>
    public static string Message(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).Trim();
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message).Trim();
    }
}
