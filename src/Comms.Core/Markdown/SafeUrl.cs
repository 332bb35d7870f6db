namespace Comms.Core.Markdown;

/// <summary>
/// The link policy for untrusted text: only http, https and mailto URLs (and, where allowed, relative ones).
/// Browsers ignore tabs, newlines and other control characters inside a scheme, so they are removed before
/// the scheme is read.
/// </summary>
public static class SafeUrl
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];

    /// <summary>The URL if it is allowed, else null.</summary>
    public static string? Clean(string? url, bool allowRelative = false)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        var squeezed = new string(trimmed.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = squeezed.IndexOf(':', StringComparison.Ordinal);
        var stop = squeezed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (stop >= 0 && stop < colon))
        {
            // No scheme: relative. "//host" is protocol-relative, i.e. external: treat as absolute http(s).
            return allowRelative && !squeezed.StartsWith("//", StringComparison.Ordinal) && !squeezed.StartsWith("\\\\", StringComparison.Ordinal)
                ? trimmed
                : null;
        }

        var scheme = squeezed[..colon].ToLowerInvariant();
        if (!Allowed.Contains(scheme, StringComparer.Ordinal))
        {
            return null;
        }

        return scheme == "mailto" || squeezed.StartsWith(scheme + "://", StringComparison.OrdinalIgnoreCase) ? trimmed : null;
    }

    /// <summary>True for a URL that loads from another host (absolute or protocol-relative).</summary>
    public static bool IsRemote(string url)
    {
        var squeezed = new string(url.Trim().Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = squeezed.IndexOf(':', StringComparison.Ordinal);
        var stop = squeezed.IndexOfAny(['/', '?', '#']);
        return squeezed.StartsWith("//", StringComparison.Ordinal) || squeezed.StartsWith("\\\\", StringComparison.Ordinal) ||
               (colon >= 0 && (stop < 0 || colon < stop));
    }
}
