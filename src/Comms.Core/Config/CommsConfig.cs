namespace Comms.Core.Config;

/// <summary>The project's settings from <c>content/comms.yaml</c>. Defaults follow Kubernetes.</summary>
public sealed record CommsConfig
{
    /// <summary>The file the config was read from; null for the built-in defaults.</summary>
    public string? File { get; init; }

    public ProjectConfig Project { get; init; } = new();

    /// <summary>Where the release site is published (<c>site_url</c>); feeds and the sitemap use absolute URLs from it.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>
    /// The languages the drafts are also written in, each in <c>release-notes/&lt;version&gt;/&lt;lang&gt;/</c> from the
    /// theme's <c>locales/&lt;lang&gt;.yaml</c> (<c>locales:</c>; <c>--locales</c> replaces it). English is always written.
    /// </summary>
    public IReadOnlyList<string> Locales { get; init; } = [];

    /// <summary>A language as the drafts name it: <c>de</c>, <c>ja</c>, <c>zh-CN</c>, <c>pt-BR</c>.</summary>
    public static bool IsLocale(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    public NotesConfig Notes { get; init; } = new();

    /// <summary>Changelog sections in order; each lists the kinds it takes.</summary>
    public IReadOnlyList<SectionConfig> Sections { get; init; } = DefaultSections;

    /// <summary>Title of the section for notes without a kind.</summary>
    public string UncategorizedSection { get; init; } = "Uncategorized";

    /// <summary>Display names of SIG name parts (<c>api</c> is API); other parts are title-cased.</summary>
    public IReadOnlyDictionary<string, string> SigWords { get; init; } = DefaultSigWords;

    /// <summary>Display names of whole SIGs, where the word rule is not enough (e.g. <c>k8s-infra</c>).</summary>
    public IReadOnlyDictionary<string, string> SigDisplayNames { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The project's groups (<c>groups:</c> in comms.yaml, a file in the sigs.yaml format); the Kubernetes list by default.</summary>
    public ProjectGroups Groups { get; init; } = ProjectGroups.Kubernetes;

    /// <summary>The first words of a file <c>comms init</c> wrote that the user has not replaced yet (content/about.md).</summary>
    public const string PlaceholderMarker = "<!-- comms: placeholder";

    /// <summary>What Markdown from pull requests may keep in the drafts (<c>drafts.allow_remote_images</c>).</summary>
    public Markdown.MarkdownPolicy Markdown { get; init; } = Comms.Core.Markdown.MarkdownPolicy.Default;

    /// <summary>
    /// Most notes a brief lists in one group (<c>drafts.brief_items_per_group</c>); the rest of a larger group is
    /// "and N more" with a link to the site's notes page filtered to that group. The changelog keeps every note.
    /// </summary>
    public int BriefItemsPerGroup { get; init; } = DefaultBriefItemsPerGroup;

    public const int DefaultBriefItemsPerGroup = 25;

    /// <summary>Bounds on input sizes and depths (<c>limits</c>).</summary>
    public IO.InputLimits Limits { get; init; } = IO.InputLimits.Default;

    /// <summary>
    /// Abbreviations said in full for the press (<c>glossary:</c> in comms.yaml): the press brief and the announcement
    /// email write "Dynamic Resource Allocation" where engineers write "DRA".
    /// </summary>
    public IReadOnlyDictionary<string, string> Glossary { get; init; } = DefaultGlossary;

    public static readonly IReadOnlyDictionary<string, string> DefaultGlossary = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["APF"] = "API Priority and Fairness",
        ["CRD"] = "custom resource definition",
        ["CRI"] = "Container Runtime Interface",
        ["CSI"] = "Container Storage Interface",
        ["DRA"] = "Dynamic Resource Allocation",
        ["DSR"] = "Direct Server Return",
        ["FQDN"] = "fully qualified domain name",
        ["HPA"] = "Horizontal Pod Autoscaler",
        ["KEP"] = "enhancement proposal",
        ["PSI"] = "Pressure Stall Information",
    };

    /// <summary>Where the release's enhancements come from (<c>enhancements:</c> in comms.yaml).</summary>
    public EnhancementsConfig Enhancements { get; init; } = new();

    public static readonly IReadOnlyList<SectionConfig> DefaultSections =
    [
        new("Deprecation", ["deprecation"]),
        new("API Change", ["api-change"]),
        new("Feature", ["feature"]),
        new("Design", ["design"]),
        new("Documentation", ["documentation"]),
        new("Failing Test", ["failing-test"]),
        new("Bug or Regression", ["bug", "regression"]),
        new("Other (Cleanup or Flake)", ["cleanup", "flake"]),
    ];

    /// <summary>The changelog sections of a project whose notes come from titles (used when comms.yaml gives none).</summary>
    public static readonly IReadOnlyList<SectionConfig> TitleSections =
    [
        new("Deprecations", ["deprecation"]),
        new("Features", ["feature"]),
        new("Bug Fixes", ["bug", "regression"]),
        new("Documentation", ["documentation"]),
        new("Dependencies", ["dependencies"]),
        new("Other Changes", ["cleanup", "flake", "failing-test", "design", "api-change"]),
    ];

    public static readonly IReadOnlyDictionary<string, string> DefaultSigWords =
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["api"] = "API",
            ["aws"] = "AWS",
            ["cli"] = "CLI",
            ["lts"] = "LTS",
            ["gcp"] = "GCP",
            ["openstack"] = "OpenStack",
            ["vmware"] = "VMWare",
            ["vsphere"] = "vSphere",
        };

