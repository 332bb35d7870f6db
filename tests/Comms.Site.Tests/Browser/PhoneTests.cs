using Comms.Site.Tests.Fixture;
using Comms.TestKit;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Comms.Site.Tests.Browser;

/// <summary>The sample site on a 390 px phone and a desktop: width, accessibility (axe-core), permalinks, the 404 page.</summary>
public sealed class PhoneTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [BrowserFact]
    public async Task Every_page_of_the_sample_fits_a_phone_and_axe_finds_nothing_serious()
    {
        var root = SampleSite.Build(_dir);
        var pages = Directory.GetFiles(root, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        var problems = new List<string>();
        var checkedRules = 0;
        using (playwright)
        {
            await using (browser)
            {
                var phone = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
                foreach (var name in pages)
                {
                    await phone.GotoAsync(server.BaseUrl + name);
                    if (name == "notes.html")
                    {
                        await phone.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                    }

                    var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    if (width > 390)
                    {
                        problems.Add($"{name}: {width} px wide at 390 px");
                    }

                    var result = await phone.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
                    checkedRules++;
                    foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    {
                        problems.Add($"{name}: axe {v.Id} ({v.Impact}) on {v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
                    }
                }

                // On the phone the filters sit behind one button, search first; the first note is on the first screen.
                await phone.GotoAsync(server.BaseUrl + "notes.html");
                await phone.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.False(await phone.IsVisibleAsync("#filters"));
                var firstNote = await phone.EvaluateAsync<double>("() => document.querySelector('#results li.note').getBoundingClientRect().top");
                Assert.True(firstNote < 844, $"the first note starts at {firstNote} px");
                await phone.ClickAsync("#filter-toggle");
                Assert.True(await phone.IsVisibleAsync("#filters"));
                Assert.Equal("q", await phone.EvaluateAsync<string>("() => document.activeElement.name"));
                await phone.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder(), "notes-390.png") });

                // The upgrade page's version pickers are on the phone's first screen and work there.
                await phone.GotoAsync(server.BaseUrl + "upgrade.html");
                await phone.WaitForSelectorAsync("html[data-upgrade=ready]", new() { State = WaitForSelectorState.Attached });
                Assert.True(await phone.IsVisibleAsync("#upgrade-form select[name=from]"), "the upgrade form is shown at 390 px");
                foreach (var select in new[] { "from", "to" })
                {
                    var box = (await phone.Locator($"#upgrade-form select[name={select}]").BoundingBoxAsync())!;
                    Assert.True(box.X >= 0 && box.X + box.Width <= 390 && box.Height >= 24 && box.Y < 844, $"{select}: {box.X},{box.Y} {box.Width}x{box.Height}");
                }

                var current = await phone.InputValueAsync("#upgrade-form select[name=from]");
                var options = await phone.EvalOnSelectorAllAsync<string[]>("#upgrade-form select[name=from] option", "os => os.map(o => o.value)");
                var from = options.Where(o => o != current).OrderBy(o => o, Comms.Core.Model.VersionOrder.Instance).First();
                var to = options.OrderBy(o => o, Comms.Core.Model.VersionOrder.Instance).Last();
                await phone.SelectOptionAsync("#upgrade-form select[name=to]", to);
                await phone.SelectOptionAsync("#upgrade-form select[name=from]", from);
                Assert.Contains($"from={from}", await phone.EvaluateAsync<string>("() => location.hash"), StringComparison.Ordinal);
                Assert.Contains($"when moving from {from} to {to}.", await phone.TextContentAsync("#status"), StringComparison.Ordinal);
                await phone.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder(), "upgrade-390.png") });

                // One page of each kind on a desktop: nothing serious for axe either.
                var desktop = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
                string[] kinds = ["index.html", "release-2.4.0.html", "notes.html", "upgrade.html", "blog-2.4.0.html", "sig-node.html", "audience-vendor.html", "404.html"];
                foreach (var name in kinds)
                {
                    await desktop.GotoAsync(server.BaseUrl + name);
                    var result = await desktop.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
                    checkedRules++;
                    foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    {
                        problems.Add($"{name} at 1280 px: axe {v.Id} ({v.Impact}) on {v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
                    }
                }

                // Distinct heading sizes, and text no wider than about 45rem on a desktop.
                await desktop.GotoAsync(server.BaseUrl + "release-2.4.0.html");
                var sizes = await desktop.EvaluateAsync<double[]>("() => ['h1', 'h2', 'h3'].map(t => parseFloat(getComputedStyle(document.querySelector('main ' + t)).fontSize))");
                Assert.True(sizes[0] > sizes[1] && sizes[1] > sizes[2], string.Join(", ", sizes));
                var textWidth = await desktop.EvaluateAsync<double>("() => document.querySelector('li.note .text').getBoundingClientRect().width / parseFloat(getComputedStyle(document.documentElement).fontSize)");
                Assert.InRange(textWidth, 35, 47);
                Assert.True(await desktop.IsVisibleAsync("text=Changes by kind"));
            }
        }

        output.WriteLine($"{pages.Length} pages checked with axe-core at 390 px, 8 of them at 1280 px");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.Equal(pages.Length + 8, checkedRules);
    }

    [BrowserFact]
    public async Task Permalinks_land_on_their_note_from_file_urls()
    {
        var root = SampleSite.Build(_dir);
        var html = File.ReadAllText(Path.Combine(root, "release-2.4.0.html"));
        var anchors = System.Text.RegularExpressions.Regex.Matches(html, "id=\"(pr-\\d+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(anchors.Length > 50);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
                foreach (var anchor in anchors.Where((_, i) => i % (anchors.Length / 12) == 0).Take(12))
                {
                    await page.GotoAsync(new Uri(Path.Combine(root, "release-2.4.0.html")).AbsoluteUri + "#" + anchor);
                    var top = await page.EvaluateAsync<double>($"() => document.getElementById('{anchor}').getBoundingClientRect().top");
                    Assert.InRange(top, -2, 60);
                    await page.GotoAsync("about:blank");
                }
            }
        }
    }

    [BrowserFact]
    public async Task The_404_page_works_at_any_depth_with_and_without_a_site_url()
    {
        var root = SampleSite.Build(_dir, withSiteUrl: false);
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                var errors = new List<string>();
                page.PageError += (_, e) => errors.Add(e);
                var response = await page.GotoAsync(server.BaseUrl + "no/such/deep/page.html");
                Assert.Equal(404, response!.Status);
                await page.WaitForSelectorAsync("html[data-base]", new() { State = WaitForSelectorState.Attached });
                var home = await page.EvaluateAsync<string>("() => document.querySelector('main a').href");
                Assert.Equal(server.BaseUrl + "index.html", home);
                var styled = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).borderBottomStyle");
                Assert.Equal("solid", styled);
                Assert.Empty(errors);
            }
        }

        using var dir2 = new TempDir();
        var absolute = SampleSite.Build(dir2);
        var notFound = File.ReadAllText(Path.Combine(absolute, "404.html"));
        Assert.Contains("href=\"https://tidewater.example.org/releases/index.html\"", notFound, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tidewater.example.org/releases/assets/style.css\"", notFound, StringComparison.Ordinal);
    }
}
