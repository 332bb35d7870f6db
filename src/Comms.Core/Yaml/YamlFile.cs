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
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics.Error(Codes.YamlMalformed, $"malformed YAML: {Clean(message)}", file, (int)e.Start.Line, (int)e.Start.Column);
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; we print the place ourselves.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message).Trim();
    }
}
