using System.Text.RegularExpressions;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Templates.Tests;

/// <summary>
/// Kubernetes 1.34 built from the release team's draft notes with the corpus snapshot of the Kubernetes Enhancement
/// Proposals: counts as the KEPs give them, every note that links a KEP of the release tied to it, a launch post.
/// </summary>
public sealed partial class EnhancementConformanceTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^kep-number:\s*""?(\d+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex Number();

    // A status that cannot ship: such a KEP is never counted, whatever its milestone says.
    [GeneratedRegex(@"^status:\s*(provisional|withdrawn|replaced|deferred|rejected|superseded)\b", RegexOptions.Multiline)]
    private static partial Regex NotShipping();

    [GeneratedRegex(@"^milestone:\s*\n((?:[ \t]+.*\n?)*)", RegexOptions.Multiline)]
    private static partial Regex Milestones();

    [GeneratedRegex(@"^\s+(alpha|beta|stable|deprecated|removed):\s*""?(v?[\d.]+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex Stage();

    /// <summary>Stage counts of 1.34 read from the kep.yaml files as text, without the product's reader (KEPs that cannot ship left out).</summary>
    private static Dictionary<string, string> ByHand()
    {
        var rank = new[] { "alpha", "beta", "stable", "deprecated", "removed" };
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Kubernetes, "enhancements", "keps"), "kep.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (Number().Match(text) is not { Success: true } number || Milestones().Match(text) is not { Success: true } block || NotShipping().IsMatch(text))
            {
                continue;
            }

            // A milestone in any spelling: v1.34, 1.34, v1.34.0.
            var stage = Stage().Matches(block.Groups[1].Value).Where(m => m.Groups[2].Value.TrimStart('v') is "1.34" or "1.34.0")
                .Select(m => m.Groups[1].Value).OrderByDescending(s => Array.IndexOf(rank, s)).FirstOrDefault();
            if (stage is not null)
            {
                stages.TryAdd(number.Groups[1].Value, stage);
            }
        }

        return stages;
    }

    private static (ReleaseBuild.Built Release, DiagnosticBag Diagnostics) Build(TempDir temp, string? releaseFile = null, IReadOnlyList<string>? locales = null)
    {
        var diagnostics = new DiagnosticBag();
        var draft = Path.Combine(Repo.Kubernetes, "sig-release-1.34");
        var request = new BuildRequest(
            [new ReleaseInput("v1.34.0", Path.Combine(draft, "release-notes-draft.json"), Path.Combine(draft, "maps"), releaseFile, Path.Combine(temp.Path, "v1.34.0"))],
            temp.Path, Path.Combine(temp.Path, "site"), ConfigPath: null, ThemeFolder: null, RepoRoot: Repo.Root)
        {
            Enhancements = Path.Combine(Repo.Kubernetes, "enhancements"),
            Locales = locales,
        };
        var built = new ReleaseBuild(request, diagnostics).Run();
        Assert.True(built is not null, string.Join("\n", diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        return (Assert.Single(built!), diagnostics);
    }

    /// <summary>Every draft of 1.34, approved: by digest, since the drafts quote the corpus the repository does not hold.</summary>
    [CorpusFact]
    public void Every_1_34_draft_matches_its_approved_digest()
    {
        using var temp = new TempDir();
        var (release, _) = Build(temp, temp.File("release.yaml", Schedule134), TranslationTests.Shipped);
        Assert.Contains("blog-post.md", release.Drafts.Keys);
        Assert.Contains("press-brief.md", release.Drafts.Keys);
        Assert.Contains("de/blog-post.md", release.Drafts.Keys);
        Assert.Contains("ja/press-brief.md", release.Drafts.Keys);
        Approvals.VerifyDigests(release.Drafts, "corpus-v1.34.0");
    }

    /// <summary>1.34 in German and Japanese: no English fixed sentence left outside the translator markers, the English drafts as without translations.</summary>
    [CorpusFact]
    public void The_1_34_drafts_in_German_and_Japanese_leave_no_English_fixed_sentence()
    {
        using var temp = new TempDir();
        using var alone = new TempDir();
        var (release, _) = Build(temp, temp.File("release.yaml", Schedule134), TranslationTests.Shipped);
        var (english, _) = Build(alone, alone.File("release.yaml", Schedule134));
        foreach (var locale in TranslationTests.Shipped)
        {
            var names = release.Drafts.Keys.Where(k => k.StartsWith(locale + "/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal) && !k.EndsWith("/translation.md", StringComparison.Ordinal)).ToArray();
            Assert.True(names.Length >= 10, string.Join(", ", names));
            foreach (var name in names)
            {
                var left = TranslationTests.EnglishLeft(release.Drafts[name]);
                Assert.True(left.Count == 0, $"{name} still says in English: " + string.Join("; ", left.Take(5).Select(l => $"{l.Key}: \"{l.Words}\"")));
            }
        }

        foreach (var (name, text) in english.Drafts)
        {
            Assert.Equal(text, release.Drafts[name]);
        }
    }

    [CorpusFact]
    public void The_counts_are_the_enhancements_the_keps_give_for_1_34()
    {
        using var temp = new TempDir();
        var (release, _) = Build(temp);
        var hand = ByHand();
        var counts = release.Model.Stats.Enhancements!;
        var model = release.Model;
        // Every proposal whose milestone names 1.34 (in any spelling) is counted; its stage is the milestone's unless
        // a note of the release says another (then the note's, with the evidence in release.json).
        foreach (var (id, stage) in hand)
        {
            var e = model.Enhancements.SingleOrDefault(x => x.Id == id);
            Assert.True(e is not null, $"KEP-{id} ({stage} in v1.34) is not counted");
            Assert.True(e.Stage == stage || model.StageClaims.ContainsKey(id), $"KEP-{id} is {e.Stage}, its milestone says {stage}, and no note says so");
        }

        // What else is counted came in on evidence: its latest-milestone is 1.34, or a note of 1.34 graduates its gate.
        foreach (var e in model.Enhancements.Where(x => !hand.ContainsKey(x.Id)))
        {
            Assert.True(e.LatestMilestone == "v1.34" || model.StageClaims.ContainsKey(e.Id), $"KEP-{e.Id} is counted without a milestone or a note of 1.34");
        }

        Assert.Equal(model.Enhancements.Count, counts.Total);
        Assert.Equal((model.Enhancements.Count(x => x.Stage == "stable"), model.Enhancements.Count(x => x.Stage == "beta"), model.Enhancements.Count(x => x.Stage == "alpha")),
            (counts.Stable, counts.Beta, counts.Alpha));
        Assert.True(counts.Total >= 50, $"{counts.Total} enhancements");
        var blog = release.Drafts["blog-post.md"];
        // The KEPs alone leave some enhancements unconfirmed (no note says their stage): the count is a placeholder to confirm.
        Assert.True(counts.ToConfirm > 0);
        Assert.Contains($"brings [CONFIRM: {counts.Total} enhancements, {counts.ToConfirm} not confirmed: {counts.Stable} graduating to stable, {counts.Beta} entering beta and {counts.Alpha} new in alpha]", blog, StringComparison.Ordinal);
        // Nothing unconfirmed is stated: every stage section names only confirmed or evidenced enhancements.
        foreach (var e in model.ToConfirm)
        {
            Assert.DoesNotContain($"### {e.Title}\n", blog, StringComparison.Ordinal);
        }
        Assert.Contains($"\"total\": {counts.Total}", release.Drafts["release.json"], StringComparison.Ordinal);
        output.WriteLine($"enhancements: {counts.Total} ({counts.Stable} stable, {counts.Beta} beta, {counts.Alpha} alpha); notes: {release.Model.Notes.Count}");
    }

    [CorpusFact]
    public void Every_note_that_links_a_kep_of_the_release_is_tied_to_it()
    {
        using var temp = new TempDir();
        var (release, _) = Build(temp);
        var ids = release.Model.Enhancements.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var pointing = 0;
        foreach (var note in release.Model.Notes)
        {
            foreach (var id in EnhancementLinker.KepIds(note).Where(ids.Contains).Take(1))
            {
                pointing++;
                Assert.Contains(note, release.Model.EnhancementNotes[id]);
            }
        }

        Assert.True(pointing >= 40, $"{pointing} notes point at a KEP of the release");
        var tied = release.Model.Enhancements.Count(e => release.Model.EnhancementNotes[e.Id].Count > 0);
        output.WriteLine($"notes pointing at a KEP of 1.34: {pointing}; enhancements with notes: {tied} of {release.Model.Enhancements.Count}; notes tied in all: {release.Model.Notes.Count(n => n.Comms.Enhancement is not null)}");
    }

    [CorpusFact]
    public void The_blog_post_is_a_launch_post_with_a_paragraph_for_each_spotlight_item()
    {
        using var temp = new TempDir();
        var (release, _) = Build(temp);
        var blog = release.Drafts["blog-post.md"];
        var highlights = release.Model.Highlights;
        Assert.Equal(5, highlights.Count);
        foreach (var stage in new[] { "stable", "beta", "alpha" })
        {
            Assert.Contains(highlights, h => h.Enhancement?.Stage == stage);
        }

        var sections = blog.Split("\n## ").Select(s => s.Split('\n')[0]).ToArray();
        Assert.Equal(["Spotlight on key updates", "Graduating to stable", "New in beta", "New in alpha", "Other notable changes", "Deprecations and removals", "Graduations to stable", "[TO CONFIRM with the Enhancements team before publishing]", "Release notes", "Availability", "Release team", "Contributors", "Project velocity", "Events and webinar", "Get involved"], sections[1..]);
        var spotlight = blog.Split("\n## ")[1];
        foreach (var h in highlights)
        {
            var stage = h.Enhancement!.Stage;
            var heading = $"### {char.ToUpperInvariant(stage[0])}{stage[1..]}: {h.Title}\n\n";
            Assert.Contains(heading, spotlight, StringComparison.Ordinal);
            // A story of up to three paragraphs: what readers can do, what changed, who did the work.
            var story = spotlight[(spotlight.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..].Split("\n###")[0].Trim();
            var paragraphs = story.Split("\n\n");
            Assert.InRange(paragraphs.Length, 1, 3);
            Assert.StartsWith($"This work was done as part of [KEP #{h.Enhancement!.Id}]", paragraphs[^1], StringComparison.Ordinal);
            Assert.True(story.Split(' ').Length >= 30, story);
        }

        // Other notable changes are features, never fixes that a label also calls an API change, and never lists.
        var notable = blog.Split("\n## Other notable changes")[1].Split("\n## ")[0];
        var byPr = release.Model.Notes.ToDictionary(n => n.PrNumber);
        var told = Regex.Matches(notable, @"\[#(\d+)\]\(").Select(m => byPr[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
        Assert.NotEmpty(told);
        Assert.All(told, n => Assert.DoesNotContain(n.Kinds, k => k is "bug" or "regression"));
        Assert.DoesNotContain("\n- ", notable, StringComparison.Ordinal);

        // No "What changed" item is a sentence that only leads into a list it does not show ("the following metrics:").
        Assert.DoesNotMatch(@":\s\(\[#\d+\]\(", blog);

        // No note is told twice, and no note is a bullet of the post.
        var prs = Regex.Matches(blog, @"\[#(\d+)\]\(").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(prs.Length, prs.Distinct(StringComparer.Ordinal).Count());
        // The only lists are the complete list of graduations and the block to confirm before publishing.
        Assert.DoesNotContain("\n- ", blog.Split("\n## Graduations to stable")[0], StringComparison.Ordinal);
        var graduations = blog.Split("\n## Graduations to stable")[1].Split("\n## ")[0];
        Assert.Equal(release.Model.Stated.Count(e => e.Stage == "stable"), graduations.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        var words = blog.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine($"blog post: {words} words, 0 bullets; spotlight: {string.Join("; ", highlights.Select(h => $"{h.Title} ({h.Enhancement!.Stage}, KEP #{h.Enhancement.Id})"))}");
    }

    /// <summary>The 1.34 milestones as the release team's schedule gave them (kubernetes/sig-release, releases/release-1.34).</summary>
    private const string Schedule134 = """
        version: v1.34.0
        previous_version: v1.33.0
        release_date: 2025-08-27
        embargo: 2025-08-27T16:00:00Z
        dates:
          enhancements_freeze: 2025-06-20
          feature_blog_freeze: 2025-07-11
          code_freeze: 2025-07-25
          sneak_peek: 2025-07-28
          feature_blogs_ready: 2025-08-08
        """;

    [CorpusFact]
    public void The_cycle_drafts_of_1_34_name_every_deprecation_and_schedule_the_series_within_a_month()
    {
        using var temp = new TempDir();
        var (release, diagnostics) = Build(temp, temp.File("release.yaml", Schedule134));
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "CM7106");

        // The sneak peek names every deprecation and removal release.json holds.
        using var json = System.Text.Json.JsonDocument.Parse(release.Drafts["release.json"]);
        var going = json.RootElement.GetProperty("enhancements").EnumerateArray()
            .Where(e => e.GetProperty("stage").GetString() is "deprecated" or "removed")
            .Select(e => (Id: e.GetProperty("id").GetString()!, Title: e.GetProperty("title").GetString()!)).ToArray();
        var counts = json.RootElement.GetProperty("counts").GetProperty("enhancements");
        Assert.Equal(counts.GetProperty("deprecated").GetInt32() + counts.GetProperty("removed").GetInt32(), going.Length);
        var peek = release.Drafts["sneak-peek.md"];
        Assert.Contains("title: \"Kubernetes v1.34 Sneak Peek\"", peek, StringComparison.Ordinal);
        Assert.Contains("draft: true", peek, StringComparison.Ordinal);
        foreach (var (id, title) in going)
        {
            Assert.True(peek.Contains(Comms.Core.Markdown.SafeMarkdownText.EscapeDocument(title, Comms.Core.Config.CommsConfig.Kubernetes.Markdown), StringComparison.Ordinal) || peek.Contains(title, StringComparison.Ordinal),
                $"KEP-{id} ({title}) is not in the sneak peek");
            Assert.Contains($"KEP-{id}", peek, StringComparison.Ordinal);
        }

        // And every note that deprecates or removes something, by its pull request.
        var notes = release.Model.GoingAway.Where(g => g.Enhancement is null).SelectMany(g => g.Notes).ToArray();
        Assert.True(notes.Length >= 20, $"{notes.Length} deprecating or removing notes");
        foreach (var note in notes)
        {
            Assert.Contains($"/pull/{note.PrNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)})", peek, StringComparison.Ordinal);
        }

        // Every feature blog on a working day within 30 days after the release.
        var released = new DateOnly(2025, 8, 27);
        var posts = release.Drafts.Where(d => d.Key.StartsWith("feature-blogs/", StringComparison.Ordinal)).ToArray();
        Assert.InRange(posts.Length, 1, Comms.Templates.Drafts.CyclePlan.ProposedBlogs);
        foreach (var (name, text) in posts)
        {
            var line = text.Split('\n').Single(l => l.StartsWith("date: ", StringComparison.Ordinal));
            var day = DateOnly.ParseExact(line[6..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Comms.Templates.Drafts.CyclePlan.IsWorkingDay(day) && day > released && day <= released.AddDays(30), $"{name} is dated {day}");
            Assert.StartsWith("---\nlayout: blog\ntitle: \"Kubernetes v1.34: ", text, StringComparison.Ordinal);
        }

        Assert.Equal(posts.Length, posts.Select(p => p.Value.Split('\n').Single(l => l.StartsWith("date: ", StringComparison.Ordinal))).Distinct().Count());

        // The calendar parses, with every milestone of release.yaml on its day.
        var calendar = Ical.Net.Calendar.Load(release.Drafts["comms-calendar.ics"])!;
        string Day(string summary) => calendar.Events.Single(e => e.Summary == summary).DtStart!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            ["2025-06-20", "2025-07-11", "2025-07-25", "2025-07-28", "2025-08-08", "2025-08-27", "2025-08-27"],
            new[] { "Enhancements freeze", "Feature blog freeze", "Code freeze", "Sneak peek published", "Feature blogs ready for review", "Kubernetes v1.34 release", "Press embargo lifts" }.Select(Day));
        Assert.Equal(posts.Length, calendar.Events.Count(e => e.Categories.Contains("feature-blog")));
        output.WriteLine($"sneak peek: {going.Length} deprecated or removed enhancements, {notes.Length} notes, {peek.Split("\n### ").Length - 1} items; feature blogs: {posts.Length}, {posts.Select(p => p.Key).First()} first; calendar events: {calendar.Events.Count}");
    }
}
