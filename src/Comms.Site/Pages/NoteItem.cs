using System.Globalization;
using System.Text;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>
/// The default theme's note list item (<c>site/_note.sbn</c>) written in C#: the same bytes as the template renders,
/// without a template context per note. Used only when the theme's <c>_note.sbn</c> is exactly <see cref="Template"/>;
/// a theme that changes it (or overrides it) is rendered by the template engine as before.
/// </summary>
internal static class NoteItem
{
    /// <summary>The template this class writes, character for character.</summary>
    public const string Template =
        "<li class=\"note{{ if note.ActionRequired }} action{{ end }}\"{{ if note.Anchor }} id=\"{{ note.Anchor }}\"{{ end }} data-pr=\"{{ note.Number }}\">\n" +
        "<div class=\"text\">{{ note.Html }}</div>\n" +
        "<p class=\"meta\">{{ if note.ActionRequired }}<strong class=\"badge\">Action required</strong> {{ end }}{{ if note.Deprecation }}<span class=\"badge dep\">Deprecation</span> {{ end }}<a class=\"perma\" href=\"{{ note.ReleaseHref }}#pr-{{ note.Number }}\">{{ note.Release }}</a>{{ if note.PreReleases }}<span class=\"pre\"> (pre-releases: {{ note.PreReleaseText }})</span>{{ end }} · {{ if note.PrUrl }}<a href=\"{{ note.PrUrl }}\">#{{ note.Number }}</a>{{ else }}#{{ note.Number }}{{ end }}{{ if note.Author }} by {{ if note.AuthorUrl }}<a href=\"{{ note.AuthorUrl }}\">@{{ note.Author }}</a>{{ else }}@{{ note.Author }}{{ end }}{{ end }}{{ for sig in note.Sigs }} · <a href=\"{{ sig.Href }}\">SIG {{ sig.Text }}</a>{{ end }}{{ for tag in note.Tags }} <a class=\"{{ tag.Class }}\" href=\"{{ tag.Href }}\" data-facet=\"{{ tag.Facet }}\" data-value=\"{{ tag.Value }}\">{{ tag.Text }}</a>{{ end }}</p>\n" +
        "{{ if note.Docs }}<ul class=\"docs\">{{ for doc in note.Docs }}<li><a href=\"{{ doc.Href }}\">{{ doc.Text }}</a></li>{{ end }}</ul>{{ end }}\n" +
        "</li>\n";

    /// <summary>Whether the theme file at <paramref name="path"/> is the template this class writes.</summary>
    public static bool Matches(string? path)
    {
        if (path is null)
        {
            return false;
        }

        try
        {
            var info = new FileInfo(path);
            return info.Length < 4 * Template.Length && string.Equals(File.ReadAllText(path), Template, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Where <c> id="…"</c> goes in the list item rendered without an anchor: after the class attribute.</summary>
    public static int AnchorAt(NoteView note) => note.ActionRequired ? "<li class=\"note action\"".Length : "<li class=\"note\"".Length;

    /// <summary>The list item of <paramref name="note"/>, with <c>id="<paramref name="anchor"/>"</c> when an anchor is given.</summary>
    public static string Render(NoteView note, string? anchor, StringBuilder buffer)
    {
        var b = buffer.Clear();
        var number = note.Number.ToString(CultureInfo.InvariantCulture);
        b.Append("<li class=\"note");
        if (note.ActionRequired)
        {
            b.Append(" action");
        }

        b.Append('"');
        if (!string.IsNullOrEmpty(anchor))
        {
            b.Append(" id=\"").Append(ScribanEngine.Escape(anchor)).Append('"');
        }

        b.Append(" data-pr=\"").Append(number).Append("\">\n<div class=\"text\">").Append(note.Html.Html).Append("</div>\n<p class=\"meta\">");
        if (note.ActionRequired)
        {
            b.Append("<strong class=\"badge\">Action required</strong> ");
        }

        if (note.Deprecation)
        {
            b.Append("<span class=\"badge dep\">Deprecation</span> ");
        }

        b.Append("<a class=\"perma\" href=\"").Append(ScribanEngine.Escape(note.ReleaseHref)).Append("#pr-").Append(number).Append("\">")
            .Append(ScribanEngine.Escape(note.Release)).Append("</a>");
        if (note.PreReleases.Count > 0)
        {
            b.Append("<span class=\"pre\"> (pre-releases: ").Append(ScribanEngine.Escape(note.PreReleaseText)).Append(")</span>");
        }

        b.Append(" · ");
        if (!string.IsNullOrEmpty(note.PrUrl))
        {
            b.Append("<a href=\"").Append(ScribanEngine.Escape(note.PrUrl)).Append("\">#").Append(number).Append("</a>");
        }
        else
        {
            b.Append('#').Append(number);
        }

        if (!string.IsNullOrEmpty(note.Author))
        {
            b.Append(" by ");
            if (!string.IsNullOrEmpty(note.AuthorUrl))
            {
                b.Append("<a href=\"").Append(ScribanEngine.Escape(note.AuthorUrl)).Append("\">@").Append(ScribanEngine.Escape(note.Author)).Append("</a>");
            }
            else
            {
                b.Append('@').Append(ScribanEngine.Escape(note.Author));
            }
        }

        foreach (var sig in note.Sigs)
        {
            b.Append(" · <a href=\"").Append(ScribanEngine.Escape(sig.Href)).Append("\">SIG ").Append(ScribanEngine.Escape(sig.Text)).Append("</a>");
        }

        foreach (var tag in note.Tags)
        {
            b.Append(" <a class=\"").Append(ScribanEngine.Escape(tag.Class)).Append("\" href=\"").Append(ScribanEngine.Escape(tag.Href))
                .Append("\" data-facet=\"").Append(ScribanEngine.Escape(tag.Facet)).Append("\" data-value=\"").Append(ScribanEngine.Escape(tag.Value))
                .Append("\">").Append(ScribanEngine.Escape(tag.Text)).Append("</a>");
        }

        b.Append("</p>\n");
        if (note.Docs.Count > 0)
        {
            b.Append("<ul class=\"docs\">");
            foreach (var doc in note.Docs)
            {
                b.Append("<li><a href=\"").Append(ScribanEngine.Escape(doc.Href)).Append("\">").Append(ScribanEngine.Escape(doc.Text)).Append("</a></li>");
            }

            b.Append("</ul>");
        }

        b.Append("\n</li>\n");
        return b.ToString();
    }
}
