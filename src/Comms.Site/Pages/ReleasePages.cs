using System.Globalization;
using Comms.Core.Changelog;
using Comms.Site.Render;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>One page per release (highlights, upgrade notes, notes by section) and its rendered drafts.</summary>
internal static class ReleasePages
{
    // The page's <h1> is the draft's title (its leading "# ..." is dropped); the draft's sections are <h2> and below.
    private static readonly SafeMarkdown Drafts = new(allowRelativeLinks: true, headingShift: 0, headingIds: true, minHeading: 2);

    /// <summary>A release of more notes than this is split into pages of this many (its first HTML stays small at any size).</summary>
    public const int PageNotes = 150;

    /// <summary>The upgrade notes the first page of a split release lists; the upgrade page has them all.</summary>
    public const int PagedUpgradeNotes = 25;

    /// <summary>Pages listed on each side of the page shown in a later page's list of pages (the first page lists them all).</summary>
    public const int PageWindow = 3;

    public static int PageCount(int notes) => notes <= PageNotes ? 1 : (notes + PageNotes - 1) / PageNotes;

    /// <summary>
    /// The notes by section (the changelog's kind sections, in its order; within one, by text then PR), cut into pages of
    /// <see cref="PageNotes"/>: one page when the release is not larger. A section that spans pages continues on the next.
    /// </summary>
    public static List<List<(string Title, NoteView[] Views)>> Paging(ChangelogSections sections, SiteRelease release, IReadOnlyList<NoteView> views)
    {
        var groups = release.Notes.Zip(views)
            .SelectMany(p => sections.SectionsOf(p.First).Take(1).Select(s => (section: s, view: p.Second)))
            .GroupBy(x => x.section, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.view)
                .OrderBy(v => v.Html.Html, StringComparer.Ordinal).ThenBy(v => v.Number).ToArray(), StringComparer.Ordinal);
        var ordered = sections.Order(groups.Keys).Select(title => (Title: title, Views: groups[title])).ToList();
        if (views.Count <= PageNotes)
        {
            return [ordered];
        }

