using System.Globalization;
using System.Reflection;
using Comms.Core.Model;

namespace Comms.Cli.Project;

/// <summary>What <c>comms init</c> knows about the repository it starts a project in.</summary>
public sealed record ProjectFacts(string Name, string? Repo, string GitHubUrl, string TagPattern, string NextVersion, string? PreviousVersion)
{
    /// <summary><c>comms init --notes</c>: where notes come from (blocks, titles, blocks-then-titles).</summary>
    public string NotesSource { get; init; } = "blocks";
}

/// <summary>The starting files of a project, as text; <c>comms init</c> writes those that do not exist yet.</summary>
public static class ProjectFiles
{
    public const string WorkflowPath = ".github/workflows/release-comms.yml";

    public const string PullRequestWorkflowPath = ".github/workflows/pr-comms.yml";

    /// <summary>Where the JSON Schemas of the project's YAML files go, for editors (yaml-language-server).</summary>
    public const string SchemaFolder = "content/schemas";

    /// <summary>The schemas the tool carries, by file name (comms.schema.json, release.schema.json, ...).</summary>
    public static IReadOnlyList<string> SchemaNames { get; } =
        typeof(ProjectFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Comms.Cli.Schemas.", StringComparison.Ordinal))
            .Select(n => n["Comms.Cli.Schemas.".Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Schema(string name) => Resource("Comms.Cli.Schemas." + name);

    /// <summary>The first line of a YAML file <c>comms init</c> writes: its schema, for editors.</summary>
    public static string SchemaLine(string relativeToFile) => $"# yaml-language-server: $schema={relativeToFile}\n";

    private static string Resource(string name)
    {
        using var stream = typeof(ProjectFiles).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The version the publish workflow installs: the version of this tool.</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(ProjectFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version[..plus] : version;
        }
    }

    /// <summary>Facts read from the repository: name and owner/name from <c>origin</c>, the next version from the newest tag.</summary>
    public static ProjectFacts Read(string root)
    {
        var remote = Git.ParseRemote(Git.OriginUrl(root));
        var tags = Git.VersionTags(root);
        var newest = tags.Count > 0 ? tags[^1] : null;
        var name = remote is { } r ? r.Repo[(r.Repo.IndexOf('/', StringComparison.Ordinal) + 1)..] : Path.GetFileName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar));
        var prefix = newest is null || newest.StartsWith('v') ? "v" : string.Empty;
        return new ProjectFacts(name, remote?.Repo, remote is { } h ? "https://" + h.Host : "https://github.com",
            prefix + "*", NextVersion(newest), newest);
    }

    /// <summary>The next minor release after <paramref name="newest"/> (a pre-release's own release), or v0.1.0.</summary>
    public static string NextVersion(string? newest)
    {
        if (newest is null || !SemVersion.TryParse(newest, out var version))
        {
            return "v0.1.0";
        }

        var prefix = newest.StartsWith('v') || newest.StartsWith('V') ? "v" : string.Empty;
        var n = version.Numbers;
        long major = n.Count > 0 ? n[0] : 0, minor = n.Count > 1 ? n[1] : 0, patch = n.Count > 2 ? n[2] : 0;
        return version.IsPreRelease
            ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{major}.{minor}.{patch}")
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}{major}.{minor + 1}.0");
    }

    /// <summary>Every starting file by path relative to the repository root.</summary>
    public static IReadOnlyList<(string Path, string Text)> All(ProjectFacts facts) =>
    [
        ("content/comms.yaml", SchemaLine("schemas/comms.schema.json") + Config(facts)),
        ("content/audiences.yaml", SchemaLine("schemas/audiences.schema.json") + Audiences()),
        ("content/about.md", About(facts)),
        ($"release-notes/{facts.NextVersion}/release.yaml", SchemaLine("../../content/schemas/release.schema.json") + Release(facts)),
        (WorkflowPath, Workflow(facts.TagPattern)),
        (PullRequestWorkflowPath, PullRequestWorkflow()),
        .. SchemaNames.Select(name => ($"{SchemaFolder}/{name}", Schema(name))),
    ];

    public static string Config(ProjectFacts facts)
    {
        var repo = facts.Repo ?? "owner/name";
        var web = $"{facts.GitHubUrl}/{repo}";
        var repoLine = facts.Repo is null
            ? "  repo: owner/name # no `origin` remote was found: set the GitHub repository here\n"
            : $"  repo: {repo}\n";
        return $$"""
            # Comms settings for {{facts.Name}}. Every key is optional; anything left out follows the
            # Kubernetes conventions (release-note blocks, kind/ sig/ area/ labels, changelog sections).
            project:
              name: {{Quote(facts.Name)}}
            {{repoLine}}  github_url: {{facts.GitHubUrl}}
              # Where a release's changelog is read and where it is downloaded; {tag} and {version} are the tag, {number} it without v, {minor} its major.minor.
              changelog_url: {{web}}/blob/{tag}/release-notes/{version}/CHANGELOG.md
              download_url: {{web}}/releases/tag/{tag}
              # The tags that are releases; the publish workflow (.github/workflows/release-comms.yml) runs on them.
              tag_pattern: "{{facts.TagPattern}}"
              # url: https://your-project.example.org
              # description: One sentence on what the project is.

            # The languages the drafts are also written in, each in release-notes/<version>/<lang>/ with
            # translation.md (German and Japanese are shipped; a theme's locales/<lang>.yaml adds one).
            # locales: [de, ja]

            {{Notes(facts.NotesSource)}}

            """;
    }

