using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>A link for a layout: text (escaped by the layout) and an href that is relative or an allowed URL.</summary>
public sealed record LinkView(string Text, string Href) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Text", Text), new("Href", Href)];
}

/// <summary>
/// An entry of a split release's list of pages: its number and page, <c>Current</c> for the page shown; a gap in the
/// list (pages left out between the first, the ones near the page shown and the last) has no <c>Href</c>.
/// </summary>
public sealed record PageLinkView(string Text, string? Href, bool Current) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Text", Text), new("Href", Href), new("Current", Current)];
}

/// <summary>One spotlight story on a release page: title, stage and what it gives, in plain words (escaped by the layout).</summary>
public sealed record StoryView(string Title, string? Stage, string? Text) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Title", Title), new("Stage", Stage), new("Text", Text)];
}

/// <summary>A note as the layouts see it. <see cref="Html"/> is sanitized; every other string is escaped by the layout.</summary>
public sealed record NoteView : IScriptFields
{
    public required int Number { get; init; }
    public required SafeHtml Html { get; init; }
    public string? PrUrl { get; init; }
    public string Author { get; init; } = string.Empty;
    public string? AuthorUrl { get; init; }
    public IReadOnlyList<LinkView> Sigs { get; init; } = [];
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Areas { get; init; } = [];
    public IReadOnlyList<LinkView> Docs { get; init; } = [];

    /// <summary>The note's kinds, areas and stability as links that filter the all-notes page by them.</summary>
    public IReadOnlyList<TagView> Tags { get; init; } = [];

    /// <summary>The pre-releases the note also appeared in (on the all-notes page, where a note is shown once per PR).</summary>
    public IReadOnlyList<string> PreReleases { get; init; } = [];

    public string PreReleaseText => string.Join(", ", PreReleases);
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public string? Stability { get; init; }
    public bool ActionRequired { get; init; }
    public bool Deprecation { get; init; }
    public required string Release { get; init; }
    public required string ReleaseHref { get; init; }

    /// <summary>Set on the one list of a page that carries the note's anchor (<c>pr-N</c>).</summary>
    public string? Anchor { get; init; }

    /// <summary>Whether the layout shows the release the note belongs to (on pages spanning releases).</summary>
    public bool ShowRelease { get; init; }

    public required int Rank { get; init; }

    /// <summary>The note's list item as the theme's <c>_note.sbn</c> renders it, made once per build and reused on every page.</summary>
    public SafeHtml Li { get; init; } = new(string.Empty);

    /// <summary>
    /// Where <c>id="pr-N"</c> goes in <see cref="Li"/> for the copy that carries the anchor (-1: nowhere, the list item
    /// has none); null for a view whose list item was not rendered with one. Not seen by layouts.
    /// </summary>
    internal int? AnchorAt { get; init; }

    public required string DataSigs { get; init; }
    public required string DataKinds { get; init; }
    public required string DataAreas { get; init; }
    public required string DataAudiences { get; init; }
    public string DataStability => Stability ?? string.Empty;
    public string DataAction => ActionRequired ? "1" : "0";
    public string DataDeprecation => Deprecation ? "1" : "0";

    /// <summary>What a layout sees (every property, in the order declared).</summary>
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() =>
    [
        new("Number", Number),
        new("Html", Html),
        new("PrUrl", PrUrl),
        new("Author", Author),
        new("AuthorUrl", AuthorUrl),
        new("Sigs", Sigs),
        new("Kinds", Kinds),
        new("Areas", Areas),
        new("Docs", Docs),
        new("Tags", Tags),
        new("PreReleases", PreReleases),
        new("PreReleaseText", PreReleaseText),
        new("Audiences", Audiences),
        new("Stability", Stability),
        new("ActionRequired", ActionRequired),
        new("Deprecation", Deprecation),
        new("Release", Release),
        new("ReleaseHref", ReleaseHref),
        new("Anchor", Anchor),
        new("ShowRelease", ShowRelease),
        new("Rank", Rank),
        new("Li", Li),
        new("DataSigs", DataSigs),
        new("DataKinds", DataKinds),
        new("DataAreas", DataAreas),
        new("DataAudiences", DataAudiences),
        new("DataStability", DataStability),
        new("DataAction", DataAction),
        new("DataDeprecation", DataDeprecation),
    ];
}

/// <summary>A clickable tag: <see cref="Href"/> opens the all-notes page filtered by <see cref="Facet"/> = <see cref="Value"/>.</summary>
public sealed record TagView(string Text, string Href, string Facet, string Value, string Class) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() =>
        [new("Text", Text), new("Href", Href), new("Facet", Facet), new("Value", Value), new("Class", Class)];
}

/// <summary>A titled group of notes (a section of a release, or a release on a page spanning releases).</summary>
public sealed record NoteGroup(string Title, string Id, IReadOnlyList<object> Notes, int Rank = 0, string? Href = null) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() =>
        [new("Title", Title), new("Id", Id), new("Notes", Notes), new("Rank", Rank), new("Href", Href)];
}

/// <summary>A value of a filter: what the URL and data attributes use, and what the reader sees.</summary>
public sealed record OptionView(string Value, string Text, int Rank = 0) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Value", Value), new("Text", Text), new("Rank", Rank)];
}

/// <summary>What every page has: the layout wraps <see cref="Body"/>.</summary>
public sealed record LayoutView : IScriptFields
{
    public required string Project { get; init; }
    public required string Title { get; init; }
    public required SafeHtml Body { get; init; }
    public IReadOnlyList<string> Scripts { get; init; } = [];
    public IReadOnlyList<LinkView> Nav { get; init; } = [];
    public IReadOnlyList<LinkView> Feeds { get; init; } = [];
    public string BodyClass { get; init; } = string.Empty;

    /// <summary>Put before every link of the frame: empty (relative links), or the site's address on the 404 page.</summary>
    public string Base { get; init; } = string.Empty;

    /// <summary>The sitemap's href, or null when there is none (no site_url).</summary>
    public string? Sitemap { get; init; }

    /// <summary>The 404 page's inline script that finds the site's folder (no site_url); its hash is allowed by the page's CSP.</summary>
    public SafeHtml? InlineScript { get; init; }

    public string ScriptSources { get; init; } = "'self'";

    /// <summary>A draft published for preview (<c>--include-drafts</c>): the layout shows a DRAFT banner and asks search engines not to index it.</summary>
    public bool Draft { get; init; }

    public string ConnectSources { get; init; } = "'none'";

    /// <summary>The page's language (<c>lang</c>).</summary>
    public string Lang { get; init; } = "en";

    /// <summary>The page in every language it exists in, this one included (none for a page in one language only).</summary>
    public IReadOnlyList<LanguageView> Languages { get; init; } = [];

    /// <summary>What the layout sees (every property, in the order declared).</summary>
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() =>
    [
        new("Project", Project),
        new("Title", Title),
        new("Body", Body),
        new("Scripts", Scripts),
        new("Nav", Nav),
        new("Feeds", Feeds),
        new("BodyClass", BodyClass),
        new("Base", Base),
        new("Sitemap", Sitemap),
        new("InlineScript", InlineScript),
        new("ScriptSources", ScriptSources),
        new("Draft", Draft),
        new("ConnectSources", ConnectSources),
        new("Lang", Lang),
        new("Languages", Languages),
    ];
}

/// <summary>A page in one language: the language's own name, its code and the page's address; <c>Current</c> for the page shown.</summary>
public sealed record LanguageView(string Text, string Lang, string Href, bool Current) : IScriptFields
{
    public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Text", Text), new("Lang", Lang), new("Href", Href), new("Current", Current)];
}
