using System.Globalization;
using System.Text;
using System.Text.Json;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.Core.Pipeline;
using Comms.TestKit;

namespace Comms.Site.Tests.Xss;

/// <summary>
/// Builds a site from pull requests that carry the XSS payloads in note text, titles, labels, author names,
/// docs links and map fields, through Comms.Core's notes pipeline (with a maps folder) and then the site.
/// </summary>
public sealed class XssSite : IDisposable
{
    private readonly TempDir _dir = new();

    public XssSite()
    {
        Payloads = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Xss", "payloads.txt")).Where(l => l.Length > 0).ToArray();
        var pulls = Path.Combine(_dir.Path, "pulls");
        var maps = Path.Combine(_dir.Path, "maps");
        Directory.CreateDirectory(pulls);
        Directory.CreateDirectory(maps);
        for (var i = 0; i < Payloads.Count; i++)
        {
            var number = 1000 + i;
            File.WriteAllText(Path.Combine(pulls, $"pull-{number}.json"), Pull(number, Payloads[i], i));
            if (i % 3 == 0)
            {
                File.WriteAllText(Path.Combine(maps, $"pr-{number}-map.yaml"), Map(number, Payloads[i]));
            }
        }

        var d = new DiagnosticBag();
        var run = new NotesPipeline(CommsConfig.Kubernetes, d).Run(pulls, maps);
        NoteCount = run.Notes.Count;
        var release = Path.Combine(_dir.Path, "release-notes", "v1.0.0");
        Directory.CreateDirectory(release);
        File.WriteAllText(Path.Combine(release, "notes.json"), NotesJsonWriter.Write(run.Notes));
        var drafts = string.Join("\n\n", Payloads.Select(p => "- " + p));
        File.WriteAllText(Path.Combine(release, "blog-post.md"), $"---\ntitle: \"Release <script>alert(1)</script>\"\n---\n# Blog\n\n{drafts}\n");
        File.WriteAllText(Path.Combine(release, "press-brief.md"), drafts);
        File.WriteAllText(Path.Combine(release, "brief-vendor.md"), drafts);
        File.WriteAllText(Path.Combine(release, "release.yaml"), "version: 1.0.0\nrelease_date: 2026-01-02\ncodename: \"<script>alert(1)</script>\"\ntheme: \"<img src=x onerror=alert(1)>\"\nhighlights:\n  - pr: 1001\n");
        var site = new DiagnosticBag();
        var releases = SiteLoader.Load(Path.Combine(_dir.Path, "release-notes"), CommsConfig.Kubernetes, site);
        Root = Path.Combine(_dir.Path, "out", "site");
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = Root,
            Releases = releases,
            Config = CommsConfig.Kubernetes with { Project = new ProjectConfig { Name = "Proj<script>alert(1)</script>" } },
            ThemeFolders = [Path.Combine(Repo.Root, "themes", "default")],
        }, site);
        Assert.True(ok, string.Join("\n", site.Sorted()));
    }

    public IReadOnlyList<string> Payloads { get; }

    public int NoteCount { get; }

    public string Root { get; }

    public void Dispose() => _dir.Dispose();

    private static string Pull(int number, string payload, int i)
    {
        var body = $"{payload}\r\n\r\n```release-note\r\n{payload}\r\n```\r\n\r\n```docs\r\n- [{payload}]: https://example.com/docs/{i}\r\n- [Usage]: javascript:alert({i})\r\n```\r\n";
        var pull = new
        {
            number,
            title = payload,
            body,
            html_url = i % 2 == 0 ? $"https://github.com/example/project/pull/{number}" : "javascript:alert(1)",
            merged = true,
            merged_at = "2026-01-01T00:00:00Z",
            merge_commit_sha = $"{number:x40}",
            user = new { login = payload, html_url = i % 2 == 0 ? "javascript:alert(1)" : $"https://github.com/u{i}" },
            labels = new[] { new { name = "kind/" + payload }, new { name = "sig/" + payload }, new { name = "area/" + payload }, new { name = "sig/node" }, new { name = i % 5 == 0 ? "release-note-action-required" : "kind/bug" } },
            @base = new { @ref = "main" },
        };
        return JsonSerializer.Serialize(pull);
    }

    private static string Map(int number, string payload)
    {
        var q = JsonSerializer.Serialize(payload);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"pr: {number}\n");
        sb.Append(CultureInfo.InvariantCulture, $"releasenote:\n  text: {q}\n  author: {q}\n  sigs: [{q}, node]\n  areas: [{q}]\n");
        sb.Append(CultureInfo.InvariantCulture, $"  documentation:\n    - description: {q}\n      url: {JsonSerializer.Serialize("javascript:alert(" + number + ")")}\n      type: {q}\n");
        sb.Append(CultureInfo.InvariantCulture, $"audiences: [{q}, vendor]\nstability: {q}\nhighlight: true\n");
        return sb.ToString();
    }
}
