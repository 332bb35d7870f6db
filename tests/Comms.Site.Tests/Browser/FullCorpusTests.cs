using System.Diagnostics;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.TestKit;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Comms.Site.Tests.Browser;

/// <summary>
/// Opt-in (COMMS_FULL_SITE=1): the site of all 175 corpus releases, link-checked and filtered in Chromium. Prints
/// the filter times for bench/README.md; asserts only correctness, never timing.
/// </summary>
public sealed class FullCorpusTests(ITestOutputHelper output)
{
    [FullSiteFact]
    public async Task The_whole_corpus_site_has_no_broken_link_and_filters_in_the_browser()
    {
        using var dir = new TempDir();
        var d = new DiagnosticBag();
        var releases = Directory.GetFiles(Path.Combine(Repo.Kubernetes, "relnotes"), "release-notes-*.json")
            .Select(f => SiteLoader.LoadRelease(Path.GetFileNameWithoutExtension(f)["release-notes-".Length..], f, d, withFolder: false))
            .OfType<SiteRelease>().ToArray();
        var root = Path.Combine(dir.Path, "site");
        Assert.True(SiteBuilder.Build(new SiteRequest { OutputFolder = root, Releases = releases, Config = CommsConfig.Kubernetes, ThemeFolders = [Path.Combine(Repo.Root, "themes", "default")] }, d));
        var broken = LinkChecker.Check(root);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(20)));

        await MeasureNotesPage(root);
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var check = await browser.OpenPageAsync();
                await check.GotoAsync(server.BaseUrl + "notes.html#pre=1&sig=node&q=deprecat");
                await check.WaitForSelectorAsync("html[data-notes=complete]", new() { State = WaitForSelectorState.Attached });
                var total = releases.Select(r => (Line: string.Join('.', r.Version.Numbers), r)).SelectMany(x => x.r.Notes.Select(n => (x.Line, n.PrNumber))).Distinct().Count();
                var status = await check.TextContentAsync("#status") ?? string.Empty;
                output.WriteLine($"distinct notes (one per PR per release line): {total}; sig=node q=deprecat: {status}");
                Assert.Contains($" of {total} notes match", status, StringComparison.Ordinal);
                await check.GotoAsync(server.BaseUrl + "upgrade.html#from=1.14.0&to=1.28.0-rc.1");
                await check.ReloadAsync();
                await check.WaitForSelectorAsync("html[data-upgrade=ready]", new() { State = WaitForSelectorState.Attached });
                output.WriteLine("upgrade 1.14.0 -> 1.28.0-rc.1: " + await check.TextContentAsync("#status"));
            }
        }
    }

    /// <summary>Opt-in (COMMS_MEASURE_SITE=&lt;built site folder&gt;): the notes page numbers of any built site, e.g. the 100,000-PR bench build.</summary>
    [MeasureSiteFact]
    public Task The_notes_page_of_a_built_site_is_measured() => MeasureNotesPage(Environment.GetEnvironmentVariable("COMMS_MEASURE_SITE")!);

    private async Task MeasureNotesPage(string root)
    {
        output.WriteLine($"notes.html: {new FileInfo(Path.Combine(root, "notes.html")).Length} bytes; data shards: {Directory.GetFiles(Path.Combine(root, "assets", "data")).Sum(f => new FileInfo(f).Length)} bytes");
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                foreach (var slowdown in new[] { 1, 4 })
                {
                    var page = await browser.OpenPageAsync();
                    var cdp = await page.Context.NewCDPSessionAsync(page);
                    await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = slowdown });
                    var clock = Stopwatch.StartNew();
                    await page.GotoAsync(server.BaseUrl + "notes.html");
                    await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                    var ready = await page.EvaluateAsync<double>("() => performance.getEntriesByName('comms-filters-ready')[0].startTime");
                    var readyWall = clock.ElapsedMilliseconds;
                    await page.WaitForSelectorAsync("html[data-notes=complete]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
                    var complete = await page.EvaluateAsync<double>("() => performance.getEntriesByName('comms-notes-complete')[0].startTime");
                    output.WriteLine("  timeline: " + await page.EvaluateAsync<string>("() => { const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByType('resource'); const f = x => r.filter(e => e.name.includes(x)).map(e => Math.round(e.responseEnd)).join('/'); return `response ${Math.round(n.responseEnd)} domInteractive ${Math.round(n.domInteractive)} index.js ${f('index.js')} first shard ${f('notes-1.30')} shards ${r.length}`; }"));
                    output.WriteLine($"[{slowdown}x CPU] notes.html: filters ready (first shard) {ready:F0} ms page time ({readyWall} ms wall); every shard loaded {complete:F0} ms; DOM nodes {await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length")}, height {await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")} px");
                    const string measure = """
                        async ([facet, value, q]) => {
                          const form = document.getElementById('filters');
                          form.querySelectorAll('input[type=checkbox]').forEach(b => { b.checked = false; });
                          if (facet) { form.querySelector(`input[name=${facet}][value="${value}"]`).checked = true; }
                          form.elements.q.value = q;
                          const t = performance.now();
                          form.dispatchEvent(new Event('change'));
                          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                          return performance.now() - t;
                        }
                        """;
                    foreach (var (facet, value, q) in new[] { ("sig", "node", ""), ("", "", "kubelet"), ("", "", ""), ("sig", "node", "deprecat"), ("kind", "bug", "") })
                    {
                        var ms = await page.EvaluateAsync<double>(measure, new[] { facet, value, q });
                        output.WriteLine($"[{slowdown}x CPU] filter {facet}={value} q='{q}': {ms:F0} ms (apply + render + next frame); {await page.TextContentAsync("#status")}");
                    }

                    await page.CloseAsync();
                }

            }
        }
    }
}

/// <summary>Runs only with COMMS_FULL_SITE=1 and the corpus present (it builds and browses the 175-release site).</summary>
public sealed class FullSiteFactAttribute : FactAttribute
{
    public FullSiteFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COMMS_FULL_SITE") != "1")
        {
            Skip = "set COMMS_FULL_SITE=1 to build, link-check and browse the whole corpus site";
        }
        else if (!Repo.HasCorpus)
        {
            Skip = Repo.CorpusMissing;
        }
    }
}

/// <summary>Runs only with COMMS_MEASURE_SITE set to a built site's folder.</summary>
public sealed class MeasureSiteFactAttribute : FactAttribute
{
    public MeasureSiteFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COMMS_MEASURE_SITE") is not { Length: > 0 } site || !Directory.Exists(site))
        {
            Skip = "set COMMS_MEASURE_SITE to a built site folder to measure its notes page";
        }
    }
}
