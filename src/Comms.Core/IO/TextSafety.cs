using System.Text;

namespace Comms.Core.IO;

/// <summary>Text that every writer can encode: lone UTF-16 surrogates become U+FFFD.</summary>
public static class TextSafety
{
    public static string Clean(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the text holds a lone surrogate.</summary>
    public static bool HasLoneSurrogate(string text) => !ReferenceEquals(Clean(text), text);

    /// <summary>
    /// Text safe to print on a terminal: control characters (escape sequences among them) and bidirectional
    /// controls become U+FFFD, so nothing a file or a server sends can move the cursor, recolour or reorder a line.
    /// </summary>
    public static string ForConsole(string text)
    {
        var clean = Clean(text);
        var builder = (StringBuilder?)null;
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            var bad = char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
            if (bad && builder is null)
            {
                builder = new StringBuilder(clean.Length).Append(clean, 0, i);
            }

            builder?.Append(bad ? '\uFFFD' : c);
        }

        return builder?.ToString() ?? clean;
    }
}
