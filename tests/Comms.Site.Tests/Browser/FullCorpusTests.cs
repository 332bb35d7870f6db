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

        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                var clock = Stopwatch.StartNew();
                await page.GotoAsync(server.BaseUrl + "notes.html");
                await page.WaitForSelectorAsync("html[data-filters=ready]", new() { State = WaitForSelectorState.Attached });
                output.WriteLine($"notes.html load+ready: {clock.ElapsedMilliseconds} ms");
                var total = releases.Sum(r => r.Notes.Count);
                const string measure = """
                    async ([sig, q]) => {
                      const form = document.getElementById('filters');
                      form.elements.sig.value = sig; form.elements.q.value = q;
                      const t = performance.now();
                      form.dispatchEvent(new Event('change'));
                      await new Promise(r => setTimeout(r, 0));
                      await new Promise(r => requestAnimationFrame(() => r()));
                      return performance.now() - t;
                    }
                    """;
                foreach (var (sig, q) in new[] { ("node", ""), ("", "kubelet"), ("", ""), ("node", "deprecat") })
                {
                    var ms = await page.EvaluateAsync<double>(measure, new[] { sig, q });
                    output.WriteLine($"filter sig='{sig}' q='{q}': {ms:F0} ms (apply + next frame)");
                }

                var visible = await page.EvalOnSelectorAllAsync<int>("li.note", "els => els.filter(e => !e.hidden).length");
                output.WriteLine($"notes={total} visible for sig=node q=deprecat: {visible}");
                Assert.InRange(visible, 1, total - 1);
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
