using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Comms.Site.Tests.Browser;
using Comms.TestKit;
using Microsoft.Playwright;
using YamlDotNet.RepresentationModel;

namespace Comms.Site.Tests.Xss;

/// <summary>
/// <c>comms build</c> on hostile input, its Markdown drafts rendered as Hugo renders them with raw HTML on
/// (CommonMark with HTML passed through, by Markdig), checked against an allow-list and opened in Chromium.
/// </summary>
public sealed partial class DraftXssTests(DraftXssBuild build) : IClassFixture<DraftXssBuild>
{
    [GeneratedRegex(@"\{\{\s*[%<]")]
    private static partial Regex Shortcode();

    [Fact]
    public void Build_on_hostile_input_writes_every_draft()
    {
        Assert.True(build.Result.ExitCode == 0, build.Result.Out + build.Result.Error);
        Assert.DoesNotContain("CM9999", build.Result.Error, StringComparison.Ordinal);
        var names = build.MarkdownDrafts().Select(Path.GetFileName).ToArray();
        Assert.Contains("CHANGELOG.md", names);
        Assert.Contains("blog-post.md", names);
        Assert.Contains("press-brief.md", names);
        Assert.Contains("brief-vendor.md", names);
        Assert.Contains("brief-end-user.md", names);
        Assert.True(build.Payloads.Count >= 150, $"only {build.Payloads.Count} payloads");
        Assert.Contains(build.MarkdownDrafts(), d => d.Contains(Path.DirectorySeparatorChar + "feature-blogs" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_draft_renders_to_allowed_HTML_only()
    {
        var problems = new List<string>();
        foreach (var draft in build.MarkdownDrafts())
        {
            var body = DraftXssBuild.Body(File.ReadAllText(draft));
            problems.AddRange(HtmlAllowList.Problems(body).Select(p => $"{Path.GetFileName(draft)}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }

    [Fact]
    public void The_payloads_are_shown_as_text_not_dropped()
    {
        var html = HtmlAllowList.Render(DraftXssBuild.Body(File.ReadAllText(Path.Combine(build.Drafts, "CHANGELOG.md"))));
        using var doc = new HtmlParser().ParseDocument(html);
        var text = doc.Body!.TextContent;
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_draft_holds_a_hugo_shortcode()
    {
        var found = build.MarkdownDrafts()
            .SelectMany(d => File.ReadAllLines(d).Where(l => Shortcode().IsMatch(l)).Select(l => $"{Path.GetFileName(d)}: {l}"))
            .ToArray();
        Assert.True(found.Length == 0, string.Join("\n", found.Take(20)));
    }

    [Fact]
    public void Blog_front_matter_is_yaml_with_only_its_own_keys()
    {
        var text = File.ReadAllText(Path.Combine(build.Drafts, "blog-post.md"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(DraftXssBuild.FrontMatter(text)));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var keys = root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["author", "date", "draft", "layout", "slug", "title"], keys);
        Assert.Equal("true", ((YamlScalarNode)root["draft"]).Value);
        Assert.Contains("draft: false", ((YamlScalarNode)root["title"]).Value, StringComparison.Ordinal); // the codename, kept as text
    }

    /// <summary>Every draft as cmark-gfm (<c>--unsafe</c>) and Hugo (goldmark, <c>unsafe = true</c>) render it, by renderer and page.</summary>
    private IReadOnlyDictionary<string, string> Published()
    {
        var bodies = build.MarkdownDrafts().ToDictionary(build.PageName, d => DraftXssBuild.Body(File.ReadAllText(d)), StringComparer.Ordinal);
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, body) in bodies)
        {
            pages["cmark-" + name] = PublishingRenderers.Cmark(body);
        }

        var work = Path.Combine(build.TempPath, "hugo-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, html) in PublishingRenderers.Hugo(bodies, work))
        {
            pages["hugo-" + name] = html;
        }

        return pages;
    }

    [PublishingRenderersFact]
    public void Every_draft_renders_to_allowed_HTML_only_in_Hugo_and_cmark_gfm()
    {
        var problems = Published().SelectMany(p => HtmlAllowList.ProblemsInHtml(p.Value).Select(x => $"{p.Key}: {x}")).Distinct().ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(40)));
    }

    [BrowserFact]
    public async Task Drafts_rendered_with_raw_HTML_run_no_script_in_Chromium()
    {
        var www = Path.Combine(build.TempPath, "www");
        Directory.CreateDirectory(www);
        var pages = new List<string>();
        var rendered = build.MarkdownDrafts().ToDictionary(d => "markdig-" + build.PageName(d), d => HtmlAllowList.Render(DraftXssBuild.Body(File.ReadAllText(d))), StringComparer.Ordinal);
        if (PublishingRenderers.Missing() is null)
        {
            foreach (var (name, html) in Published())
            {
                rendered[name] = html;
            }
        }

        foreach (var (page, html) in rendered.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var name = page + ".html";
            File.WriteAllText(Path.Combine(www, name), $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{name}</title></head><body>{html}</body></html>");
            pages.Add(name);
        }

        await using var server = await StaticServer.StartAsync(www);
        var origin = new Uri(server.BaseUrl).GetLeftPart(UriPartial.Authority);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                var events = new List<string>();
                page.Dialog += (_, dialog) => { events.Add("dialog: " + dialog.Message); _ = dialog.DismissAsync(); };
                page.PageError += (_, e) => events.Add("error: " + e);
                // Nothing leaves the machine: a request to another host is recorded and refused.
                await page.RouteAsync("**/*", async route =>
                {
                    if (route.Request.Url.StartsWith(origin, StringComparison.Ordinal))
                    {
                        await route.ContinueAsync();
                    }
                    else
                    {
                        events.Add("request: " + route.Request.Url);
                        await route.AbortAsync();
                    }
                });
                await page.AddInitScriptAsync("window.__ran = []; for (const f of ['alert', 'confirm', 'prompt', 'print']) { const o = window[f]; window[f] = (...a) => { window.__ran.push(f); return o.apply(window, a); }; }");
                foreach (var name in pages)
                {
                    await page.GotoAsync(server.BaseUrl + name, new() { WaitUntil = WaitUntilState.Load });
                    await page.EvaluateAsync("() => document.querySelectorAll('*').forEach(e => { for (const t of ['mouseover', 'focus', 'click']) { if (!e.closest('a')) e.dispatchEvent(new MouseEvent(t, { bubbles: true })); } })");
                    var ran = await page.EvaluateAsync<string[]>("() => window.__ran");
                    events.AddRange(ran.Select(r => $"{name}: {r} ran"));
                    var scripts = await page.EvaluateAsync<int>("() => document.querySelectorAll('script, iframe, object, embed, svg, style, [onerror], [onload], [onclick], [onmouseover]').length");
                    if (scripts > 0)
                    {
                        events.Add($"{name}: {scripts} script-capable elements");
                    }
                }

                Assert.True(pages.Count >= 5);
                Assert.True(events.Count == 0, string.Join("\n", events.Take(20)));
            }
        }
    }
}
