using System.Text;

namespace Comms.Core.Diagnostics;

/// <summary>
/// The secrets of this run (the GitHub token): every console line and diagnostic passes through <see cref="Redact"/>,
/// which finds the token in any form a server can echo it in.
/// </summary>
public static class Secrets
{
    private static readonly object Gate = new();
    private static TokenRedactor[] _redactors = [];

    /// <summary>Registers a secret for the rest of the process (short ones, under 8 characters, are matched whole only).</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (Gate)
        {
            if (_redactors.All(r => r.Secret != secret))
            {
                _redactors = [.. _redactors, new TokenRedactor(secret)];
            }
        }
    }

    public static string Redact(string text)
    {
        foreach (var redactor in Volatile.Read(ref _redactors))
        {
            text = redactor.Redact(text);
        }

        return text;
    }

    public static bool Holds(string text) => Volatile.Read(ref _redactors).Any(r => r.Holds(text));
}

/// <summary>
/// Finds one token in text as it is, URL-encoded, base64 (standard and URL-safe, at any alignment, so inside a Basic
/// header too), in any letter case, and any piece of 8 or more characters of those forms (a truncated or split echo).
/// </summary>
public sealed class TokenRedactor
{
    public const string Mark = "[redacted]";
    private const int Piece = 8;
    private readonly HashSet<string> _pieces = new(StringComparer.Ordinal);
    private readonly string[] _whole;

    public TokenRedactor(string secret)
    {
        Secret = secret;
        var forms = new HashSet<string>(StringComparer.Ordinal) { secret, Uri.EscapeDataString(secret), System.Net.WebUtility.UrlEncode(secret) };
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var pad = 0; pad < 3; pad++)
        {
            var padded = new byte[pad + bytes.Length];
            bytes.CopyTo(padded, pad);
            var b64 = Convert.ToBase64String(padded);
            var first = (pad * 8 + 5) / 6;
            var last = padded.Length * 8 / 6; // characters from here on mix in padding bits
            if (last > first)
            {
                var core = b64[first..last];
                forms.Add(core);
                forms.Add(core.Replace('+', '-').Replace('/', '_'));
            }
        }

        _whole = forms.Select(f => f.ToLowerInvariant()).ToArray();
        if (secret.Length >= Piece)
        {
            foreach (var form in _whole.Where(f => f.Length >= Piece))
            {
                for (var i = 0; i + Piece <= form.Length; i++)
                {
                    _pieces.Add(form.Substring(i, Piece));
                }
            }
        }
    }

    public string Secret { get; }

    public bool Holds(string text) => Marks(text) is not null;

    public string Redact(string text)
    {
        var marks = Marks(text);
        if (marks is null)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!marks[i])
            {
                builder.Append(text[i]);
                continue;
            }

            builder.Append(Mark);
            while (i + 1 < text.Length && marks[i + 1])
            {
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>Which characters belong to an echo of the token, or null when none does.</summary>
    private bool[]? Marks(string text)
    {
        if (text.Length < 4)
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        bool[]? marks = null;
        foreach (var whole in _whole)
        {
            for (var at = lower.IndexOf(whole, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(whole, at + 1, StringComparison.Ordinal))
            {
                marks ??= new bool[text.Length];
                Array.Fill(marks, true, at, whole.Length);
            }
        }

        if (_pieces.Count > 0)
        {
            for (var i = 0; i + Piece <= lower.Length; i++)
            {
                if (_pieces.Contains(lower.Substring(i, Piece)))
                {
                    marks ??= new bool[text.Length];
                    Array.Fill(marks, true, i, Piece);
                }
            }
        }

        return marks;
    }
}
