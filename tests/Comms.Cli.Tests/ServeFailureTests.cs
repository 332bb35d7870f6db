using Comms.Cli.Build;
using Comms.Cli.Serve;
using Comms.Cli.Tests.Notes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// A failed rebuild of <c>comms serve</c> is never silent: its errors are in every page served and on the console, and
/// the last good site stays, marked as such; a failure nobody foresaw (an exception) is one too.
/// </summary>
public sealed class ServeFailureTests
{
    private static string Pull(int number, string note) => $$"""
        {"number": {{number}}, "title": "Change {{number}}", "body": "```release-note\r\n{{note}}\r\n```\r\n",
         "labels": [{"name": "kind/feature"}, {"name": "sig/node"}, {"name": "release-note"}],
         "user": {"login": "dev{{number}}"}, "html_url": "https://github.com/example/project/pull/{{number}}",
         "merged_at": "2026-01-10T12:00:00Z", "merged": true, "base": {"ref": "main"}, "updated_at": "2026-01-10T12:00:00Z"}
        """;

    private static string Map(string text) => $"pr: 2\nreleasenote:\n  text: \"{text}\"\n";

    [Fact]
    public async Task A_rebuild_that_fails_shows_its_located_error_in_the_page_and_on_the_console_over_the_last_good_site()
    {
        using var temp = new TempDir();
        temp.File("content/comms.yaml", "project:\n  name: Example\n  repo: example/project\n");
        temp.File("release-notes/v1.0.0/release.yaml", "version: v1.0.0\nrelease_date:\n");
        temp.File("release-notes/v1.0.0/pulls.json", $"[{Pull(1, "Added the first thing.")}, {Pull(2, "Added the second thing.")}]");
        var map = temp.File("release-notes/v1.0.0/maps/pr-2-map.yaml", Map("Old text from the map."));
        await using var serve = await ServeProcess.StartAsync(temp.Path, new Dictionary<string, string> { ["CI"] = "true" });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var page = serve.Url + "release-1.0.0.html";
        Assert.Contains("Old text from the map.", await http.GetStringAsync(page), StringComparison.Ordinal);

        // The round's case: a note nested past the limit (it was CM9999 on every build, hidden behind the old preview).
        File.WriteAllText(map, Map(string.Concat(Enumerable.Repeat("> ", 130)) + "Deep."));
        Assert.True(await WaitForLogAsync(serve, l => l.StartsWith("build 2: failed", StringComparison.Ordinal)), string.Join('\n', serve.Log));

        Assert.Contains(serve.Log, l => l.Contains("pr-2-map.yaml", StringComparison.Ordinal) && l.Contains("error CM2008", StringComparison.Ordinal));
        Assert.Contains("build 2: failed after", string.Join('\n', serve.Log), StringComparison.Ordinal);
        Assert.Contains("still serving the last good site", string.Join('\n', serve.Log), StringComparison.Ordinal);
        Assert.DoesNotContain(serve.Log, l => l.Contains("CM9999", StringComparison.Ordinal) || l.StartsWith("   at ", StringComparison.Ordinal));
        var shown = await http.GetStringAsync(page);
        Assert.Contains("id=\"comms-build-errors\"", shown, StringComparison.Ordinal);
        Assert.Contains("The last build failed; this is the last good site.", shown, StringComparison.Ordinal);
        Assert.Matches(@"pr-2-map\.yaml\(\d+,\d+\): error CM2008", shown);
        Assert.Contains("Old text from the map.", shown, StringComparison.Ordinal);
        var status = await http.GetStringAsync(serve.Url + "__comms/status");
        Assert.Contains("CM2008", status, StringComparison.Ordinal);

        File.WriteAllText(map, Map("New text from the map."));
        Assert.True(await WaitForLogAsync(serve, l => l.StartsWith("build 3: built", StringComparison.Ordinal)), string.Join('\n', serve.Log));
        var fixedPage = await http.GetStringAsync(page);
        Assert.Contains("New text from the map.", fixedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comms-build-errors\"", fixedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_that_throws_is_a_failed_build_with_its_error_never_a_silent_stale_preview()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        var output = Path.Combine(temp.Path, "out");
        var fail = false;
        var request = new BuildRequest(
            [new ReleaseInput("v1.0.0", pulls, null, null, Path.Combine(output, "release-notes", "v1.0.0"))],
            Path.Combine(output, "release-notes"), Path.Combine(output, "site"), null, null, Repo.Root)
        {
            Step = step =>
            {
                if (fail && step == "site")
                {
                    throw new InvalidOperationException("something nobody foresaw");
                }
            },
        };
        using var rebuilder = new Rebuilder(request, temp.Path, [], TimeSpan.FromMilliseconds(150));
        var reported = new List<BuildState>();
        rebuilder.Built += reported.Add;

        var good = await rebuilder.BuildAllAsync();
        Assert.True(good.Ok, string.Join('\n', good.Diagnostics));
        fail = true;
        var bad = await rebuilder.BuildAllAsync();

        Assert.False(bad.Ok);
        var line = Assert.Single(bad.Diagnostics);
        Assert.Contains("error CM9999: unexpected failure (InvalidOperationException: something nobody foresaw); still serving the last good site", line, StringComparison.Ordinal);
        Assert.Same(bad, rebuilder.State);
        Assert.Equal([good, bad], reported);
        Assert.True(File.Exists(Path.Combine(output, "site", "release-1.0.0.html")), "the last good site stays");
        Assert.Contains("comms-build-errors", LiveReload.Inject("<!doctype html><html><head></head><body><p>page</p></body></html>", bad), StringComparison.Ordinal);
    }

    private static async Task<bool> WaitForLogAsync(ServeProcess serve, Func<string, bool> match)
    {
        // A rebuild under load: waits for the line, with minutes of patience; never a timing assert.
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!serve.Log.Any(match))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
