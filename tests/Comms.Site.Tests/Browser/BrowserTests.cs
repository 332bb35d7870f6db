using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site.Tests.Fixture;
using Comms.Site.Tests.Xss;
using Comms.TestKit;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Comms.Site.Tests.Browser;

/// <summary>The built site in real Chromium: filters, URL state, upgrade path, screenshots, and the XSS corpus.</summary>
public sealed class BrowserTests(XssSite xss, ITestOutputHelper output) : IClassFixture<XssSite>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Root, IReadOnlyList<SiteRelease> Releases) BuildSite()
    {
        var root = Sites.Build(_dir, withCorpus: true);
        var d = new DiagnosticBag();
        var releases = SiteLoader.Load(Path.Combine(_dir.Path, "release-notes"), CommsConfig.Kubernetes, d).Concat(Repo.HasCorpus ? Sites.CorpusReleases(d) : []);
        return (root, SiteLoader.Sort(releases));
    }

    private static async Task<string[]> VisibleNotes(IPage page) =>
        (await page.EvalOnSelectorAllAsync<string[]>("li.note", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('.perma').getAttribute('href'))")).Order(StringComparer.Ordinal).ToArray();

    private static string Perma(SiteRelease r, int pr) => $"release-{Pages.SitePaths.VersionSlug(r)}.html#pr-{pr}";

    [BrowserFact]
    public async Task Filtering_by_a_sig_shows_exactly_its_notes_and_a_reload_restores_the_filter()
    {
        var (root, releases) = BuildSite();
        var expected = releases.SelectMany(r => r.Notes.Where(n => n.Sigs.Contains("node")).Select(n => Perma(r, n.PrNumber))).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.Length > 0);
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                var errors = new List<string>();
                page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
                page.PageError += (_, e) => errors.Add(e);
                await page.GotoAsync(server.BaseUrl + "notes.html");
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.Equal(releases.Sum(r => r.Notes.Count), (await VisibleNotes(page)).Length);
                await page.SelectOptionAsync("select[name=sig]", "node");
                await page.WaitForFunctionAsync("() => location.hash.includes('sig=node')");
                Assert.Equal(expected, await VisibleNotes(page));
                Assert.Contains("#sig=node", page.Url, StringComparison.Ordinal);

                await page.ReloadAsync();
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.Equal("node", await page.InputValueAsync("select[name=sig]"));
                Assert.Equal(expected, await VisibleNotes(page));

                // A shared link with several filters reproduces them.
                await page.GotoAsync(server.BaseUrl + "notes.html#sig=node&action=1&q=kubelet");
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                var narrowed = releases.SelectMany(r => r.Notes.Where(n => n.Sigs.Contains("node") && n.ActionRequired).Select(n => (r, n))).ToArray();
                Assert.All(await VisibleNotes(page), href => Assert.Contains(href, narrowed.Select(x => Perma(x.r, x.n.PrNumber))));
                Assert.Empty(errors);
            }
        }
    }

    [BrowserFact]
    public async Task The_upgrade_path_lists_the_action_required_and_deprecation_notes_of_the_releases_in_between()
    {
        if (!Repo.HasCorpus)
        {
            // An upgrade path needs two releases: without the corpus, a second one after the sample's.
            _dir.File("release-notes/v2.2.0/notes.json", SampleRelease.NotesJson);
            _dir.File("release-notes/v2.2.0/release.yaml", SampleRelease.ReleaseYaml.Replace("v" + SampleRelease.Version, "v2.2.0", StringComparison.Ordinal));
        }

        var (root, releases) = BuildSite();
        var versions = releases.Select(r => r.Version.Text).ToList();
        var from = Repo.HasCorpus ? "1.26.0" : versions[0];
        var to = Repo.HasCorpus ? "1.27.0" : versions[^1];
        var (lo, hi) = (versions.IndexOf(from), versions.IndexOf(to));
        var expected = releases.Where((_, rank) => rank > lo && rank <= hi)
            .SelectMany(r => r.Notes.Where(n => n.ActionRequired || n.Kinds.Contains("deprecation") || n.Comms.Stability?.Level is "deprecated" or "removed")
                .Select(n => Perma(r, n.PrNumber)))
            .Order(StringComparer.Ordinal).ToArray();
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(server.BaseUrl + $"upgrade.html#from={from}&to={to}");
                await page.WaitForSelectorAsync("html[data-upgrade=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await VisibleNotes(page));
                Assert.Contains($"{expected.Length} notes", await page.TextContentAsync("#status"), StringComparison.Ordinal);
                if (Repo.HasCorpus)
                {
                    Assert.Contains(expected, href => href.StartsWith("release-1.27.0.html", StringComparison.Ordinal));
                    Assert.DoesNotContain(expected, href => href.StartsWith("release-1.26.0.html", StringComparison.Ordinal));
                }
            }
        }
    }

    [BrowserFact]
    public async Task The_release_page_fits_a_desktop_and_a_phone_and_is_saved_as_screenshots()
    {
        var (root, _) = BuildSite();
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                foreach (var width in new[] { 1280, 390 })
                {
                    var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
                    await page.GotoAsync(server.BaseUrl + $"release-{SampleRelease.Version}.html");
                    var path = Path.Combine(Chromium.ScreenshotFolder(), $"release-{width}.png");
                    await page.ScreenshotAsync(new() { Path = path, FullPage = true });
                    output.WriteLine($"screenshot: {path}");
                    Assert.True(new FileInfo(path).Length > 1000);
                    var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    Assert.True(scroll <= width, $"the page is {scroll}px wide in a {width}px window");
                    await page.CloseAsync();
                }
            }
        }
    }

    [BrowserFact]
    public async Task The_filters_work_from_file_urls()
    {
        var (root, _) = BuildSite();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(new Uri(Path.Combine(root, "notes.html")).AbsoluteUri + "#kind=feature");
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                var shown = await page.EvalOnSelectorAllAsync<string[]>("li.note", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.kind)");
                Assert.NotEmpty(shown);
                Assert.All(shown, kinds => Assert.Contains("feature", kinds.Split(' ')));
            }
        }
    }

    [BrowserFact]
    public async Task No_xss_payload_opens_a_dialog_or_runs_script()
    {
        await using var server = await StaticServer.StartAsync(xss.Root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                var events = new List<string>();
                page.Dialog += (_, dialog) => { events.Add("dialog: " + dialog.Message); _ = dialog.DismissAsync(); };
                page.Console += (_, m) => { if (m.Type is "error" or "warning") { events.Add("console: " + m.Text); } };
                page.PageError += (_, e) => events.Add("error: " + e);
                var pages = Directory.GetFiles(xss.Root, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
                foreach (var name in pages)
                {
                    await page.GotoAsync(server.BaseUrl + name);
                    await page.EvaluateAsync("() => document.querySelectorAll('li.note, a, [id]').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })))");
                }

                await page.GotoAsync(server.BaseUrl + "notes.html#q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                await page.FillAsync("input[name=q]", "<img src=x onerror=alert(1)>");
                // The filter applies (and writes the URL) after its debounce: wait for that, not for a fixed time.
                await page.WaitForFunctionAsync("() => new URLSearchParams(location.hash.slice(1)).get('q') === '<img src=x onerror=alert(1)>'");
                Assert.True(await page.EvaluateAsync<bool>("() => document.title.indexOf('pwned') < 0"));
                Assert.True(pages.Length > 5);
                Assert.True(events.Count == 0, string.Join("\n", events.Take(20)));
            }
        }
    }
}
