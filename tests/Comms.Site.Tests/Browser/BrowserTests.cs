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

    private static Task Ready(IPage page) => page.WaitForSelectorAsync("html[data-notes=complete]", new() { State = WaitForSelectorState.Attached });

    private static async Task<int> Matching(IPage page)
    {
        var status = await page.TextContentAsync("#status") ?? string.Empty;
        return int.Parse(status.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [BrowserFact]
    public async Task Filters_take_several_values_step_through_history_and_a_tag_click_filters()
    {
        var (root, releases) = BuildSite();
        int Distinct(Func<Core.Model.ReleaseNote, bool> pick) =>
            releases.SelectMany((r, rank) => r.Notes.Where(pick).Select(n => (Line: string.Join('.', r.Version.Numbers), n.PrNumber))).Distinct().Count();
        var node = Distinct(n => n.Sigs.Contains("node"));
        var nodeOrCli = Distinct(n => n.Sigs.Contains("node") || n.Sigs.Contains("cli"));
        Assert.True(node > 0 && nodeOrCli > node);
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                var errors = new List<string>();
                page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
                page.PageError += (_, e) => errors.Add(e);
                await page.GotoAsync(server.BaseUrl + "notes.html#pre=1&sig=node");
                await Ready(page);
                Assert.Equal(node, await Matching(page));
                Assert.All(await page.EvalOnSelectorAllAsync<string[]>("#results li.note", "els => els.map(e => Array.from(e.querySelectorAll('a[href^=\"sig-\"]')).map(a => a.getAttribute('href')).join(' '))"), s => Assert.Contains("sig-node.html", s.Split(' ')));

                // OR within a facet.
                await page.ClickAsync("details[data-facet=sig] summary");
                await page.CheckAsync("input[name=sig][value=cli]");
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1&sig=cli,node'");
                Assert.Equal(nodeOrCli, await Matching(page));

                // AND across facets, and a tag on a note filters by it.
                await page.ClickAsync("#results a.tag[data-facet=kind][data-value=bug]");
                await page.WaitForFunctionAsync("() => location.hash.includes('kind=bug')");
                var both = Distinct(n => (n.Sigs.Contains("node") || n.Sigs.Contains("cli")) && n.Kinds.Contains("bug"));
                Assert.Equal(both, await Matching(page));

                // Back and Forward step through the changes.
                await page.GoBackAsync();
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1&sig=cli,node'");
                Assert.Equal(nodeOrCli, await Matching(page));
                Assert.False(await page.IsCheckedAsync("input[name=kind][value=bug]"));
                await page.GoBackAsync();
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1&sig=node'");
                Assert.Equal(node, await Matching(page));
                await page.GoForwardAsync();
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1&sig=cli,node'");
                Assert.Equal(nodeOrCli, await Matching(page));

                // An unknown value in a shared link says so.
                await page.GotoAsync(server.BaseUrl + "notes.html#pre=1&sig=node,nosuchsig");
                await page.ReloadAsync();
                await Ready(page);
                Assert.Contains("\"nosuchsig\"", await page.TextContentAsync("#notice"), StringComparison.Ordinal);
                Assert.True(await page.IsVisibleAsync("#notice"));
                Assert.Equal(node, await Matching(page));
                Assert.Empty(errors);
            }
        }
    }

    [BrowserFact]
    public async Task Areas_with_a_slash_are_readable_in_the_url_and_the_pre_release_toggle_shows_pre_release_only_notes()
    {
        using var dir = new TempDir();
        dir.File("rn/v3.0.0-rc.0/notes.json", """{"1": {"pr_number": 1, "text": "only in the rc", "areas": ["code/gen"]}, "2": {"pr_number": 2, "text": "in both", "areas": ["code/gen"]}}""");
        dir.File("rn/v3.0.0/notes.json", """{"2": {"pr_number": 2, "text": "in both"}, "3": {"pr_number": 3, "text": "final only", "documentation": [{"description": "KEP", "url": "https://example.org/kep", "type": "KEP"}]}}""");
        dir.File("rn/v3.1.0-alpha.1/notes.json", """{"4": {"pr_number": 4, "text": "alpha of the next"}}""");
        var d = new DiagnosticBag();
        var root = Path.Combine(dir.Path, "site");
        Assert.True(SiteBuilder.Build(new SiteRequest { OutputFolder = root, Releases = SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d), ThemeFolders = [Sites.DefaultTheme] }, d));
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                await page.GotoAsync(new Uri(Path.Combine(root, "notes.html")).AbsoluteUri);
                await Ready(page);
                // 2 and 3 are in 3.0.0 (2 once, listing its pre-release); 1 and 4 appear only in pre-releases.
                Assert.Equal(2, await Matching(page));
                Assert.Contains("pre-releases: 3.0.0-rc.0", await page.TextContentAsync("#results"), StringComparison.Ordinal);
                await page.CheckAsync("input[name=pre]");
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1'");
                Assert.Equal(4, await Matching(page));
                await page.ClickAsync("details[data-facet=area] summary");
                await page.CheckAsync("input[name=area][value='code/gen']");
                await page.WaitForFunctionAsync("() => location.hash === '#pre=1&area=code/gen'");
                // #2's newest text (3.0.0) has no area: only #1 is left.
                Assert.Equal(1, await Matching(page));
                await page.GotoAsync(new Uri(Path.Combine(root, "notes.html")).AbsoluteUri + "#doc=kep");
                await page.ReloadAsync();
                await Ready(page);
                Assert.Equal(1, await Matching(page));
                await page.GotoAsync(new Uri(Path.Combine(root, "notes.html")).AbsoluteUri + "#release=3.0.0-rc.0");
                await page.ReloadAsync();
                await Ready(page);
                Assert.Equal(2, await Matching(page));
                Assert.True(await page.IsCheckedAsync("input[name=pre]"));
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
        // Each note once, however many of the releases in between repeat it (pre-releases and their release).
        var expected = releases.Where((_, rank) => rank > lo && rank <= hi)
            .SelectMany(r => r.Notes.Where(n => n.ActionRequired || n.Kinds.Contains("deprecation") || n.Comms.Stability?.Level is "deprecated" or "removed")
                .Select(n => n.PrNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                await page.GotoAsync(server.BaseUrl + $"upgrade.html#from={from}&to={to}");
                await page.WaitForSelectorAsync("html[data-upgrade=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.NotEmpty(expected);
                var shown = await page.EvalOnSelectorAllAsync<string[]>("li.note", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.pr)");
                Assert.Equal(expected, shown.Order(StringComparer.Ordinal));
                Assert.Contains($"{expected.Length} notes", await page.TextContentAsync("#status"), StringComparison.Ordinal);
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
                    var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
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
                var page = await browser.OpenPageAsync();
                await page.GotoAsync(new Uri(Path.Combine(root, "notes.html")).AbsoluteUri + "#kind=feature");
                await Ready(page);
                var shown = await page.EvalOnSelectorAllAsync<string[]>("#results li.note", "els => els.map(e => Array.from(e.querySelectorAll('a.tag[data-facet=kind]')).map(a => a.dataset.value).join(' '))");
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
                var page = await browser.OpenPageAsync();
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
