using Comms.TestKit;
using Microsoft.Playwright;

namespace Comms.Site.Tests.Browser;

/// <summary><c>comms serve</c> in real Chromium: an edited map reloads the open page; a broken one shows its located error over the last good site.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Pull(int number, string note) => $$"""
        {"number": {{number}}, "title": "Change {{number}}", "body": "```release-note\r\n{{note}}\r\n```\r\n",
         "labels": [{"name": "kind/feature"}, {"name": "sig/node"}, {"name": "release-note"}],
         "user": {"login": "dev{{number}}"}, "html_url": "https://github.com/example/project/pull/{{number}}",
         "merged_at": "2026-01-10T12:00:00Z", "merged": true, "merge_commit_sha": "{{number.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)}}",
         "base": {"ref": "main"}, "updated_at": "2026-01-10T12:00:00Z"}
        """;

    private static string Map(string text) => $"pr: 2\nreleasenote:\n  text: \"{text}\"\npr_body: \"\"\n";

    private string Project()
    {
        _dir.File("content/comms.yaml", "project:\n  name: Example\n  repo: example/project\n");
        _dir.File("release-notes/v1.0.0/release.yaml", "version: v1.0.0\nrelease_date:\n");
        _dir.File("release-notes/v1.0.0/pulls.json", $"[{Pull(1, "Added the first thing.")}, {Pull(2, "Added the second thing.")}]");
        _dir.File("release-notes/v1.0.0/maps/pr-2-map.yaml", Map("Old text from the map."));
        return _dir.Path;
    }

    [BrowserFact]
    public async Task An_edited_map_reloads_the_page_and_a_broken_one_shows_its_error_over_the_last_good_site()
    {
        var root = Project();
        await using var serve = await ServeProcess.StartAsync(root, new Dictionary<string, string> { ["CI"] = "true" });
        var log = serve.Log;
        var url = serve.Url;
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                var errors = new List<string>();
                page.PageError += (_, e) => errors.Add(e);
                page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
                await page.GotoAsync(url + "release-1.0.0.html");
                Assert.Contains("Old text from the map.", await page.InnerTextAsync("body"), StringComparison.Ordinal);

                File.WriteAllText(Path.Combine(root, "release-notes", "v1.0.0", "maps", "pr-2-map.yaml"), Map("New text from the map."));
                await page.WaitForFunctionAsync("() => document.body.innerText.includes('New text from the map.')", null, new() { Timeout = 120_000 });
                Assert.DoesNotContain("Old text from the map.", await page.InnerTextAsync("body"), StringComparison.Ordinal);

                File.WriteAllText(Path.Combine(root, "release-notes", "v1.0.0", "maps", "pr-2-map.yaml"), "pr: 2\nreleasenote: [unclosed\n");
                var panel = await page.WaitForSelectorAsync("#comms-build-errors", new() { Timeout = 120_000 });
                var shown = await panel!.InnerTextAsync();
                Assert.Matches(@"pr-2-map\.yaml\(\d+,\d+\): error CM\d+", shown);
                Assert.Contains("New text from the map.", await page.InnerTextAsync("main, body"), StringComparison.Ordinal);

                // A page opened now is the last good site, with the errors on it.
                var fresh = await browser.OpenPageAsync();
                await fresh.GotoAsync(url + "release-1.0.0.html");
                Assert.Contains("New text from the map.", await fresh.InnerTextAsync("body"), StringComparison.Ordinal);
                Assert.NotNull(await fresh.QuerySelectorAsync("#comms-build-errors"));

                File.WriteAllText(Path.Combine(root, "release-notes", "v1.0.0", "maps", "pr-2-map.yaml"), Map("Fixed text from the map."));
                await page.WaitForFunctionAsync("() => document.body.innerText.includes('Fixed text from the map.') && !document.getElementById('comms-build-errors')", null, new() { Timeout = 120_000 });
                Assert.Empty(errors);
            }
        }

        Assert.Contains(log, l => l.Contains("build 2: built v1.0.0 in", StringComparison.Ordinal));
    }
}
