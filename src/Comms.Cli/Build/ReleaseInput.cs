namespace Comms.Cli.Build;

/// <summary>One release to build: where its pulls are, its edits and editorial input, and where its drafts go.</summary>
public sealed record ReleaseInput(string Version, string Pulls, string? Maps, string? ReleaseFile, string DraftsFolder)
{
    /// <summary>
    /// Keep what was read as <c>pulls.json</c> in the drafts folder (committed with the drafts), so later builds and
    /// <c>comms serve</c> find the release's pulls on disk as they find what <c>collect</c> kept.
    /// </summary>
    public bool KeepPulls { get; init; }
}

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
    /// <summary>A folder of KEPs, or <c>github</c> for the tracked issues (see <see cref="Comms.Core.Enhancements.EnhancementSources"/>); null: comms.yaml's.</summary>
    public string? Enhancements { get; init; }

    /// <summary>Reads a release's tracked enhancements from GitHub, for <c>--enhancements github</c>.</summary>
    public Func<string, Core.Diagnostics.DiagnosticBag, IReadOnlyList<Core.Enhancements.Enhancement>?>? GitHubEnhancements { get; init; }

    /// <summary>The time embargoes are checked against; null: the build's clock.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The languages the drafts are also written in (<c>--locales</c>); null: comms.yaml's <c>locales:</c>.</summary>
    public IReadOnlyList<string>? Locales { get; init; }

    /// <summary>Publish held-back drafts, marked (<c>--include-drafts</c>).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Every warning stops the build before anything is written (<c>--warnings-as-errors</c>).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>
    /// <c>build --check</c>: read and render everything (drafts and site) and report, but write nothing: no lock, no
    /// recovery, drafts kept in memory and the site built in a temporary folder that is removed.
    /// </summary>
    public bool Check { get; init; }

    /// <summary>Fail at once (CM8011) when another build holds the output, instead of waiting for it.</summary>
    public bool NoWait { get; init; }

    /// <summary>Progress lines (waiting for another build, leftovers removed).</summary>
    public Action<string> Message { get; init; } = _ => { };

    /// <summary>Called before each step of staging and commit with its name: a seam for tests that interrupt a build at a given step.</summary>
    public Action<string> Step { get; init; } = _ => { };

    /// <summary>Ctrl-C: checked between stages up to the commit point.</summary>
    public CancellationToken Cancel { get; init; }
}
