using Comms.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Yaml;

/// <summary>Loads YAML documents with their positions; a syntax error becomes a <c>file(line,col)</c> diagnostic.</summary>
public static class YamlFile
{
    public static IReadOnlyList<YamlDocument>? Load(string text, string file, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream.Documents.ToArray();
        }
        catch (YamlException e)
        {
            diagnostics.Error(Codes.YamlMalformed, $"malformed YAML: {Message(e)}", file, (int)e.Start.Line, (int)e.Start.Column);
            return null;
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
