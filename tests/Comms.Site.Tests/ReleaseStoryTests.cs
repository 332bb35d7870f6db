using System.Text.RegularExpressions;
using Comms.Site.Tests.Fixture;
using Comms.TestKit;
using Xunit;

namespace Comms.Site.Tests;

/// <summary>A release page leads with the release's story (its spotlight, from release.json), not with raw notes.</summary>
public sealed class ReleaseStoryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_release_page_leads_with_the_spotlight_of_the_story()
    {
        var root = SampleSite.Build(_dir);
        var html = File.ReadAllText(Path.Combine(root, "release-2.4.0.html"));
        var story = Regex.Match(html, "<section id=\"highlights\">.*?</section>", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        Assert.True(story.Success, "the release page has a highlights section");
        Assert.True(story.Index < html.IndexOf("id=\"upgrade\"", StringComparison.Ordinal), "the story comes before the upgrade notes");

        // The stories of release.json in its order, each with its stage; no note list, no title said twice.
        var json = File.ReadAllText(Path.Combine(Repo.Root, "release-notes", "v2.4.0", "release.json"));
        var titles = StoryItem.Read(json).Select(s => s.Title).ToArray();
        Assert.NotEmpty(titles);
        var headings = Regex.Matches(story.Value, "<h3>(?:(?:Stable|Beta|Alpha): )?(.*?)</h3>", RegexOptions.None, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(titles.Length, headings.Length);
        Assert.Contains("<h3>Stable: Live migration of virtual machines</h3>", story.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<li", story.Value, StringComparison.Ordinal);
        foreach (var paragraph in Regex.Matches(story.Value, "<p>(.*?)</p>", RegexOptions.None, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value))
        {
            Assert.DoesNotContain(paragraph.TrimEnd('.'), headings);
        }

        Approvals.Verify(story.Value, "release-2.4.0.story", "html");
    }

    [Fact]
    public void A_release_json_that_is_not_the_build_s_shape_gives_no_story()
    {
        Assert.Empty(StoryItem.Read(null));
        Assert.Empty(StoryItem.Read("{\"highlights\": 3}"));
        Assert.Empty(StoryItem.Read("[not json"));
        var one = Assert.Single(StoryItem.Read("{\"enhancements\":[{\"id\":\"7\",\"stage\":\"beta\"}],\"highlights\":[{\"title\":\"T\",\"enhancement\":\"7\",\"text\":\"X.\"},{\"text\":\"no title\"}]}"));
        Assert.Equal(new StoryItem("T", "beta", "X."), one);
    }
}
