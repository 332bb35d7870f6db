using System.Text.Json.Nodes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// A project that adopts Comms as it is: PRs with titles and plain labels only, CI annotations, results on standard
/// output, a check that writes nothing, and the project found from a subfolder.
/// </summary>
public sealed class AdoptionTests
{
    private static JsonObject Pull(int number, string title, params string[] labels) => new()
    {
        ["number"] = number,
        ["title"] = title,
        ["body"] = "What this changes, in prose; no release-note block.",
        ["labels"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["name"] = l }).ToArray()),
        ["user"] = new JsonObject { ["login"] = $"dev{number}" },
        ["html_url"] = $"https://github.com/example/widgets/pull/{number}",
        ["merged_at"] = "2026-01-10T12:00:00Z",
        ["merged"] = true,
        ["merge_commit_sha"] = new string('a', 39) + (number % 10),
        ["base"] = new JsonObject { ["ref"] = "main" },
    };

    /// <summary>A project with title-only pull requests: Conventional Commit prefixes, release-drafter labels, one to skip.</summary>
    private static string TitleProject(TempDir temp, string source = "titles")
    {
        temp.File("widgets/content/comms.yaml", $"project:\n  name: Widgets\n  repo: example/widgets\nnotes:\n  source: {source}\n");
        temp.File("widgets/pulls.json", new JsonArray(
            Pull(1, "feat(cli): add a `--fast` flag"),
            Pull(2, "fix: crash on empty input"),
            Pull(3, "Bump yaml from 1.0 to 2.0", "dependencies"),
            Pull(4, "feat!: drop the old config format"),
            Pull(5, "Describe the install", "documentation"),
            Pull(6, "Reformat the code", "skip-changelog"),
            Pull(7, "Faster start", "enhancement")).ToJsonString());
        return Path.Combine(temp.Path, "widgets");
    }

    [Fact]
    public void A_repository_of_title_only_pull_requests_yields_notes_a_changelog_and_drafts()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp);

        var build = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0", "--out", "out");

        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        var drafts = Path.Combine(project, "out", "release-notes", "v1.0.0");
        var notes = JsonNode.Parse(File.ReadAllText(Path.Combine(drafts, "notes.json")))!.AsObject();
        Assert.Equal(6, notes.Count); // #6 is skipped by its label
        Assert.Equal("Add a `--fast` flag", (string?)notes["1"]!["text"]);
        Assert.Equal("feature", (string?)notes["1"]!["kinds"]![0]);
        Assert.Equal("cli", (string?)notes["1"]!["areas"]![0]);
        Assert.Equal("dependencies", (string?)notes["3"]!["kinds"]![0]);
        Assert.True((bool?)notes["4"]!["action_required"]);

        var changelog = File.ReadAllText(Path.Combine(drafts, "CHANGELOG.md"));
        Assert.Contains("### Features\n\n- Add a `--fast` flag", changelog, StringComparison.Ordinal);
        Assert.Contains("- Faster start", changelog, StringComparison.Ordinal);
        Assert.Contains("### Bug Fixes\n\n- Crash on empty input", changelog, StringComparison.Ordinal);
        Assert.Contains("### Dependencies\n\n- Bump yaml from 1.0 to 2.0", changelog, StringComparison.Ordinal);
        Assert.Contains("### Documentation\n\n- Describe the install", changelog, StringComparison.Ordinal);
        Assert.Contains("Drop the old config format", changelog[..changelog.IndexOf("## Changes by Kind", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("Reformat the code", changelog, StringComparison.Ordinal);
        Assert.Contains("Add a `--fast` flag", File.ReadAllText(Path.Combine(drafts, "brief-end-user.md")) + File.ReadAllText(Path.Combine(drafts, "blog-post.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(drafts, "press-brief.md")));
        Assert.Contains("All 6 notes of 1 release</a>", File.ReadAllText(Path.Combine(project, "out", "site", "index.html")), StringComparison.Ordinal);
        Assert.Contains("Published the site to out/site (1 release)", build.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_that_finds_no_block_in_any_pull_request_says_so_once_and_names_the_setting()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp, source: "blocks");

        var build = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0", "--out", "out");

        var lines = build.Error.Split('\n').Where(l => l.Contains("CM2007", StringComparison.Ordinal)).ToArray();
        var line = Assert.Single(lines);
        Assert.Contains("none of the 7 merged pull requests", line, StringComparison.Ordinal);
        Assert.Contains("source: titles", line, StringComparison.Ordinal);

        // blocks-then-titles takes the title of a PR without a block.
        File.WriteAllText(Path.Combine(project, "content", "comms.yaml"), "notes:\n  source: blocks-then-titles\n");
        var notes = CommsProcess.Run(project, null, "notes", "--pulls", "pulls.json", "--out", "-");
        Assert.True(notes.ExitCode == 0, notes.Error);
        Assert.Equal(6, JsonNode.Parse(notes.Out)!.AsObject().Count);
        Assert.DoesNotContain("CM2007", notes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_source_must_be_one_of_the_three()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp, source: "title");
        var result = CommsProcess.Run(project, null, "notes", "--pulls", "pulls.json", "--out", "notes.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content/comms.yaml(5,11): error CM4001: \"notes.source\" is \"title\"; it must be blocks, titles or blocks-then-titles", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project, "notes.json")));
    }

    [Fact]
    public void In_github_actions_a_diagnostic_is_also_a_workflow_command_and_the_summary_goes_to_the_step_summary()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp);
        temp.File("widgets/release-notes/v1.0.0/maps/pr-1.yaml", "pr: 1\nhighlight: maybe\n");
        var summary = Path.Combine(temp.Path, "summary.md");
        var env = new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var build = CommsProcess.Run(project, env, "build", "--pulls", "pulls.json", "--version", "v1.0.0");

        Assert.Equal(1, build.ExitCode);
        var plain = Assert.Single(build.Error.Split('\n'), l => l.StartsWith("release-notes/v1.0.0/maps/pr-1.yaml(2,", StringComparison.Ordinal) && l.Contains(": error ", StringComparison.Ordinal));
        var code = plain.Split(": error ")[1].Split(':')[0];
        Assert.Contains(build.Error.Split('\n'), l => l.StartsWith($"::error file=release-notes/v1.0.0/maps/pr-1.yaml,line=2,col=", StringComparison.Ordinal) && l.Contains($",title={code}::", StringComparison.Ordinal));
        Assert.Contains(build.Error.Split('\n'), l => l.StartsWith("::warning ", StringComparison.Ordinal) || l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", build.Error, StringComparison.Ordinal);
        var markdown = File.ReadAllText(summary);
        Assert.Contains("### Comms build", markdown, StringComparison.Ordinal);
        Assert.Contains(code, markdown, StringComparison.Ordinal);

        // Without GITHUB_ACTIONS: the plain lines only.
        var local = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0");
        Assert.DoesNotContain("::error", local.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_dash_writes_the_result_to_standard_output_and_the_summary_to_standard_error()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp);
        Assert.Equal(0, CommsProcess.Run(project, null, "notes", "--pulls", "pulls.json", "--out", "notes.json").ExitCode);

        var changelog = CommsProcess.Run(project, null, "changelog", "--notes", "notes.json", "--out", "-");
        var notes = CommsProcess.Run(project, null, "notes", "--pulls", "pulls.json", "--out", "-");

        Assert.True(changelog.ExitCode == 0, changelog.Error);
        Assert.StartsWith("## Urgent Upgrade Notes", changelog.Out, StringComparison.Ordinal);
        Assert.Contains("Wrote the changelog to standard output", changelog.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(project, "notes.json")), notes.Out);
        Assert.Contains("pull requests read", notes.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project, "-")));
    }

    [Fact]
    public void Build_check_renders_everything_and_leaves_the_output_byte_identical()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp);
        Assert.Equal(0, CommsProcess.Run(project, null, "build", "--pulls", "pulls.json", "--version", "v1.0.0").ExitCode);
        File.WriteAllText(Path.Combine(project, "pulls.json"), File.ReadAllText(Path.Combine(project, "pulls.json")).Replace("crash on empty input", "crash on an empty input", StringComparison.Ordinal));
        string Snapshot() => string.Join('\n', Directory.EnumerateFileSystemEntries(project, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => p + (File.Exists(p) ? " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) : string.Empty)));
        var before = Snapshot();

        var check = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0", "--check", "--json");

        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Equal(before, Snapshot());
        var json = JsonNode.Parse(check.Out)!;
        Assert.True((bool?)json["check"]);
        Assert.Equal(6, (int?)json["releases"]![0]!["notes"]);
        Assert.Null(json["site"]!["folder"]);
        Assert.Contains("nothing written", check.Error, StringComparison.Ordinal);

        // An error: exit 1, still nothing written, and the JSON names it with its place.
        File.WriteAllText(Path.Combine(project, "release-notes", "v1.0.0", "release.yaml"), "version: v1.0.0\nrelease_date: soon\n");
        before = Snapshot();
        var broken = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0", "--check", "--json");
        Assert.Equal(1, broken.ExitCode);
        Assert.Equal(before, Snapshot());
        var error = JsonNode.Parse(broken.Out)!["diagnostics"]!.AsArray().First(d => (string?)d!["severity"] == "error")!;
        Assert.Equal("release-notes/v1.0.0/release.yaml", (string?)error["file"]);
        Assert.Equal(2, (int?)error["line"]);
    }

    [Fact]
    public void A_project_command_in_a_subfolder_runs_from_the_project_root_and_outside_one_the_defaults_are_named()
    {
        using var temp = new TempDir();
        var project = TitleProject(temp);
        Directory.CreateDirectory(Path.Combine(project, "docs", "deep"));

        var build = CommsProcess.Run(Path.Combine(project, "docs", "deep"), new Dictionary<string, string> { ["CI"] = "true" },
            "build", "--pulls", "../../pulls.json", "--version", "v1.0.0");

        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        Assert.Contains($"comms: using the project at {project}", build.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project, "release-notes", "v1.0.0", "CHANGELOG.md")), "drafts go to the project's release-notes");
        Assert.False(Directory.Exists(Path.Combine(project, "docs", "deep", "release-notes")));

        var outside = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(outside);
        File.Copy(Path.Combine(project, "pulls.json"), Path.Combine(outside, "pulls.json"));
        var plain = CommsProcess.Run(outside, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", "pulls.json", "--version", "v1.0.0", "--check");
        Assert.Single(plain.Error.Split('\n'), l => l.Contains("using the built-in settings", StringComparison.Ordinal));
    }
}
