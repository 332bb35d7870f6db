using System.Text;

namespace Comms.Core.Diagnostics;

/// <summary>
/// Text bound for a terminal: control characters (escape sequences, carriage returns that overwrite a line, C1 controls)
/// and bidirectional overrides from PR text, labels or file names never reach the console.
/// </summary>
public static class ConsoleText
{
    /// <summary>Characters a terminal would obey rather than print: C0 and C1 controls but tab and line feed, DEL, bidi controls.</summary>
    public static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' or '\u007f' => true,
        >= '\u0080' and <= '\u009f' => true,
        '\u061c' or '\u200e' or '\u200f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // A lone carriage return would overwrite the line it ends; a CRLF stays a line end.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append(' ');
            }
            else if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

/// <summary>A writer for the console that passes text through <see cref="ConsoleText.Clean"/>.</summary>
public sealed class ConsoleTextWriter(TextWriter inner) : TextWriter
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (!ConsoleText.IsUnsafe(value))
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(ConsoleText.Clean(Secrets.Redact(value ?? string.Empty)));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(ConsoleText.Clean(Secrets.Redact(value ?? string.Empty)));

    public override void Flush() => Inner.Flush();

    public override string ToString() => Inner.ToString() ?? string.Empty;
}
