using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comms.TestKit;

namespace Comms.Site.Tests.Xss;

/// <summary>
/// Runs <c>comms build</c> on pull requests, maps, release.yaml, comms.yaml and audiences.yaml that carry the XSS
/// corpus (the site's payloads and the Markdown ones) in every field that reaches a draft.
/// </summary>
public sealed class DraftXssBuild : IDisposable
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TempDir _dir = new();

    public DraftXssBuild()
    {
        Payloads = [.. XssPayloads.Site(), .. XssPayloads.Markdown, .. XssPayloads.Differential];
        var pulls = Path.Combine(_dir.Path, "pulls");
        var maps = Path.Combine(_dir.Path, "maps");
        var content = Path.Combine(_dir.Path, "content");
        Directory.CreateDirectory(pulls);
        Directory.CreateDirectory(maps);
        Directory.CreateDirectory(content);
        for (var i = 0; i < Payloads.Count; i++)
        {
            var number = 1000 + i;
            File.WriteAllText(Path.Combine(pulls, $"pull-{number.ToString(CultureInfo.InvariantCulture)}.json"), Pull(number, Payloads[i], i));
            if (i % 3 == 0)
            {
                File.WriteAllText(Path.Combine(maps, $"pr-{number.ToString(CultureInfo.InvariantCulture)}-map.yaml"), Map(number, Payloads[i]));
            }
        }

        File.WriteAllText(Path.Combine(content, "comms.yaml"),
            $"project:\n  name: {Q("Proj<script>alert(1)</script>")}\n  repo: example/project\n  description: {Q("<img src=x onerror=alert(1)> {{% param \"x\" %}}")}\n");
        File.WriteAllText(Path.Combine(content, "audiences.yaml"),
            "audiences:\n" +
            $"  - id: vendor\n    name: {Q("Vendors <img src=x onerror=alert(1)>")}\n    description: {Q("<script>alert(1)</script>")}\n" +
            $"    rules:\n      - id: vendor-bugs\n        kinds: [bug]\n        reason: {Q("Because <img src=x onerror=alert(2)> [x](javascript:alert(3)) {{< ref \"x\" >}}")}\n" +
            $"  - id: end-user\n    name: {Q("</title><script>alert(1)</script>")}\n    description: {Q("`x` <svg onload=alert(1)>")}\n" +
            $"    rules:\n      - id: user-features\n        kinds: [feature]\n        reason: {Q("![t](https://evil.example/t.png)")}\n");
        Release = Path.Combine(_dir.Path, "release.yaml");
        File.WriteAllText(Release,
            "version: v1.0.0\nrelease_date: 2026-01-02\n" +
            $"codename: {Q("x\"\ndraft: false\n<script>alert(1)</script>")}\n" +
            $"theme: {Q("<img src=x onerror=alert(1)> ```x``` <img src=y onerror=alert(1)>")}\n" +
            $"highlights:\n  - pr: 1001\n  - text: {Q("{{% param \"x\" %}} <script>alert(1)</script>")}\n" +
            $"quotes:\n  - name: {Q("<img src=x onerror=alert(1)>")}\n    role: {Q("[r](javascript:alert(1))")}\n    text: {Q("\"</blockquote><script>alert(1)</script>")}\n" +
            $"contacts:\n  - name: {Q("<script>alert(1)</script>")}\n    role: {Q("` <img src=x onerror=alert(1)>")}\n    email: press@example.org\n");
        Output = Path.Combine(_dir.Path, "out");

        // The release team's enhancements, with payloads in titles and summaries: they reach the launch post, the
        // comms plan's tables and the feature-blog posts.
        var enhancements = new System.Text.StringBuilder("enhancements:\n");
        string[] stages = ["stable", "beta", "alpha"];
        var hostile = XssPayloads.Differential.Concat(XssPayloads.Markdown.Take(12)).ToArray();
        for (var i = 0; i < hostile.Length; i++)
        {
            enhancements.Append(CultureInfo.InvariantCulture, $"  - id: \"{5000 + i}\"\n    title: {Q("KEP " + hostile[i])}\n    stage: {stages[i % 3]}\n    sig: node\n    confirmed: true\n    summary: {Q("It lets users " + hostile[(i + 1) % hostile.Length])}\n");
        }

        File.WriteAllText(Path.Combine(_dir.Path, "enhancements.yaml"), enhancements.ToString()); // beside release.yaml
        Result = CommsCli.Run("build", "--pulls", pulls, "--maps", maps, "--version", "v1.0.0", "--release", Release,
            "--config", Path.Combine(content, "comms.yaml"), "--out", Output);
        Drafts = Path.Combine(Output, "release-notes", "v1.0.0");
    }

    public IReadOnlyList<string> Payloads { get; }

    public CliResult Result { get; }

    public string Release { get; }

    public string Output { get; }

    public string Drafts { get; }

    public string TempPath => _dir.Path;

    /// <summary>The Markdown drafts: changelog, blog post, press brief, every audience brief, the feature-blog posts.</summary>
    public IReadOnlyList<string> MarkdownDrafts() => Directory.GetFiles(Drafts, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A name for a draft that is unique across its folders (<c>feature-blogs-x</c>).</summary>
    public string PageName(string draft) =>
        Path.GetRelativePath(Drafts, draft)[..^3].Replace(Path.DirectorySeparatorChar, '-');

    /// <summary>A draft without its YAML front matter (Hugo does not render it as Markdown).</summary>
    public static string Body(string markdown)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            return markdown;
        }

        var end = markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return end < 0 ? markdown : markdown[(end + 5)..];
    }

    public static string FrontMatter(string markdown)
    {
        var end = markdown.StartsWith("---\n", StringComparison.Ordinal) ? markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal) : -1;
        return end < 0 ? string.Empty : markdown[4..(end + 1)];
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A YAML double-quoted scalar (JSON's string syntax is YAML's).</summary>
    private static string Q(string text) => JsonSerializer.Serialize(text, Relaxed);

    private static string Pull(int number, string payload, int i)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        var body = $"{payload}\r\n\r\n```release-note\r\n{payload}\r\n```\r\n\r\n```docs\r\n- [{payload}]: https://example.com/docs/{i}\r\n- [Usage]: javascript:alert({i})\r\n```\r\n";
        string[] kinds = ["kind/bug", "kind/feature", "kind/deprecation", "kind/api-change"];
        var labels = new List<string> { kinds[i % kinds.Length], "sig/node" };
        if (i % 4 == 1)
        {
            labels.Add("kind/</script><script>alert(1)</script>");
            labels.Add("area/<img src=x onerror=alert(1)>");
            labels.Add("sig/\"><svg onload=alert(1)>");
        }

        if (i % 5 == 2)
        {
            labels.Add("release-note-action-required");
        }

        var pull = new
        {
            number,
            title = payload,
            body,
            html_url = i % 2 == 0 ? $"https://github.com/example/project/pull/{n}" : "javascript:alert(1)",
            merged = true,
            merged_at = "2026-01-01T00:00:00Z",
            merge_commit_sha = number.ToString("x40", CultureInfo.InvariantCulture),
            user = new { login = i % 7 == 3 ? payload : "dev" + (i % 5).ToString(CultureInfo.InvariantCulture), html_url = i % 2 == 0 ? "https://github.com/dev" : "javascript:alert(1)" },
            labels = labels.Select(l => new { name = l }).ToArray(),
        };
        return JsonSerializer.Serialize(pull, Relaxed);
    }

    private static string Map(int number, string payload) =>
        $"pr: {number.ToString(CultureInfo.InvariantCulture)}\n" +
        $"releasenote:\n  text: {Q("Mapped: " + payload)}\n  sigs: [node]\n" +
        $"  documentation:\n    - description: {Q(payload)}\n      url: {Q("javascript:alert(1)")}\n";
}