    /// <summary>The built-in defaults: Kubernetes' rules. Declared last so the tables above are set first.</summary>
    public static readonly CommsConfig Kubernetes = new();
}

public sealed record ProjectConfig
{
    public string Name { get; init; } = "Kubernetes";
    public string Repo { get; init; } = "kubernetes/kubernetes";
    public string GitHubUrl { get; init; } = "https://github.com";
    public string? Url { get; init; }
    public string? Description { get; init; }

    /// <summary>Where a release's changelog is read on the web; <c>{tag}</c> and <c>{version}</c> are replaced.</summary>
    public string? ChangelogUrl { get; init; } = "https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-{minor}.md";

    /// <summary>Where a release is downloaded; <c>{tag}</c> and <c>{version}</c> are replaced.</summary>
    public string? DownloadUrl { get; init; } = "https://kubernetes.io/releases/download/";

    /// <summary>The glob of tags that are releases (the publish workflow runs on them).</summary>
    public string TagPattern { get; init; } = "v*";
}

/// <summary>
/// Enhancement sources: a folder of KEPs, and the GitHub repository whose issues track enhancements (milestone,
/// tracked label, stage labels). Kubernetes defaults.
/// </summary>
public sealed record EnhancementsConfig
{
    /// <summary>A folder of Kubernetes Enhancement Proposals (<c>keps/&lt;sig&gt;/&lt;N&gt;-&lt;slug&gt;/kep.yaml</c>); null: none.</summary>
    public string? Keps { get; init; }

    /// <summary>The repository of the enhancement issues, <c>owner/name</c>.</summary>
    public string Repo { get; init; } = "kubernetes/enhancements";

    /// <summary>Where the enhancements live on the web, for links to tracking issues and proposals.</summary>
    public string Url { get; init; } = "https://github.com/kubernetes/enhancements";

    public string TrackedLabel { get; init; } = "tracked/yes";

    /// <summary>A board export (CSV or TSV from GitHub Projects) of the release's tracking board; null: none.</summary>
    public string? Board { get; init; }

    /// <summary>Board statuses that mean the enhancement ships in the release (confirmed). Compared without case.</summary>
    public IReadOnlyList<string> BoardIn { get; init; } =
        ["Tracked for enhancements freeze", "Tracked for code freeze", "Tracked for doc freeze", "Tracked for docs freeze", "Tracked", "Done", "Shipped"];

    /// <summary>Board statuses that mean it does not (never counted); any other status is counted but not confirmed.</summary>
    public IReadOnlyList<string> BoardOut { get; init; } =
        ["Removed from release", "Removed from milestone", "Deferred", "Withdrawn", "Not for release", "Punted", "Exception denied"];

    /// <summary>KEP statuses that cannot ship: a KEP with one is never counted, whatever its milestone says.</summary>
    public IReadOnlyList<string> NotShippingStatuses { get; init; } = Enhancements.KepReader.NotShipping;

    public IReadOnlyDictionary<string, string> StageLabels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["alpha"] = "stage/alpha",
        ["beta"] = "stage/beta",
        ["stable"] = "stage/stable",
        ["deprecated"] = "stage/deprecated",
        ["removed"] = "stage/removed",
    };
}

