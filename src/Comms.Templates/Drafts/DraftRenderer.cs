using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Changelog;
using Comms.Core.Classify;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.Core.Json;
using Comms.Core.Model;

namespace Comms.Templates.Drafts;

/// <summary>Renders every draft of a release in memory; nothing is written unless all of them render.</summary>
public sealed partial class DraftRenderer(ITemplateEngine theme, CommsConfig config, DiagnosticBag diagnostics)
{
    private readonly ITemplateEngine _theme = theme;
    private readonly Dictionary<string, Phrases?> _tables = new(StringComparer.Ordinal);
    private ITemplateEngine engine = theme;

    /// <summary>Two printed pages hold about this many words of a press brief.</summary>
    public const int PressBriefWordLimit = 900;

    public const string CalendarFile = "comms-calendar.ics";

    /// <summary>The folder of the feature-blog placeholders, inside a release's drafts folder; the build owns it.</summary>
    public const string FeatureBlogsFolder = "feature-blogs";

    [GeneratedRegex(@"\brevert(?:s|ed|ing)?\b[^#\n]{0,80}#(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevertOf();

    [GeneratedRegex(@"(?<=[\u3002\uFF01\uFF1F\u300D\uFF09]) +(?=[^\s\-*#|>])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceGap();

    /// <summary>
    /// File name to contents, in a stable order; null when a template failed. The changelog and notes.json are written
    /// as they render, into <paramref name="sink"/> (the staging folder) when there is one.
    /// </summary>
    public DraftDictionary? Render(ReleaseModel release, IReadOnlyList<ReleaseNote> allNotes, IReadOnlyList<Audience> audiences, string? about, IDraftSink? sink = null)
    {
        // The theme's phrases: a malformed table stops the build before any draft is made.
        if (Phrases.Load(_theme.Theme, Phrases.DefaultLocale, diagnostics) is not { } phrases)
        {
            return null;
        }

        engine = _theme.Speaking(phrases);

        var model = DraftModel.Build(release, audiences, config, about, phrases);
        Timings.Mark("draft model");
        var drafts = new DraftDictionary(sink);
        drafts.WriteText("CHANGELOG.md", writer => Changelog(writer, release, allNotes, phrases));
        Timings.Mark("changelog");
        drafts.Write("notes.json", stream => NotesJsonWriter.Write(stream, allNotes));
        Timings.Mark("notes.json");
        drafts[ReleaseJsonWriter.FileName] = ReleaseJsonWriter.Write(release);
        using var shared = ScriptModel.ShareConversions();
        var plan = CyclePlan.Build(release, config, diagnostics, phrases);
        CycleViews.Add(model, plan, release, config, phrases);
        var ok = AddDrafts(drafts, string.Empty, model, plan, release, audiences, config, phrases, diagnostics);
        var shortVersion = DraftModel.ShortVersion(release.Release.Version);
        drafts[CalendarFile] = ReleaseCalendar.Write(plan.Milestones, config.Project.Name, shortVersion, release.Release.ReleaseDate,
            phrases.Format("titles.calendar", ("project", config.Project.Name), ("version", shortVersion)));
        foreach (var locale in Locales)
        {
            ok &= Translate(drafts, locale, release, audiences, about);
        }

        if (!ok)
        {
            return null;
        }

        CheckPressBriefLength(drafts["press-brief.md"]);
        CheckReverts(release, allNotes, drafts);
        Timings.Mark("draft checks");
        return drafts;
    }

    /// <summary>The languages the drafts are also written in (<c>--locales</c>, <c>locales:</c> in comms.yaml), each in its own folder.</summary>
    public IReadOnlyList<string> Locales { get; init; } = [];

    /// <summary>The file beside a translation that says what is left to translate.</summary>
    public const string TranslationFile = "translation.md";

    /// <summary>The drafts written from templates, into <paramref name="prefix"/> (the release's folder, or a language's).</summary>
    private bool AddDrafts(DraftDictionary drafts, string prefix, Dictionary<string, object?> model, CyclePlan plan, ReleaseModel release,
        IReadOnlyList<Audience> audiences, CommsConfig settings, Phrases phrases, DiagnosticBag bag)
    {
        var ok = true;
        ok &= Add(drafts, prefix + "blog-post.md", "blog-post" + Theme.TemplateExtension, model, bag);
        ok &= Add(drafts, prefix + "press-brief.md", "press-brief" + Theme.TemplateExtension, model, bag);
        ok &= Add(drafts, prefix + "announcement-email.md", "announcement-email" + Theme.TemplateExtension, model, bag);
        if (plan.Going.Count > 0)
        {
            ok &= Add(drafts, prefix + "sneak-peek.md", "sneak-peek" + Theme.TemplateExtension, model, bag);
        }

        if (plan.Blogs.Count > 0)
        {
            ok &= Add(drafts, prefix + "feature-blogs.md", "feature-blogs" + Theme.TemplateExtension, model, bag);
            var posts = (object?[])((Dictionary<string, object?>)model["feature_blogs"]!)["posts"]!;
            for (var i = 0; i < plan.Blogs.Count; i++)
            {
                var post = new Dictionary<string, object?>(model, StringComparer.Ordinal) { ["post"] = posts[i] };
                ok &= Add(drafts, prefix + FeatureBlogsFolder + "/" + plan.Blogs[i].FileName, "feature-blog" + Theme.TemplateExtension, post, bag);
            }
        }

        ok &= Add(drafts, prefix + "comms-plan.md", "comms-plan" + Theme.TemplateExtension, model, bag);
        ok &= Add(drafts, prefix + "webinar-slides.md", "webinar-slides" + Theme.TemplateExtension, model, bag);
        ok &= Add(drafts, prefix + "webinar-email.md", "webinar-email" + Theme.TemplateExtension, model, bag);
        foreach (var audience in audiences)
        {
            var own = $"brief-{audience.Id}{Theme.TemplateExtension}";
            var template = Theme.IsValidName(own) && _theme.Theme.Find(own) is not null ? own : "audience-brief" + Theme.TemplateExtension;
            ok &= Add(drafts, $"{prefix}brief-{audience.Id}.md", template, DraftModel.ForAudience(model, release, audience, settings, phrases), bag);
        }

        return ok;
    }

    /// <summary>
    /// The drafts again in <paramref name="locale"/>, in <c>&lt;locale&gt;/</c>: the fixed text from the language's table,
    /// free text in English between translator markers, and <c>translation.md</c>. The warnings the English drafts
    /// already gave are not repeated; the table's own (a missing phrase) and every error are.
    /// </summary>
    private bool Translate(DraftDictionary drafts, string locale, ReleaseModel release, IReadOnlyList<Audience> audiences, string? about)
    {
        // One table per language for the whole build: a phrase it lacks is warned about once, not once per release.
        if (!_tables.TryGetValue(locale, out var phrases))
        {
            phrases = Phrases.Load(_theme.Theme, locale, diagnostics);
            _tables[locale] = phrases;
        }

        if (phrases is null)
        {
            return false;
        }

        var english = engine;
        engine = _theme.Speaking(phrases);
        try
        {
            var bag = new DiagnosticBag();
            var model = DraftModel.Build(release, audiences, config, about, phrases);
            var plan = CyclePlan.Build(release, config, bag, phrases);
            CycleViews.Add(model, plan, release, config, phrases);
            var prefix = locale + "/";
            var ok = AddDrafts(drafts, prefix, model, plan, release, audiences, config, phrases, bag);
            // A template's error is the same in every language: told once.
            foreach (var item in bag.Items.Where(i => i.Severity == Severity.Error || i.Code == ComposeCodes.PhraseMissing).Where(i => !diagnostics.Items.Contains(i)))
            {
                diagnostics.Add(item);
            }

            if (!ok)
            {
                return false;
            }

            var names = drafts.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            // A language that puts no space between sentences (Japanese) gets none where the templates join two phrases.
            var joined = phrases.Text("culture.sentence_space").Length == 0;
            foreach (var name in names)
            {
                var text = PhraseFunctions.Markers(drafts[name]);
                drafts[name] = joined ? SentenceGap().Replace(text, string.Empty) : text;
            }

            drafts[prefix + TranslationFile] = Translation.Report(locale, names.Select(n => (n[prefix.Length..], drafts[n])).ToArray(), release, config, phrases);
            Timings.Mark("translation " + locale);
            return true;
        }
        finally
        {
            engine = english;
        }
    }

    private void Changelog(TextWriter writer, ReleaseModel release, IReadOnlyList<ReleaseNote> notes, Phrases phrases)
    {
        writer.Write($"# {release.Release.Version}\n\n");
        if (release.Release.PreviousVersion is { } previous)
        {
            writer.Write($"## {phrases.Format("changelog.since", ("previous", previous))}\n\n");
        }

        new KubernetesChangelog(config, new ChangelogOptions()).Write(writer, notes);
    }

    private bool Add(DraftDictionary drafts, string name, string template, Dictionary<string, object?> model, DiagnosticBag bag)
    {
        var text = engine.Render(template, model, bag);
        Timings.Mark("template " + name);
        if (text is null)
        {
            return false;
        }

        drafts[name] = Tidy(Comms.Core.Markdown.SafeMarkdownText.EscapeDocument(text.Replace("\r\n", "\n", StringComparison.Ordinal), config.Markdown));
        Timings.Mark("escape+tidy " + name);
        return true;
    }

    /// <summary>Collapses the blank lines templates leave behind and ends with one newline.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join('\n', result).TrimEnd('\n') + "\n";
    }

    private void CheckPressBriefLength(string brief)
    {
        var words = brief.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > PressBriefWordLimit)
        {
            diagnostics.Warning(ComposeCodes.TemplateError,
                $"the press brief has {words} words; two printed pages hold about {PressBriefWordLimit}. Trim the highlights or quotes",
                "press-brief.md");
        }
    }

    /// <summary>A PR that a later PR of the release reverted should not be named in any draft.</summary>
    private void CheckReverts(ReleaseModel release, IReadOnlyList<ReleaseNote> notes, DraftDictionary drafts)
    {
        var reverts = new List<(int Revert, int Reverted, string Named)>();
        foreach (var revert in notes)
        {
            var match = RevertOf().Match($"{revert.Comms.Title}\n{revert.Text}");
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var reverted) ||
                reverted == revert.PrNumber)
            {
                continue;
            }

            reverts.Add((revert.PrNumber, reverted, $"/pull/{reverted.ToString(CultureInfo.InvariantCulture)})"));
        }

        if (reverts.Count == 0)
        {
            return;
        }

        // Each draft is read once (a draft in a file line by line) for every reverted PR's link.
        var needles = reverts.Select(r => r.Named).Distinct(StringComparer.Ordinal).ToArray();
        var named = drafts.Drafts.Where(d => d.Key.EndsWith(".md", StringComparison.Ordinal))
            .Select(d => (Name: d.Key, Found: d.Value.Containing(needles)))
            .ToList();
        foreach (var (revert, reverted, link) in reverts)
        {
            foreach (var (name, found) in named)
            {
                if (found.Contains(link))
                {
                    diagnostics.Warning(ComposeCodes.RevertedPrNamed,
                        $"{name} names PR #{reverted}, which #{revert} reverted in {release.Release.Version}; drop it from the draft (a map with do_not_publish: true does that)",
                        name);
                }
            }
        }
    }
}
