using System.Text.RegularExpressions;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Templates.Drafts;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>
/// The drafts in the languages the theme ships (German and Japanese): every table complete, no English fixed sentence
/// left in a translated draft (the rendered text walked against the English table), numbers and dates in the language's
/// culture, the English drafts untouched by translations, the same bytes on every run.
/// </summary>
public sealed partial class TranslationTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    public static readonly string[] Shipped = ["de", "ja"];

    private static Theme DefaultTheme => new([Path.Combine(AppContext.BaseDirectory, "themes", "default")]);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// The English table's fixed words: each run of three words or more between placeholders, from every phrase a draft
    /// says (not the culture's names, formats and list joiners).
    /// </summary>
    public static IReadOnlyList<(string Key, string Words)> EnglishFixedText()
    {
        var english = Phrases.English;
        var fragments = new List<(string, string)>();
        foreach (var key in english.Keys.Where(k => !k.StartsWith("culture.", StringComparison.Ordinal) && !k.StartsWith("format.", StringComparison.Ordinal)
                                                   && !k.StartsWith("list.", StringComparison.Ordinal) && !k.StartsWith("language.", StringComparison.Ordinal)))
        {
            foreach (var part in PlaceholderPattern().Split(english.Text(key)))
            {
                var words = part.Trim(' ', '.', ',', ':', ';', '(', ')', '[', ']', '*', '"', '\n');
                if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
                {
                    fragments.Add((key, words));
                }
            }
        }

        return fragments;
    }

    /// <summary>What English fixed text a translated draft still holds outside its translator markers: (phrase key, words).</summary>
    public static IReadOnlyList<(string Key, string Words)> EnglishLeft(string draft)
    {
        var outside = Translation.WithoutPassages(draft);
        return EnglishFixedText().Where(f => outside.Contains(f.Words, StringComparison.Ordinal)).ToArray();
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ja")]
    public void Every_shipped_table_gives_every_English_phrase_and_no_other(string locale)
    {
        var bag = new DiagnosticBag();
        var table = Phrases.Load(DefaultTheme, locale, bag);
        Assert.NotNull(table);
        Assert.Empty(bag.Items);
        Assert.Empty(table.Missing);
        Assert.Equal(Phrases.English.Keys, table.Keys);
        // Each phrase keeps the English phrase's placeholders (the loader refuses one that drops any).
        foreach (var key in table.Keys)
        {
            Assert.Equal(Phrases.PlaceholderNames(Phrases.English.Text(key)).Distinct().Order(StringComparer.Ordinal),
                Phrases.PlaceholderNames(table.Text(key)).Distinct().Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Numbers_and_dates_are_written_in_the_tables_culture()
    {
        var bag = new DiagnosticBag();
        var german = Phrases.Load(DefaultTheme, "de", bag)!;
        var japanese = Phrases.Load(DefaultTheme, "ja", bag)!;
        var day = new DateOnly(2025, 8, 27);
        Assert.Equal("August 27, 2025", day.ToString(Phrases.English.Text("format.date"), Phrases.English.Culture));
        Assert.Equal("27. August 2025", day.ToString(german.Text("format.date"), german.Culture));
        Assert.Equal("Mittwoch, 27. August 2025", day.ToString(german.Text("format.long_date"), german.Culture));
        Assert.Equal("2025年8月27日水曜日", day.ToString(japanese.Text("format.long_date"), japanese.Culture));
        Assert.StartsWith("12,345 changes", Phrases.English.Format("enhancements.counts.changes", ("notes", 12345), ("groups", "x")), StringComparison.Ordinal);
        Assert.StartsWith("12.345 Änderungen", german.Format("enhancements.counts.changes", ("notes", 12345), ("groups", "x")), StringComparison.Ordinal);
        Assert.Contains("1 Änderung erfordert Handeln", german.Format("blog.lead_urgent", ("n", 1), ("url", "u")), StringComparison.Ordinal);
        Assert.Contains("3 Änderungen erfordern Handeln", german.Format("blog.lead_urgent", ("n", 3), ("url", "u")), StringComparison.Ordinal);
        Assert.Equal("A, B und C", german.Join(["A", "B", "C"]));
        // Numbers below ten in words, in the language's words (Humanizer's German).
        Assert.Equal("sechs stabil, neun in Beta und drei neu in Alpha", german.Format("press.what.stages", ("stable", 6), ("beta", 9), ("alpha", 3)));
        Assert.Equal("Stableへの昇格6件、Beta9件、新しいAlpha3件", japanese.Format("press.what.stages", ("stable", 6), ("beta", 9), ("alpha", 3)));
        Assert.Equal("AとB", japanese.Join(["A", "B"]));
        Assert.Equal("A、B、C", japanese.Join(["A", "B", "C"]));
        // A stage inside a sentence: the table's word; one it does not name, as written.
        Assert.Equal("beta", PhraseFunctions.StageWord(Phrases.English, "beta"));
        Assert.Equal("Beta", PhraseFunctions.StageWord(german, "beta"));
        Assert.Equal("アルファ版", PhraseFunctions.StageWord(japanese, "alpha"));
        Assert.Equal("deprecated", PhraseFunctions.StageWord(german, "deprecated"));
    }

    [Fact]
    public void The_sample_builds_in_German_and_Japanese_with_no_English_fixed_sentence_left()
    {
        Assert.NotEmpty(EnglishFixedText());
        foreach (var release in sample.Result!)
        {
            foreach (var locale in Shipped)
            {
                var names = release.Drafts.Keys.Where(k => k.StartsWith(locale + "/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)
                                                           && !k.EndsWith(DraftRenderer.TranslationFile, StringComparison.Ordinal)).ToArray();
                Assert.Contains(locale + "/blog-post.md", names);
                Assert.Contains(locale + "/press-brief.md", names);
                foreach (var name in names)
                {
                    var left = EnglishLeft(release.Drafts[name]);
                    Assert.True(left.Count == 0, $"{release.Input.Version}/{name} still says in English: " + string.Join("; ", left.Take(5).Select(l => $"{l.Key}: \"{l.Words}\"")));
                }
            }
        }
    }

    [Fact]
    public void The_English_drafts_are_the_same_bytes_with_and_without_translations()
    {
        using var temp = new TempDir();
        var bag = new DiagnosticBag();
        var english = SampleBuild.Run(Path.Combine(temp.Path, "out"), bag, locales: []);
        Assert.True(english is not null, string.Join("\n", bag.Items));
        foreach (var release in english!)
        {
            Assert.DoesNotContain(release.Drafts.Keys, k => k.Contains('/', StringComparison.Ordinal) && !k.StartsWith(DraftRenderer.FeatureBlogsFolder + "/", StringComparison.Ordinal));
            var translated = sample.Result!.Single(r => r.Input.Version == release.Input.Version).Drafts;
            foreach (var (name, text) in release.Drafts)
            {
                Assert.Equal(translated[name], text);
            }

            Assert.Equal(release.Drafts.Keys.Count(), translated.Keys.Count(k => !Shipped.Any(l => k.StartsWith(l + "/", StringComparison.Ordinal))));
        }
    }

    [Fact]
    public void Free_text_stays_in_English_between_translator_markers_and_translation_md_counts_it()
    {
        var release = sample.Result!.Single(r => r.Input.Version == "v2.4.0");
        var blog = release.Drafts["de/blog-post.md"];
        // The release's theme, written by the release team, is left to the translator, marked.
        var theme = "Tidewater v2.4 graduates live migration of virtual machines";
        Assert.Contains(PhraseFunctions.MarkerStart + theme, blog, StringComparison.Ordinal);
        Assert.Contains("Tidewater v2.4 bringt ", blog, StringComparison.Ordinal);
        Assert.DoesNotContain(PhraseFunctions.EnglishStart, blog);
        var report = release.Drafts["de/" + DraftRenderer.TranslationFile];
        var passages = Translation.Passages(blog).ToArray();
        Assert.NotEmpty(passages);
        var words = passages.Sum(p => p.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"| [blog-post.md](blog-post.md) | {passages.Length:N0} | {words.ToString("N0", Phrases.Load(DefaultTheme, "de", new DiagnosticBag())!.Culture)} | `content/de/blog/_posts/2026-12-08-tidewater-v2-4-release.md` |", report, StringComparison.Ordinal);
        Assert.Contains("locales/de.yaml enthält jede Phrase.", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_phrase_that_drops_a_placeholder_stops_the_build_at_its_place()
    {
        using var temp = new TempDir();
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(Path.Combine(theme, Phrases.Folder));
        var table = Path.Combine(theme, Phrases.Folder, "ja.yaml");
        File.WriteAllText(table, "blog:\n  lead: \"{project}は新しい機能をもたらします。\"\n");
        var bag = new DiagnosticBag();
        Assert.Null(SampleBuild.Run(Path.Combine(temp.Path, "out"), bag, theme));
        var error = Assert.Single(bag.Items.Where(d => d.Severity == Severity.Error).Distinct());
        Assert.Equal(("CM7210", table, 2, 9), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("{version}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "release-notes", "v2.4.0", "ja")));
    }

    [Fact]
    public void A_phrase_a_translation_lacks_is_English_with_one_warning_naming_it()
    {
        using var temp = new TempDir();
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(Path.Combine(theme, Phrases.Folder));
        // A language the theme ships no table for: every phrase but one falls back to English.
        File.WriteAllText(Path.Combine(theme, Phrases.Folder, "nl.yaml"), "blog:\n  notes:\n    heading: \"Release-opmerkingen\"\n");
        var bag = new DiagnosticBag();
        var built = SampleBuild.Run(Path.Combine(temp.Path, "out"), bag, theme, locales: ["nl"]);
        Assert.NotNull(built);
        var blog = built!.Single(r => r.Input.Version == "v2.4.0").Drafts["nl/blog-post.md"];
        Assert.Contains("## Release-opmerkingen", blog, StringComparison.Ordinal);
        Assert.Contains("## Spotlight on key updates", blog, StringComparison.Ordinal);
        var warnings = bag.Items.Where(d => d.Code == "CM7212" && d.Message.Contains("\"blog.spotlight.heading\"", StringComparison.Ordinal)).ToArray();
        Assert.Single(warnings);
        var report = built!.Single(r => r.Input.Version == "v2.4.0").Drafts["nl/" + DraftRenderer.TranslationFile];
        Assert.Contains("- `blog.spotlight.heading`", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "blog-post.md")]
    [InlineData("de", "press-brief.md")]
    [InlineData("de", "brief-vendor.md")]
    [InlineData("de", "translation.md")]
    [InlineData("ja", "blog-post.md")]
    [InlineData("ja", "press-brief.md")]
    [InlineData("ja", "brief-vendor.md")]
    [InlineData("ja", "translation.md")]
    public void Translated_draft_matches_approved(string locale, string name) =>
        Approvals.Verify(sample.Draft("v2.4.0", locale + "/" + name), $"v2.4.0.{locale}.{Path.GetFileNameWithoutExtension(name)}");
}
