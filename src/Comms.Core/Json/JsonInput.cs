using System.Text.Json;
using Comms.Core.Diagnostics;

namespace Comms.Core.Json;

/// <summary>Parses JSON text, turning syntax errors into <c>file(line,col)</c> diagnostics.</summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static JsonDocument? Parse(string text, string file, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1 + lineOffset;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            diagnostics.Error(Codes.JsonMalformed, $"malformed JSON: {Describe(e)}", file, line, column);
            return null;
        }
    }

    /// <summary>The parser's message without its own position suffix (we print the position in front).</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>True when the first 8 KB hold a NUL byte or mostly control characters: not a text file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return head.Length > 0 && control * 10 > head.Length;
    }
}
