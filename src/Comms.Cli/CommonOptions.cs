using System.CommandLine;
using Comms.Core.Model;

namespace Comms.Cli;

/// <summary>Options shared by several commands, so they read and behave the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "The project settings (block names, label prefixes, sections, SIG names). Default: content/comms.yaml if present, else Kubernetes' rules.",
        HelpName = "file",
    };

    public static Option<string?> Maps() => new("--maps")
    {
        Description = "A folder of release-notes maps (*.yaml, Kubernetes schema) to apply to the notes.",
        HelpName = "dir",
    };

    /// <summary><c>--now</c>: the time embargoes are checked against (default: the build's clock).</summary>
    public static Option<DateTimeOffset?> Now() => new("--now")
    {
        Description = "The time embargoes are checked against, e.g. 2026-12-08T16:00:00Z (default: now). Give it for a build that is the same whenever it runs.",
        HelpName = "time",
    };

    /// <summary><c>--include-drafts</c>: publish drafts and embargoed pages, marked.</summary>
    public static Option<bool> IncludeDrafts() => new("--include-drafts")
    {
        Description = "Publish the drafts the site would hold back (a blog post marked draft: true, a press brief under embargo or undated, pages with placeholders), each with a DRAFT banner and noindex: for a preview, never for the public site.",
    };

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Also print informational diagnostics.",
    };

    /// <summary>
    /// A <c>--version</c> names a release's folder: it must be a version (v1.2.0, 1.2.0-rc.1), never a path that leads
    /// elsewhere. One rule for every command that takes it.
    /// </summary>
    public static void ValidateVersion<T>(Option<T> version) => version.Validators.Add(result =>
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var value = result.Tokens[^1].Value;
        if (!IsVersion(value))
        {
            result.AddError($"--version must be a version like v1.2.0 or 1.2.0-rc.1: \"{Core.Diagnostics.ConsoleText.Clean(value)}\" is not a version");
        }
    });

    public static bool IsVersion(string value) =>
        VersionName.IsValid(value) && SemVersion.TryParse(value, out _) && !value.Any(char.IsControl) && value.IndexOfAny(['/', '\\']) < 0 &&
        !value.Contains("..", StringComparison.Ordinal);
}
