using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Comms.Core.Markdown;

/// <summary>What untrusted Markdown may keep.</summary>
public sealed record MarkdownPolicy
{
    /// <summary>Images that load from another host (<c>https://…</c>, <c>//host/…</c>); off by default.</summary>
    public bool AllowRemoteImages { get; init; }

    public static readonly MarkdownPolicy Default = new();
}

/// <summary>
/// Makes Markdown safe to publish through a renderer that lets raw HTML through (Hugo with <c>unsafe = true</c>):
/// the text is parsed as CommonMark (with the GitHub extensions Hugo turns on) and written back with every
/// <c>&lt;</c> outside code escaped, shortcode delimiters (<c>{{</c>) and heading attributes neutralised, unmatched
/// backticks escaped (so a fragment cannot pair with a backtick around it), and links other than http, https,
/// mailto and relative ones (and, unless allowed, remote images) reduced to their text.
/// </summary>
public static class SafeMarkdownText
{
    private const byte Text = 0;
    private const byte Code = 1;
    private const byte Drop = 2;
    private const byte Verbatim = 3;

    /// <summary>
    /// Code as Markdig reads it that another renderer may read as text: inline code holding a pipe (GFM splits a
    /// table row into cells before it looks for code) or a line break (a block boundary elsewhere), and every code
    /// block that is not a fenced block at the top level (an indented block after a footnote, code in a list item,
    /// quote or footnote). A <c>&lt;</c> there that could open a tag gets a zero-width space after it: the code
    /// reads the same, and no renderer sees raw HTML.
    /// </summary>
    private const byte CodeAtRisk = 4;

    /// <summary>A zero-width space: breaks <c>{{</c> inside code, where backslash escapes do not work.</summary>
    private const char Breaker = '\u200B';

    /// <summary>CommonMark with the GitHub extensions Hugo turns on, with source positions: the one parse of untrusted Markdown.</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .UseDefinitionLists()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>A whole Markdown document; a leading front matter block (<c>---</c> … <c>---</c>) is kept as it is.</summary>
    public static string EscapeDocument(string markdown, MarkdownPolicy? policy = null)
    {
        if (markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            if (end > 0)
            {
                var cut = end + 5;
                return markdown[..cut] + Escape(markdown[cut..], policy);
            }
        }

        return Escape(markdown, policy);
    }

