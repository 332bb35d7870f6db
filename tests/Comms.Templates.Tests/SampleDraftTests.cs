using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>Approved-file tests of every draft of every sample release.</summary>
public sealed class SampleDraftTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    public static TheoryData<string, string> Drafts()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in SampleBuild.Versions)
        {
            foreach (var name in new[] { "CHANGELOG.md", "blog-post.md", "press-brief.md", "announcement-email.md", "brief-vendor.md", "brief-end-user.md", "brief-developer.md", "notes.json", "release.json" })
            {
                data.Add(version, name);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("v2.2.0")]
    [InlineData("v2.3.0")]
    [InlineData("v2.4.0")]
    public void The_enhancements_review_matches_approved(string version)
    {
        var review = Comms.Core.Enhancements.EnhancementReview.Text(sample.Draft(version, "release.json"));
        Assert.NotNull(review);
        Approvals.Verify(review!, $"{version}.enhancements-review", "txt");
        var file = Comms.Core.Enhancements.EnhancementReview.EnhancementsFile(sample.Draft(version, "release.json"))!;
        Approvals.Verify(file, $"{version}.enhancements-to-confirm", "yaml");

        // The file it writes is one the build reads back without a problem.
        var d = new DiagnosticBag();
        Assert.NotNull(Comms.Core.Enhancements.EnhancementFileReader.Read(file, "enhancements.yaml", d));
        Assert.DoesNotContain(d.Items, i => i.Severity == Severity.Error);
    }

    [Fact]
    public void The_sample_builds_without_errors()
    {
        Assert.NotNull(sample.Result);
        Assert.DoesNotContain(sample.Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(SampleBuild.Versions.Length, sample.Result!.Count);
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_matches_approved(string version, string name)
    {
        var text = sample.Draft(version, name);
        Approvals.Verify(text, $"{version}.{Path.GetFileNameWithoutExtension(name)}", Path.GetExtension(name).TrimStart('.'));
    }

    [Fact]
    public void The_committed_sample_drafts_are_what_the_build_makes()
    {
        foreach (var release in sample.Result!)
        {
            foreach (var (name, text) in release.Drafts)
            {
                var committed = Path.Combine(Repo.Root, "release-notes", release.Input.Version, name);
                Assert.True(File.Exists(committed) && File.ReadAllText(committed) == text,
                    $"{committed} is out of date: run `dotnet run --project src/Comms.Cli -- build` and commit the result");
            }
        }
    }

    [Fact]
    public void Building_twice_gives_byte_identical_drafts()
    {
        using var temp = new TempDir();
        var again = SampleBuild.Run(temp.Path, new DiagnosticBag())!;
        foreach (var release in again)
        {
            foreach (var (name, text) in release.Drafts)
            {
                Assert.Equal(sample.Draft(release.Input.Version, name), text);
                Assert.Equal(text, File.ReadAllText(Path.Combine(temp.Path, "release-notes", release.Input.Version, name)));
            }
        }
    }

    [Fact]
    public void Every_published_note_is_in_an_audience_or_reported_unassigned()
    {
        foreach (var release in sample.Result!)
        {
            foreach (var note in release.Model.Notes)
            {
                var reported = sample.Diagnostics.Items.Any(d => d.Code == "CM7001" &&
                    d.Message.StartsWith($"PR #{note.PrNumber} ", StringComparison.Ordinal) &&
                    d.Message.Contains(release.Input.Version, StringComparison.Ordinal));
                Assert.True(note.Comms.Audiences.Count > 0 || reported,
                    $"{release.Input.Version} #{note.PrNumber} is in no audience and was not reported");
                Assert.False(note.Comms.Audiences.Count > 0 && reported, $"#{note.PrNumber} reported unassigned but has audiences");
            }
        }
    }

    [Fact]
    public void Press_brief_fits_two_pages_and_speaks_plainly()
    {
        foreach (var version in SampleBuild.Versions)
        {
            var brief = sample.Draft(version, "press-brief.md");
            var words = brief.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 100, 900);
            var highlights = brief.Split("## Highlights")[^1].Split("\n## ")[0];
            Assert.DoesNotContain("`", highlights, StringComparison.Ordinal);
            Assert.Equal(3, brief.Split("## Key messages")[1].Split("\n## ")[0].Split('\n').Count(l => l.Length > 2 && char.IsDigit(l[0])));
        }
    }

    [Fact]
    public void Blog_post_has_kubernetes_website_front_matter()
    {
        var post = sample.Draft("v2.4.0", "blog-post.md");
        var front = post.Split("---\n")[1];
        foreach (var key in new[] { "layout: blog", "title: ", "date: 2026-12-08", "slug: ", "draft: true", "author: " })
        {
            Assert.Contains(key, front, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Briefs_put_action_required_first_and_say_why_once_per_group()
    {
        var brief = sample.Draft("v2.4.0", "brief-vendor.md");
        var glance = brief.Split("\n## ")[1];
        Assert.StartsWith("At a glance\n\n**Before you upgrade:** 7 changes in this brief need action.", glance, StringComparison.Ordinal);
        var everything = brief.Split("\n## ")[2];
        var groups = everything.Split("\n### ").Skip(1).ToArray();
        Assert.StartsWith("Action required before you upgrade (7)", groups[0], StringComparison.Ordinal);
        Assert.All(groups, g => Assert.Single(g.Split('\n'), l => l.StartsWith("_Why you are seeing this: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("  _Why you are seeing this", brief, StringComparison.Ordinal);
    }
}
