using Comms.Core.Diagnostics;

namespace Comms.Templates;

/// <summary>What a template writes: Markdown drafts are written as rendered; HTML escapes every value but <see cref="SafeHtml"/>.</summary>
public enum TemplateOutput
{
    Markdown,
    Html,
}

/// <summary>The one seam between Comms and its template language (Scriban), for drafts and site alike.</summary>
public interface ITemplateEngine
{
    /// <summary>The theme the engine reads its templates from.</summary>
    Theme Theme { get; }

    /// <summary>
    /// Renders the theme's template <paramref name="name"/> (a path relative to a theme folder, e.g.
    /// <c>blog-post.sbn</c> or <c>site/release.sbn</c>) with the model; null (and a located diagnostic) on any
    /// template error.
    /// </summary>
    string? Render(string name, object model, DiagnosticBag diagnostics);

    /// <summary>The same engine speaking from another phrase table (a translation, or the theme's own English).</summary>
    ITemplateEngine Speaking(Phrases phrases);
}