/// <summary>Where a pull request's note comes from (<c>notes.source</c>).</summary>
public enum NoteSource
{
    /// <summary>A <c>release-note</c> block in the body (Kubernetes); a PR without one has no note.</summary>
    Blocks,

    /// <summary>The PR title is the note, as GitHub's generated release notes do; kinds from labels and Conventional Commit prefixes.</summary>
    Titles,

    /// <summary>The block when there is one, else the title.</summary>
    BlocksThenTitles,
}

/// <summary>How notes are found in PR bodies and labels.</summary>
public sealed record NotesConfig
{
    /// <summary><c>notes.source</c>: blocks (default), titles, or blocks-then-titles.</summary>
    public NoteSource Source { get; init; } = NoteSource.Blocks;

    /// <summary>
    /// Plain labels that give a note its kind, in the style of release-drafter's categories (<c>notes.label_kinds</c>);
    /// read when notes come from titles. Compared without case.
    /// </summary>
    public IReadOnlyDictionary<string, string> LabelKinds { get; init; } = DefaultLabelKinds;

    /// <summary>Conventional Commit types read from titles and the kind each gives (<c>notes.title_prefixes</c>).</summary>
    public IReadOnlyDictionary<string, string> TitlePrefixes { get; init; } = DefaultTitlePrefixes;

    /// <summary>Labels that mark a breaking change (an urgent upgrade note), besides a <c>feat!:</c> title (<c>notes.breaking_labels</c>).</summary>
    public IReadOnlyList<string> BreakingLabels { get; init; } = ["breaking-change", "breaking"];

    /// <summary>Labels that keep a PR out of title notes, besides the none label (<c>notes.skip_labels</c>).</summary>
    public IReadOnlyList<string> SkipLabels { get; init; } = ["skip-changelog", "no-changelog", "ignore-for-release"];

    public static readonly IReadOnlyDictionary<string, string> DefaultLabelKinds = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["bug"] = "bug",
        ["bugfix"] = "bug",
        ["fix"] = "bug",
        ["enhancement"] = "feature",
        ["feature"] = "feature",
        ["breaking-change"] = "feature",
        ["dependencies"] = "dependencies",
        ["documentation"] = "documentation",
        ["docs"] = "documentation",
        ["deprecation"] = "deprecation",
    };

    public static readonly IReadOnlyDictionary<string, string> DefaultTitlePrefixes = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["build"] = "cleanup",
        ["chore"] = "cleanup",
        ["ci"] = "cleanup",
        ["deps"] = "dependencies",
        ["docs"] = "documentation",
        ["feat"] = "feature",
        ["fix"] = "bug",
        ["perf"] = "feature",
        ["refactor"] = "cleanup",
        ["revert"] = "bug",
        ["style"] = "cleanup",
        ["test"] = "cleanup",
    };

    public IReadOnlyList<string> Blocks { get; init; } = ["release-note", "release-notes", "dev-release-note", "dev-release-notes"];
    public string DocsBlock { get; init; } = "docs";
    public IReadOnlyList<string> NoneValues { get; init; } = ["NONE", "N/A", "NA"];
    public string NoneCommand { get; init; } = "/release-note-none";
    public string KindPrefix { get; init; } = "kind/";
    public string SigPrefix { get; init; } = "sig/";
    public string AreaPrefix { get; init; } = "area/";
    public string ActionRequiredLabel { get; init; } = "release-note-action-required";
    public string NoneLabel { get; init; } = "release-note-none";
    public string FeatureKind { get; init; } = "feature";
    public IReadOnlyList<string> CherryPickBots { get; init; } = ["k8s-infra-cherrypick-robot"];

    /// <summary>Link types of docs-block URLs, first match wins; no match is <c>external</c>.</summary>
    public IReadOnlyList<DocTypeRule> DocTypes { get; init; } =
    [
        new("github.com/kubernetes/enhancements/", "KEP"),
        new("kubernetes.io/docs/", "official"),
    ];

    /// <summary>Bodies larger than this are cut before extraction, with a warning.</summary>
    public int MaxBodyChars { get; init; } = 1_000_000;
}

public sealed record SectionConfig(string Title, IReadOnlyList<string> Kinds);

/// <summary>A documentation link whose URL contains <see cref="UrlContains"/> has type <see cref="Type"/>.</summary>
public sealed record DocTypeRule(string UrlContains, string Type);