        var pages = new List<List<(string Title, NoteView[] Views)>>();
        var current = new List<(string Title, NoteView[] Views)>();
        var room = PageNotes;
        foreach (var (title, list) in ordered)
        {
            for (var at = 0; at < list.Length;)
            {
                var take = Math.Min(room, list.Length - at);
                current.Add((title, list[at..(at + take)]));
                at += take;
                room -= take;
                if (room == 0)
                {
                    pages.Add(current);
                    current = [];
                    room = PageNotes;
                }
            }
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    public static void Write(SiteContext site)
    {
        var sections = new ChangelogSections(site.Request.Config);
        for (var rank = 0; rank < site.Releases.Count; rank++)
        {
            var release = site.Releases[rank];
            var notes = site.Notes[rank];
            site.Advance("release pages", notes.Count);
            var byNumber = release.Notes.Zip(notes).ToArray();
            var pages = Paging(sections, release, notes);
            var paged = pages.Count > 1;
            var highlights = byNumber.Where(p => p.First.Comms.Highlight is { Score: >= 0 } || release.HighlightPrs.Contains(p.First.PrNumber))
                .Select(p => p.Second).ToArray();
            var upgrade = byNumber.Where(p => NoteViews.IsUpgradeNote(p.First)).Select(p => p.Second).ToArray();
            var drafts = DraftLinks(site, release);
            var title = $"{site.Project} {release.Version.Text}";
            var previous = rank > 0 ? new LinkView(site.Releases[rank - 1].Version.Text, SitePaths.Release(site.Releases[rank - 1])) : null;
            var next = rank + 1 < site.Releases.Count ? new LinkView(site.Releases[rank + 1].Version.Text, SitePaths.Release(site.Releases[rank + 1])) : null;
            // Where each section of a split release starts.
            var nav = paged
                ? pages.SelectMany((page, p) => page.Select(s => (s.Title, p))).GroupBy(x => x.Title, StringComparer.Ordinal)
                    .Select(g => new LinkView(g.Key, SitePaths.Release(release, g.First().p) + "#kind-" + Slug.Of(g.Key))).ToArray()
                : null;
            for (var p = 0; p < pages.Count; p++)
            {
                // The section lists carry each note's anchor (pr-N).
                var ordered = pages[p].Select(s => new NoteGroup(s.Title, "kind-" + Slug.Of(s.Title), site.Models(s.Views, anchored: true))).ToArray();
                var first = p == 0;
                var shownUpgrade = paged && upgrade.Length > PagedUpgradeNotes ? upgrade.Take(PagedUpgradeNotes).ToArray() : upgrade;
                site.Page(SitePaths.Release(release, p), "release", paged ? $"{title} (page {p + 1} of {pages.Count})" : title, new ScriptFields
                {
                    { "Title", title },
                    { "Version", release.Version.Text },
                    { "Date", release.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    { "Codename", release.Codename },
                    { "Theme", release.Theme },
                    { "Count", notes.Count },
                    // The release's story leads the page when the drafts told one; else the notes chosen as highlights.
                    { "Story", first ? release.Story.Select(Story).ToArray() : [] },
                    { "BlogHref", first && release.Drafts.BlogPost is not null ? SitePaths.Blog(release) : null },
                    { "Highlights", first && release.Story.Count == 0 ? site.Models(highlights) : [] },
                    { "Upgrade", first ? site.Models(shownUpgrade) : [] },
                    { "UpgradeMore", first ? upgrade.Length - shownUpgrade.Length : 0 },
                    { "UpgradeTotal", upgrade.Length },
                    { "UpgradeHref", SitePaths.Upgrade + (previous is null ? $"#to={release.Version.Text}" : $"#from={previous.Text}&to={release.Version.Text}") },
                    { "Sections", ordered },
                    { "Nav", first ? nav : null },
                    { "Pages", paged ? PageLinks(release, pages.Count, p) : null },
                    { "Page", p + 1 },
                    { "PageCount", pages.Count },
                    { "Drafts", first ? drafts : [] },
                    { "Previous", previous },
                    { "Next", next },
                });
            }

            Comms.Core.Diagnostics.Timings.Mark("  release note pages");
            WriteDrafts(site, release, title);
        }
    }

    /// <summary>
    /// The list of pages that page <paramref name="shown"/> (0-based) of a split release carries: the first page lists
    /// every page; a later one the first and last pages and <see cref="PageWindow"/> on each side of itself, with a gap
    /// (no link) where pages are left out. A release of any size thus writes its page lists in linear time.
    /// </summary>
    public static PageLinkView[] PageLinks(SiteRelease release, int count, int shown)
    {
        var listed = shown == 0
            ? Enumerable.Range(0, count)
            : new[] { 0, count - 1 }.Concat(Enumerable.Range(shown - PageWindow, 2 * PageWindow + 1)).Where(p => p >= 0 && p < count).Distinct().Order();
        var links = new List<PageLinkView>();
        var last = -1;
        foreach (var p in listed)
        {
            if (p > last + 1)
            {
                links.Add(new("\u2026", null, false));
            }

            links.Add(new((p + 1).ToString(CultureInfo.InvariantCulture), SitePaths.Release(release, p), p == shown));
            last = p;
        }

        return [.. links];
    }

    /// <summary>A story in plain words; a text that only repeats its title is said once.</summary>
    private static object Story(StoryItem item)
    {
        var title = Comms.Templates.TemplateFunctions.Plain(item.Title);
        var text = item.Text is null ? null : Comms.Templates.TemplateFunctions.Plain(item.Text);
        return new StoryView(title, item.Stage, text is null || string.Equals(text.TrimEnd('.', ' '), title.TrimEnd('.', ' '), StringComparison.Ordinal) ? null : text);
    }

    private static LinkView[] DraftLinks(SiteContext site, SiteRelease release)
    {
        var links = new List<LinkView>();
        var p = site.English;
        if (release.Drafts.BlogPost is not null)
        {
            links.Add(new(p.Text("site.drafts.blog"), SitePaths.Blog(release)));
        }

        if (release.Drafts.PressBrief is not null)
        {
            links.Add(new(p.Text("site.drafts.press"), SitePaths.Press(release)));
        }

        if (release.Drafts.Changelog is not null)
        {
            links.Add(new(p.Text("site.drafts.changelog"), SitePaths.Changelog(release)));
        }

        foreach (var audience in site.Request.Audiences.Where(a => release.Drafts.Briefs.ContainsKey(a.Id)))
        {
            links.Add(new(p.Format("site.drafts.brief", ("audience", audience.Name.ToLowerInvariant())), SitePaths.Brief(release, audience.Id)));
        }

        return [.. links];
    }

    private static void WriteDrafts(SiteContext site, SiteRelease release, string title)
    {
        var back = new LinkView(title, SitePaths.Release(release));
        var english = site.English;

        // The page in English and in every language a translation gives it in: each version links to the others.
        void Doc(string path, Func<SiteDrafts, string?> pick, Func<Comms.Templates.Phrases, SiteDrafts, string> docTitle, string page)
        {
            var versions = new List<(string Lang, string Path, string Markdown, string Title, Comms.Templates.Phrases Phrases)>();
            if (pick(release.Drafts) is { } own)
            {
                versions.Add((Comms.Templates.Phrases.DefaultLocale, path, own, docTitle(english, release.Drafts), english));
            }

            foreach (var (lang, drafts) in release.Drafts.Translations)
            {
                if (versions.Count > 0 && pick(drafts) is { } translated && site.PhrasesFor(lang) is { } phrases)
                {
                    versions.Add((lang, SitePaths.InLanguage(path, lang), translated, docTitle(phrases, drafts), phrases));
                }
            }

            var languages = versions.Count < 2 ? null : versions.Select(v => (v.Lang, v.Path, Name: v.Phrases.Text("language.name"))).ToArray();
            foreach (var v in versions)
            {
                var links = languages?.Select(l => new LanguageView(l.Name, l.Lang, l.Path, l.Lang == v.Lang)).ToArray();
                if (links is not null)
                {
                    site.Alternates[v.Path] = links;
                }

                object Model(SafeHtml safe) => new ScriptFields { { "Title", v.Title }, { "Html", safe }, { "Back", back } };
                string? Resolve(string url) => site.DraftLinks.Resolve(release, url);
                var markdown = v.Markdown;
                if (SafeMarkdown.Sections(markdown) is { } sections)
                {
                    // A long draft (the changelog) rendered a section at a time: the same HTML, never one syntax tree of it all.
                    site.PageAround(v.Path, "doc", v.Title, writer =>
                    {
                        for (var i = 0; i < sections.Count; i++)
                        {
                            writer.Write(Drafts.ToHtml(markdown[sections[i]], Resolve, dropFirstTitle: i == 0));
                        }
                    }, Model, bodyClass: "doc", draft: release.Drafts.Flagged.Contains(page), lang: v.Lang, languages: links);
                }
                else
                {
                    var html = Drafts.ToHtml(markdown, Resolve, dropFirstTitle: true);
                    site.PageAround(v.Path, "doc", v.Title, html, Model, bodyClass: "doc", draft: release.Drafts.Flagged.Contains(page), lang: v.Lang, languages: links);
                }
            }

            Comms.Core.Diagnostics.Timings.Mark("  draft page " + page);
        }

        string Titled(Comms.Templates.Phrases p, string key, params (string, object?)[] values) => p.Format(key, [("title", title), .. values]);
        Doc(SitePaths.Blog(release), d => d.BlogPost, (p, d) => d.BlogTitle ?? Titled(p, "site.page.blog"), Publish.DraftPolicy.BlogPage);
        Doc(SitePaths.Press(release), d => d.PressBrief, (p, _) => Titled(p, "site.page.press"), Publish.DraftPolicy.PressPage);
        if (release.Drafts.Changelog is { } changelog)
        {
            // The changelog is the project's record, in English only.
            Doc(SitePaths.Changelog(release), d => ReferenceEquals(d, release.Drafts) ? changelog.Read() : null, (p, _) => Titled(p, "site.page.changelog"), "changelog");
        }

        foreach (var audience in site.Request.Audiences)
        {
            Doc(SitePaths.Brief(release, audience.Id), d => d.Briefs.TryGetValue(audience.Id, out var brief) ? brief : null,
                (p, _) => Titled(p, "site.page.brief", ("audience", audience.Name.ToLowerInvariant())), $"brief-{audience.Id}");
        }
    }
}
