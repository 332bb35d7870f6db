namespace Comms.Cli.Build;

/// <summary>One release to build: where its pulls are, its edits and editorial input, and where its drafts go.</summary>
public sealed record ReleaseInput(string Version, string Pulls, string? Maps, string? ReleaseFile, string DraftsFolder);

/// <summary>What `comms build` was asked to do.</summary>
public sealed record BuildRequest(
    IReadOnlyList<ReleaseInput> Releases,
    string ReleaseNotesRoot,
    string SiteFolder,
    string? ConfigPath,
    string? ThemeFolder,
    string RepoRoot,
    IProgress<Comms.Site.SiteProgress>? SiteProgress = null)
{
    /// <summary>A folder of KEPs, or <c>github</c> for the tracked issues (see <see cref="EnhancementSources"/>); null: comms.yaml's.</summary>
    public string? Enhancements { get; init; }

    /// <summary>Reads a release's tracked enhancements from GitHub, for <c>--enhancements github</c>.</summary>
    public Func<string, IReadOnlyList<Core.Enhancements.Enhancement>?>? GitHubEnhancements { get; init; }
}
