using System.Text.Json;
using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;

namespace Comms.Core.Json;

/// <summary>Parses JSON text, turning syntax errors into <c>file(line,col)</c> diagnostics.</summary>
public static partial class JsonInput
{
    /// <summary>Deeper than any real input; a bound checked by the parser before it recurses.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>A <c>\uD800</c>-style escape of half a surrogate pair with no other half (an odd number of backslashes before it).</summary>
    [GeneratedRegex(@"(?<!\\)(?:\\\\)*(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LoneSurrogateEscape();

    /// <param name="limits">Bounds from <c>comms.yaml</c> (its <c>max_depth</c>); default <see cref="IO.InputLimits.Default"/>.</param>
    /// <param name="columnOffset">Bytes before the text on its first line (a record inside a line).</param>
    public static JsonDocument? Parse(string text, string file, DiagnosticBag diagnostics, int lineOffset = 0, IO.InputLimits? limits = null, int columnOffset = 0)
    {
        text = ReplaceLoneSurrogates(IO.TextSafety.Clean(text), file, diagnostics, lineOffset, columnOffset);
        try
        {
            return JsonDocument.Parse(text, limits is null || limits.MaxDepth == MaxDepth ? Options : new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1 + lineOffset;
            var column = (int)(e.BytePositionInLine ?? 0) + 1 + ((e.LineNumber ?? 0) == 0 ? columnOffset : 0);
            diagnostics.Error(Codes.JsonMalformed, $"malformed JSON: {Describe(e)}", file, line, column);
            return null;
        }
    }

    /// <summary>
    /// JSON allows <c>"\ud800"</c>, but no .NET string reader does: such escapes become U+FFFD, with a warning at each.
    /// A low half preceded by a high half is a pair, which the pattern skips by matching the high half first.
    /// </summary>
    private static string ReplaceLoneSurrogates(string text, string file, DiagnosticBag diagnostics, int lineOffset, int columnOffset)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return text;
        }

        return LoneSurrogateEscape().Replace(text, m =>
        {
            var escape = m.Value.LastIndexOf('\\');
            var at = m.Index + escape;
            var line = 1 + lineOffset;
            var lineStart = -columnOffset;
            for (var i = 0; i < at; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            diagnostics.Warning(Codes.JsonMalformed, $"\"{m.Value[escape..]}\" is half a surrogate pair; it is read as U+FFFD", file, line, at - lineStart + 1);
            return m.Value[..escape] + "\\ufffd";
        });
    }

    /// <summary>The parser's message without its own position suffix (we print the position in front).</summary>
    internal static string Describe(JsonException e)
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