    private static string Notes(string source) => source == "blocks"
        ? """
          # notes:
          #   # Where a PR's note comes from: blocks (a release-note block, the default), titles (the PR title,
          #   # as GitHub's generated notes do), or blocks-then-titles. `comms init --notes titles` sets it.
          #   source: blocks
          #   blocks: [release-note, release-notes]
          #   labels: { kind: kind/, sig: sig/, area: area/ }
          # sections:
          #   - title: Feature
          #     kinds: [feature]
          """
        : $$"""
          notes:
            # The PR title is the note ({{source}}). Kinds come from kind/ labels, from plain labels (label_kinds,
            # as release-drafter's categories) and from a Conventional Commit prefix of the title (feat:, fix:, feat!:
            # for a breaking change); the changelog's sections follow (Features, Bug Fixes, Documentation, Dependencies).
            source: {{source}}
            # label_kinds: { bug: bug, enhancement: feature, documentation: documentation, dependencies: dependencies }
            # title_prefixes: { feat: feature, fix: bug, docs: documentation, deps: dependencies, chore: cleanup }
            # breaking_labels: [breaking-change]
            # skip_labels: [skip-changelog]
          """;

    /// <summary>The built-in audience rules, with their explanatory comments, ready to edit.</summary>
    public static string Audiences()
    {
        using var stream = typeof(Comms.Core.Classify.AudienceRulesReader).Assembly.GetManifestResourceStream("Comms.Core.Classify.default-audiences.yaml")!;
        using var reader = new StreamReader(stream);
        return "# The built-in audience rules, copied by `comms init` to be edited; deleting this file brings\n" +
               "# the built-in rules back.\n" + reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public const string AboutMarker = Comms.Core.Config.CommsConfig.PlaceholderMarker;

    public static string About(ProjectFacts facts) => $"""
        {AboutMarker}: replace this paragraph, and this line, with the boilerplate of your press releases. -->
        {facts.Name} is ... (one paragraph: what the project is, who makes it, under which licence, where to find it).

        """;

    public static string Release(ProjectFacts facts)
    {
        var previous = facts.PreviousVersion is null ? "# previous_version: (no earlier release tag)" : $"previous_version: {facts.PreviousVersion}";
        return $"""
            # The editorial input of {facts.NextVersion}. Only `version` is required.
            version: {facts.NextVersion}
            {previous}
            # The release date, like 2026-12-08; left empty until it is set.
            release_date:
            # An embargo for the press brief, like 2026-12-08T16:00:00Z; left empty for none.
            embargo:
            # The cycle's milestones (dates like 2026-10-02): the comms plan, its calendar and the
            # feature-blog schedule are made from them; `comms build` warns while one is empty.
            dates:
              enhancements_freeze:
              feature_blog_freeze:
              code_freeze:
              # sneak_peek: the day the sneak peek on deprecations and removals is published
              # feature_blogs_ready: the day feature blogs are due for review
              # webinar: the day of the release webinar
            # feature_blogs (without them Comms proposes the series from the enhancements):
            #   - kep: "1287"
            #     writer: A Person
            #     buddy: Another Person
            #     date: 2026-12-09
            # codename: A name
            # theme: One sentence on what the release is about.
            # highlights (PR numbers or text; without them Comms picks them):
            #   - pr: 1234
            #   - text: Runs on ARM64.
            # quotes:
            #   - name: A Person
            #     role: Release lead
            #     text: "What the release means."
            # contacts:
            #   - name: Press team
            #     email: press@example.org

            """;
    }

    /// <summary>The pull-request check: <c>comms check</c> on the PR's body, title and labels.</summary>
    public static string PullRequestWorkflow() =>
        Resource("Comms.Cli.Project.pr-comms.yml").Replace("@COMMS_VERSION@", ToolVersion, StringComparison.Ordinal);

    public static string Workflow(string tagPattern)
    {
        using var stream = typeof(ProjectFiles).Assembly.GetManifestResourceStream("Comms.Cli.Project.release-comms.yml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("@TAG_PATTERN@", tagPattern, StringComparison.Ordinal)
            .Replace("@COMMS_VERSION@", ToolVersion, StringComparison.Ordinal);
    }

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ') && !char.IsWhiteSpace(text[0])
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
