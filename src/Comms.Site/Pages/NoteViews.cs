using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Model;
using Comms.Site.Render;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>Turns notes into <see cref="NoteView"/>s once; every page reuses them (all pages sit in one folder).</summary>
internal sealed class NoteViews(CommsConfig config)
{
    private readonly SafeMarkdown _markdown = new(allowRelativeLinks: false, headingShift: -1);

    public static bool IsDeprecation(ReleaseNote note) =>
        note.Kinds.Contains("deprecation", StringComparer.Ordinal) ||
        note.Comms.Stability?.Level is "deprecated" or "removed";

    public static bool IsUpgradeNote(ReleaseNote note) => note.ActionRequired || IsDeprecation(note);

    public NoteView Create(ReleaseNote note, SiteRelease release, int rank)
    {
        var text = note.Text.Length > 0 ? note.Text : note.Markdown;
        return new NoteView
        {
            Number = note.PrNumber,
            Html = new SafeHtml(_markdown.ToInlineHtml(text)),
            PrUrl = SafeUrl.Clean(note.PrUrl),
            Author = note.Author,
            AuthorUrl = SafeUrl.Clean(note.AuthorUrl),
            Sigs = note.Sigs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(s => new LinkView(SigNames.Display(s, config), SitePaths.Sig(s))).ToArray(),
            Kinds = note.Kinds,
            Areas = note.Areas,
            Docs = note.Documentation
                .Select(doc => (doc, url: SafeUrl.Clean(doc.Url)))
                .Where(x => x.url is not null)
                .Select(x => new LinkView(x.doc.Description.Length > 0 ? x.doc.Description : x.doc.Type, x.url!)).ToArray(),
            Tags =
            [
                .. note.Kinds.Distinct(StringComparer.Ordinal).Select(k => Tag("kind", k, "tag")),
                .. note.Areas.Distinct(StringComparer.Ordinal).Select(a => Tag("area", a, "tag area")),
                .. note.Comms.Stability is { Level.Length: > 0 } st ? [Tag("stability", st.Level, "tag")] : Array.Empty<TagView>(),
            ],
            Audiences = note.Comms.Audiences.Select(a => a.Audience).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Stability = note.Comms.Stability is { Level.Length: > 0 } s ? Slug.Of(s.Level) : null,
            ActionRequired = note.ActionRequired,
            Deprecation = IsDeprecation(note),
            Release = release.Version.Text,
            ReleaseHref = SitePaths.Release(release),
            Rank = rank,
            DataSigs = Tokens(note.Sigs),
            DataKinds = Tokens(note.Kinds),
            DataAreas = Tokens(note.Areas),
            DataAudiences = Tokens(note.Comms.Audiences.Select(a => a.Audience)),
        };
    }

    /// <summary>The value of a filter as the URL and the page's data use it: lower case, as written (an area keeps its <c>/</c>).</summary>
    public static string FilterValue(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A URL-hash value: percent-encoded, except <c>/</c> (readable) ; <c>,</c> separates values, so it is encoded.</summary>
    public static string HashValue(string value) => Uri.EscapeDataString(FilterValue(value)).Replace("%2F", "/", StringComparison.Ordinal);

    private static TagView Tag(string facet, string value, string css) =>
        new(value, $"{SitePaths.Notes}#{facet}={HashValue(value)}", facet, FilterValue(value), css);

    private static string Tokens(IEnumerable<string> values) =>
        string.Join(' ', values.Select(Slug.Of).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
