using System.Diagnostics;
using System.Text;

namespace Comms.TestKit;

/// <summary>
/// The renderers that publish the drafts, run for real with raw HTML on: cmark-gfm (<c>--unsafe</c>, GitHub's
/// extensions) and Hugo (goldmark, <c>markup.goldmark.renderer.unsafe = true</c>). Both are Debian packages that
/// <c>.ci/run</c> installs; without them the tests that need them say so and are skipped.
/// </summary>
public static class PublishingRenderers
{
    public static string? Missing()
    {
        var missing = new[] { "cmark-gfm", "hugo" }.Where(tool => Find(tool) is null).ToArray();
        return missing.Length == 0 ? null : $"{string.Join(" and ", missing)} not installed (apt-get install -y cmark-gfm hugo; .ci/run does)";
    }

    /// <summary>cmark-gfm with tables, footnotes, strikethrough, autolinks and task lists, raw HTML passed through.</summary>
    public static string Cmark(string markdown)
    {
        var (code, output, error) = Run(Find("cmark-gfm") ?? "cmark-gfm", ["-e", "table", "-e", "footnotes", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "--unsafe"], null, markdown);
        if (code != 0)
        {
            throw new InvalidOperationException("cmark-gfm failed: " + error);
        }

        return output;
    }

    /// <summary>
    /// Hugo over one page per draft (its front matter replaced by a plain one, the body as the draft has it):
    /// the HTML of each page's content, by name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Hugo(IReadOnlyDictionary<string, string> pages, string workFolder)
    {
        var site = Path.Combine(workFolder, "hugo-site");
        Directory.CreateDirectory(Path.Combine(site, "content"));
        Directory.CreateDirectory(Path.Combine(site, "layouts", "_default"));
        File.WriteAllText(Path.Combine(site, "hugo.toml"),
            "baseURL = 'http://127.0.0.1/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404', 'home', 'section']\n" +
            "uglyURLs = true\n[markup.goldmark.renderer]\nunsafe = true\n");
        File.WriteAllText(Path.Combine(site, "layouts", "_default", "single.html"), "{{ .Content }}");
        foreach (var (name, body) in pages)
        {
            File.WriteAllText(Path.Combine(site, "content", name + ".md"), $"---\ntitle: \"{name}\"\n---\n{body}");
        }

        var (code, output, error) = Run(Find("hugo") ?? "hugo", ["--quiet", "--buildDrafts", "--source", site, "--destination", Path.Combine(site, "public")], site, null);
        if (code != 0)
        {
            throw new InvalidOperationException("hugo failed: " + output + error);
        }

        return pages.Keys.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(site, "public", name.ToLowerInvariant() + ".html")), StringComparer.Ordinal);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);

    private static (int Code, string Output, string Error) Run(string file, IEnumerable<string> arguments, string? folder, string? input)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (folder is not null)
        {
            start.WorkingDirectory = folder;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            stdin.Write(input ?? string.Empty);
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " did not finish in two minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A fact that needs cmark-gfm and Hugo; skipped with the install command when they are absent.</summary>
public sealed class PublishingRenderersFactAttribute : FactAttribute
{
    public PublishingRenderersFactAttribute()
    {
        if (PublishingRenderers.Missing() is { } missing)
        {
            Skip = missing;
        }
    }
}
