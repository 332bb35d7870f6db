using System.Diagnostics;
using System.Text;
using Comms.Core.Model;

namespace Comms.Cli.Project;

/// <summary>The few facts about a git repository that <c>init</c> and <c>build</c> need: root, origin, release tags.</summary>
public static class Git
{
    /// <summary>Runs git in <paramref name="folder"/>; null when git is missing or the command fails.</summary>
    public static string? Run(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.GetAwaiter().GetResult();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public static string? TopLevel(string folder) => Run(folder, "rev-parse", "--show-toplevel");

    public static string? OriginUrl(string folder) => Run(folder, "remote", "get-url", "origin");

    /// <summary>Tags that read as versions, in version order (oldest first).</summary>
    public static IReadOnlyList<string> VersionTags(string folder) =>
        (Run(folder, "tag", "--list") ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => SemVersion.TryParse(t, out _))
            .Order(VersionOrder.Instance)
            .ToArray();

    public static bool HasRef(string folder, string name) => Run(folder, "rev-parse", "--verify", "--quiet", name + "^{commit}") is not null;

    /// <summary>The release tag just before <paramref name="version"/> by version order, if any.</summary>
    public static string? PreviousTag(string folder, string version) =>
        VersionTags(folder).LastOrDefault(t => VersionOrder.Instance.Compare(t, version) < 0);

    /// <summary><c>owner/name</c> and the web host of a GitHub remote URL (https, ssh or scp-like), or null.</summary>
    public static (string Repo, string Host)? ParseRemote(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        string host;
        string path;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            host = uri.Host;
            path = uri.AbsolutePath;
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !url.Contains("://", StringComparison.Ordinal))
        {
            var left = url[..colon];
            host = left[(left.IndexOf('@', StringComparison.Ordinal) + 1)..];
            path = url[(colon + 1)..];
        }
        else
        {
            return null;
        }

        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        var name = parts[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? parts[^1][..^4] : parts[^1];
        return ($"{parts[^2]}/{name}", host);
    }
}
