using Comms.Core.Markdown;

namespace Comms.Core.Changelog;

/// <summary>Markdown safety for text that comes from pull requests, labels, maps and release files.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Untrusted Markdown made safe to publish through a renderer that allows raw HTML: see <see cref="SafeMarkdownText"/>.
    /// </summary>
    public static string EscapeHtml(string markdown, MarkdownPolicy? policy = null) => SafeMarkdownText.Escape(markdown, policy);
}
