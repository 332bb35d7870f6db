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

    [GeneratedRegex(@"^\s+(alpha|beta|stable|deprecated|removed):\s*""?(v[\d.]+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex Stage();

    /// <summary>Stage counts of 1.34 read from the kep.yaml files as text, without the product's reader (KEPs that cannot ship left out).</summary>
    private static Dictionary<string, int> ByHand()
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

            var stage = Stage().Matches(block.Groups[1].Value).Where(m => m.Groups[2].Value == "v1.34")
                .Select(m => m.Groups[1].Value).OrderByDescending(s => Array.IndexOf(rank, s)).FirstOrDefault();
            if (stage is not null)
            {
                stages.TryAdd(number.Groups[1].Value, stage);
            }
        }

        return stages.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static (ReleaseBuild.Built Release, DiagnosticBag Diagnostics) Build(TempDir temp)
    {
        var diagnostics = new DiagnosticBag();
        var draft = Path.Combine(Repo.Kubernetes, "sig-release-1.34");
        var request = new BuildRequest(
            [new ReleaseInput("v1.34.0", Path.Combine(draft, "release-notes-draft.json"), Path.Combine(draft, "maps"), null, Path.Combine(temp.Path, "v1.34.0"))],
            temp.Path, Path.Combine(temp.Path, "site"), ConfigPath: null, ThemeFolder: null, RepoRoot: Repo.Root)
        {
            Enhancements = Path.Combine(Repo.Kubernetes, "enhancements"),
        };
        var built = new ReleaseBuild(request, diagnostics).Run();
        Assert.True(built is not null, string.Join("\n", diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        return (Assert.Single(built!), diagnostics);
    }

    [CorpusFact]
    public void The_counts_are_the_enhancements_the_keps_give_for_1_34()
    {
        using var temp = new TempDir();
        var (release, _) = Build(temp);
        var hand = ByHand();
        int Hand(string stage) => hand.TryGetValue(stage, out var n) ? n : 0;
        var counts = release.Model.Stats.Enhancements!;
        Assert.Equal((Hand("stable"), Hand("beta"), Hand("alpha"), Hand("deprecated"), Hand("removed")),
            (counts.Stable, counts.Beta, counts.Alpha, counts.Deprecated, counts.Removed));
        Assert.True(counts.Total >= 50, $"{counts.Total} enhancements");
        var blog = release.Drafts["blog-post.md"];
        // The KEPs alone leave some enhancements planned only (no note ties them): the count is a placeholder to confirm.
        Assert.True(counts.Planned > 0);
        Assert.Contains($"brings [CONFIRM: {counts.Total} enhancements, {counts.Planned} planned only: {counts.Stable} graduating to stable, {counts.Beta} entering beta and {counts.Alpha} new in alpha]", blog, StringComparison.Ordinal);
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
        Assert.Equal(["Spotlight on key updates", "Graduating to stable", "New in beta", "New in alpha", "Deprecations and removals", "Release notes", "Availability", "Release team", "Contributors"], sections[1..]);
        var spotlight = blog.Split("\n## ")[1];
        foreach (var h in highlights)
        {
            var stage = h.Enhancement!.Stage;
            var heading = $"### {char.ToUpperInvariant(stage[0])}{stage[1..]}: {h.Title}\n\n";
            Assert.Contains(heading, spotlight, StringComparison.Ordinal);
            var paragraph = spotlight[(spotlight.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..].Split('\n')[0];
            Assert.Contains($"This work was done as part of [KEP #{h.Enhancement!.Id}]", paragraph, StringComparison.Ordinal);
            Assert.True(paragraph.Split(' ').Length >= 30, paragraph);
        }

        // No note is told twice, and no note is a bullet of the post.
        var prs = Regex.Matches(blog, @"\[#(\d+)\]\(").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(prs.Length, prs.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("\n- ", blog, StringComparison.Ordinal);
        var words = blog.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine($"blog post: {words} words, 0 bullets; spotlight: {string.Join("; ", highlights.Select(h => $"{h.Title} ({h.Enhancement!.Stage}, KEP #{h.Enhancement.Id})"))}");
    }
}
