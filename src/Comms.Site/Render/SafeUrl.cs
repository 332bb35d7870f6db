namespace Comms.Site.Render;

/// <summary>The link policy for untrusted text; one rule for the site and the Markdown drafts (<see cref="Comms.Core.Markdown.SafeUrl"/>).</summary>
public static class SafeUrl
{
    /// <summary>The URL if it is allowed, else null.</summary>
    public static string? Clean(string? url, bool allowRelative = false) => Comms.Core.Markdown.SafeUrl.Clean(url, allowRelative);
}