    /// <summary>One piece of Markdown (a note, a title, a name).</summary>
    public static string Escape(string? markdown, MarkdownPolicy? policy = null)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return markdown ?? string.Empty;
        }

        policy ??= MarkdownPolicy.Default;
        if (!NeedsWork(markdown))
        {
            return markdown;
        }

        // The same text is escaped many times a build (a note in the changelog, the drafts, every brief, the site,
        // and again by the model's safety pass): parse it once. The result is its own result (escaping is idempotent).
        var key = (policy, markdown);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var escaped = EscapeUncached(markdown, policy);
        // ConcurrentDictionary.Count takes every lock: the entries are counted as they are added instead.
        if (Volatile.Read(ref _cached) >= CacheLimit)
        {
            ClearCache();
        }

        if (Cache.TryAdd(key, escaped))
        {
            Interlocked.Increment(ref _cached);
        }

        if (Cache.TryAdd((policy, escaped), escaped))
        {
            Interlocked.Increment(ref _cached);
        }

        return escaped;
    }

    private static int _cached;

    /// <summary>Most texts kept in the escape cache; past it the cache starts again (a long `comms serve` session stays bounded).</summary>
    private const int CacheLimit = 400_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(MarkdownPolicy, string), string> Cache = new();

    /// <summary>Forgets every cached escape (the end of a build).</summary>
    public static void ClearCache()
    {
        Cache.Clear();
        Volatile.Write(ref _cached, 0);
    }

    /// <summary>
    /// One piece of a larger document escaped as that document's pass would escape it there (not cached): a list item
    /// (<c>- …</c>) or a block that closes itself. <paramref name="closingBraceFollows"/> says that a <c>}</c> comes later in
    /// the document, so every <c>{</c> of the piece's text can start an attribute block.
    /// </summary>
    public static string EscapePiece(string markdown, bool closingBraceFollows, MarkdownPolicy? policy = null) =>
        string.IsNullOrEmpty(markdown) ? markdown : EscapeUncached(markdown, policy ?? MarkdownPolicy.Default, closingBraceFollows);

    private static string EscapeUncached(string markdown, MarkdownPolicy policy, bool closingBraceFollows = false)
    {
        var text = markdown;
        for (var pass = 0; pass < 8; pass++)
        {
            var next = Pass(text, policy, closingBraceFollows);
            if (next == text)
            {
                return text;
            }

            text = next;
        }

        // Removing links kept making new ones: take brackets out of play altogether.
        return Pass(text, policy, closingBraceFollows).Replace("[", "\\[", StringComparison.Ordinal).Replace("\\\\[", "\\[", StringComparison.Ordinal);
    }

    private static string Pass(string text, MarkdownPolicy policy, bool closingBraceFollows = false)
    {
        if (!NeedsWork(text))
        {
            return text;
        }

        var document = Markdig.Markdown.Parse(text, Pipeline);
        var kind = new byte[text.Length];
        var heading = new bool[text.Length];
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case CodeBlock block:
                    Mark(kind, block.Span.Start, block.Span.End, block is FencedCodeBlock && block.Parent is MarkdownDocument ? Code : CodeAtRisk);
                    break;
                case CodeInline code:
                    Mark(kind, code.Span.Start, code.Span.End, AtRisk(text, code.Span.Start, code.Span.End) ? CodeAtRisk : Code);
                    break;
                case HeadingBlock h:
                    for (var i = Math.Max(0, h.Span.Start); i <= h.Span.End && i < text.Length; i++)
                    {
                        heading[i] = true;
                    }

                    break;
                case AutolinkInline autolink when SafeUrl.Clean(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url) is not null:
                    Mark(kind, autolink.Span.Start, autolink.Span.End, Verbatim);
                    break;
                case LinkReferenceDefinition definition when !Allowed(definition.Url, false, policy):
                    Mark(kind, definition.Span.Start, definition.Span.End, Drop);
                    break;
                case LinkInline link when !Allowed(link.GetDynamicUrl?.Invoke() ?? link.Url, link.IsImage, policy):
                    DropLink(kind, link);
                    break;
            }
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (kind[i])
            {
                case Drop:
                    continue;
                case Verbatim:
                    builder.Append(c);
                    continue;
                case Code or CodeAtRisk:
                    builder.Append(c);
                    if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
                    {
                        builder.Append(Breaker);
                    }
                    else if (c == '<' && kind[i] == CodeAtRisk && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
                    {
                        builder.Append(Breaker);
                    }

                    continue;
            }

            switch (c)
            {
                case '\\' when i + 1 < text.Length && kind[i + 1] == Text && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < '\u007f':
                    // An escape pair stays as it is: the character after it is already literal.
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '`':
                    builder.Append("\\`");
                    break;
                case '>' when i > 0 && text[i - 1] is not (' ' or '\t' or '\n' or '>'):
                    // Only a '>' that cannot be a quote marker; it reads better escaped after an escaped '<'.
                    builder.Append("&gt;");
                    break;
                case '{' when heading[i] || (i + 1 < text.Length && text[i + 1] is '{' or '%' or '<') || closingBraceFollows || AttributeShaped(text, i):
                    builder.Append("&#123;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A <c>{</c> with a <c>}</c> after it can read as an attribute block (<c>{onclick=…}</c>) in renderers that support
    /// them, even across a line break; it is written as an entity, which shows the same.
    /// </summary>
    private static bool AttributeShaped(string text, int at) => text.IndexOf('}', at + 1) > at;

    private static bool AtRisk(string text, int start, int end)
    {
        var length = Math.Min(end, text.Length - 1) - start + 1;
        return length > 0 && text.AsSpan(start, length).IndexOfAny('|', '\n') >= 0;
    }

    /// <summary>Only text with something to escape is parsed; plain prose comes back untouched and fast.</summary>
    private static bool NeedsWork(string text) => text.AsSpan().IndexOfAny("<`{[\\") >= 0;

    private static bool Allowed(string? url, bool image, MarkdownPolicy policy)
    {
        if (url is null)
        {
            return true;
        }

        if (SafeUrl.Clean(url, allowRelative: true) is null)
        {
            return string.IsNullOrWhiteSpace(url);
        }

        return !image || policy.AllowRemoteImages || !SafeUrl.IsRemote(url);
    }

    /// <summary>A link that is not allowed keeps its text: the brackets and destination go.</summary>
    private static void DropLink(byte[] kind, LinkInline link)
    {
        var first = link.FirstChild;
        var last = link.LastChild;
        if (first is null || last is null || first.Span.Start < link.Span.Start || last.Span.End > link.Span.End || first.Span.IsEmpty || last.Span.IsEmpty)
        {
            Mark(kind, link.Span.Start, link.Span.End, Drop);
            return;
        }

        Mark(kind, link.Span.Start, first.Span.Start - 1, Drop);
        Mark(kind, last.Span.End + 1, link.Span.End, Drop);
    }

    private static void Mark(byte[] kind, int start, int end, byte value)
    {
        for (var i = Math.Max(0, start); i <= end && i < kind.Length; i++)
        {
            if (kind[i] == Text || value == Drop)
            {
                kind[i] = value;
            }
        }
    }
}
