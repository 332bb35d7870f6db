using Comms.Cli.Project;
using Comms.GitHub.Fake;
using Comms.TestKit;
using YamlDotNet.RepresentationModel;

namespace Comms.GitHub.Tests;

/// <summary>
/// The release team's loop in a real temporary git repository: <c>comms init</c>, <c>comms build</c> of the
/// project, and the publish workflow's <c>run:</c> steps played against the fake GitHub.
/// </summary>
public sealed class ProjectLoopTests
{
    private static void Merge(string repo, int number) =>
        CommsProcess.Git(repo, "commit", "-q", "--allow-empty", "-m", $"Merge pull request #{number} from dev/change-{number}\n\nChange {number}");

    /// <summary>A repository with origin example/project and two release tags, v1.0.0 and v1.1.0.</summary>
    private static string TwoTags(TempDir temp)
    {
        var repo = Path.Combine(temp.Path, "project");
        Directory.CreateDirectory(repo);
        CommsProcess.Git(repo, "init", "-q", "-b", "main");
        CommsProcess.Git(repo, "remote", "add", "origin", "https://github.com/example/project.git");
        Merge(repo, 1);
        CommsProcess.Git(repo, "tag", "v1.0.0");
        Merge(repo, 2);
        Merge(repo, 3);
        CommsProcess.Git(repo, "tag", "v1.1.0");
        return repo;
    }

    [Fact]
    public void Init_writes_the_starting_files_from_the_repository_and_keeps_existing_ones()
    {
        using var temp = new TempDir();
        var repo = TwoTags(temp);
        File.WriteAllText(Path.Combine(repo, "keep.txt"), "x");
        Directory.CreateDirectory(Path.Combine(repo, "content"));
        File.WriteAllText(Path.Combine(repo, "content", "about.md"), "Our own words.\n");

        var result = CommsCli.Run("init", "--dir", repo);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("kept    content/about.md", result.Out, StringComparison.Ordinal);
        Assert.Equal("Our own words.\n", File.ReadAllText(Path.Combine(repo, "content", "about.md")));
        var config = File.ReadAllText(Path.Combine(repo, "content", "comms.yaml"));
        Assert.Contains("repo: example/project\n", config, StringComparison.Ordinal);
        Assert.Contains("download_url: https://github.com/example/project/releases/tag/{tag}", config, StringComparison.Ordinal);
        var release = File.ReadAllText(Path.Combine(repo, "release-notes", "v1.2.0", "release.yaml"));
        Assert.Contains("version: v1.2.0\nprevious_version: v1.1.0\n", release, StringComparison.Ordinal);
        Assert.Contains("release_date:\n", release, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repo, ".github", "workflows", "release-comms.yml")));
        Assert.Contains("audiences:", File.ReadAllText(Path.Combine(repo, "content", "audiences.yaml")), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(repo, "content", "comms.yaml"), "project:\n  name: Mine\n");
        var second = CommsCli.Run("init", "--dir", repo);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("wrote", second.Out, StringComparison.Ordinal);
        Assert.Equal("project:\n  name: Mine\n", File.ReadAllText(Path.Combine(repo, "content", "comms.yaml")));
    }

    [Fact]
    public void Init_without_an_origin_remote_writes_a_placeholder_repo_and_warns()
    {
        using var temp = new TempDir();
        CommsProcess.Git(temp.Path, "init", "-q", "-b", "main");

        var result = CommsCli.Run("init", "--dir", temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CM0005: no `origin` remote", result.Error, StringComparison.Ordinal);
        Assert.Contains("repo: owner/name # no `origin` remote", File.ReadAllText(Path.Combine(temp.Path, "content", "comms.yaml")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "release-notes", "v0.1.0", "release.yaml")));
    }

    [Fact]
    public void Init_outside_a_git_repository_is_a_usage_error()
    {
        using var temp = new TempDir();
        var result = CommsCli.Run("init", "--dir", temp.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not in a git repository", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("https://github.com/example/project.git", "example/project", "github.com")]
    [InlineData("git@github.com:example/project.git", "example/project", "github.com")]
    [InlineData("ssh://git@ghe.example.org/team/tool", "team/tool", "ghe.example.org")]
    public void Origin_urls_give_owner_and_name(string url, string repo, string host) =>
        Assert.Equal((repo, host), Comms.Cli.Project.Git.ParseRemote(url));

    [Theory]
    [InlineData(null, "v0.1.0")]
    [InlineData("v1.1.0", "v1.2.0")]
    [InlineData("2.9.3", "2.10.0")]
    [InlineData("v1.3.0-rc.1", "v1.3.0")]
    public void The_next_version_follows_the_newest_tag(string? newest, string next) =>
        Assert.Equal(next, ProjectFiles.NextVersion(newest));

    [Fact]
    public void The_workflow_in_docs_is_the_one_init_writes() =>
        Assert.Equal(ProjectFiles.Workflow("v*"), File.ReadAllText(Path.Combine(Repo.Root, "docs", "release-comms.yml")).Replace("\r\n", "\n", StringComparison.Ordinal));

    [Fact]
    public void Init_then_build_in_a_fresh_repository_builds_the_project_offline_from_given_pulls()
    {
        using var temp = new TempDir();
        var repo = TwoTags(temp);
        Assert.Equal(0, CommsProcess.Run(repo, null, "init").ExitCode);
        var pulls = Path.Combine(temp.Path, "pulls.json");
        File.WriteAllText(pulls, new System.Text.Json.Nodes.JsonArray(FakeData.Synthetic(4), FakeData.Synthetic(5)).ToJsonString());

        var build = CommsProcess.Run(repo, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--pulls", pulls);

        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        Assert.Contains("v1.2.0", build.Out, StringComparison.Ordinal);
        Assert.Contains("content/about.md(1,1): warning CM0007: still the placeholder", build.Error, StringComparison.Ordinal);
        Assert.Contains("Fixed synthetic problem 4.", File.ReadAllText(Path.Combine(repo, "release-notes", "v1.2.0", "CHANGELOG.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repo, "artifacts", "site", "release-1.2.0.html")));
        Assert.False(Directory.Exists(Path.Combine(repo, "release-notes", "v2.4.0")), "the sample is not built in a project");
    }

    [Fact]
    public async Task Init_build_with_pulls_then_serve_works_offline_and_an_edited_map_reloads()
    {
        using var temp = new TempDir();
        var repo = Path.Combine(temp.Path, "project");
        Directory.CreateDirectory(repo);
        CommsProcess.Git(repo, "init", "-q", "-b", "main");
        Assert.Equal(0, CommsProcess.Run(repo, null, "init").ExitCode);
        File.WriteAllText(Path.Combine(repo, "pulls.json"), new System.Text.Json.Nodes.JsonArray(FakeData.Synthetic(4), FakeData.Synthetic(5)).ToJsonString());
        var offline = new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_TOKEN"] = "", ["GITHUB_API_URL"] = "http://127.0.0.1:9/" };

        var build = CommsProcess.Run(repo, offline, "build", "--pulls", "pulls.json", "--version", "v0.3.0");

        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        var kept = Path.Combine(repo, "release-notes", "v0.3.0", "pulls.json");
        Assert.Equal(File.ReadAllText(Path.Combine(repo, "pulls.json")), File.ReadAllText(kept));

        // A later build with no arguments finds the kept pulls; the release `init` wrote has none and no tag before it.
        var again = CommsProcess.Run(repo, offline, "build");
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.Contains("warning CM0010: v0.1.0 has no pulls on disk", again.Error, StringComparison.Ordinal);
        Assert.Contains("Wrote", again.Out, StringComparison.Ordinal);
        Assert.Contains("release-notes/v0.3.0", again.Out, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(repo, "release-notes", "v0.3.0", "maps"));
        var map = Path.Combine(repo, "release-notes", "v0.3.0", "maps", "pr-4-map.yaml");
        File.WriteAllText(map, "pr: 4\nreleasenote:\n  text: \"Old text from the map.\"\n");
        await using var serve = await ServeProcess.StartAsync(repo, offline);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        using (var index = await http.GetAsync(serve.Url))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, index.StatusCode);
        }

        // The preview lists every draft of the release, the cycle's too.
        var drafts = await http.GetStringAsync(serve.Url + "drafts/");
        foreach (var draft in new[] { "blog-post.md", "comms-plan.md", "comms-calendar.ics", "webinar-slides.md", "webinar-email.md" })
        {
            Assert.Contains($"/drafts/v0.3.0/{draft}\"", drafts, StringComparison.Ordinal);
        }

        var page = serve.Url + "release-0.3.0.html";
        Assert.Contains("Old text from the map.", await http.GetStringAsync(page), StringComparison.Ordinal);
        File.WriteAllText(map, "pr: 4\nreleasenote:\n  text: \"New text from the map.\"\n");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2); // a rebuild under load; never a timing assert
        string body;
        do
        {
            await Task.Delay(200);
            body = await http.GetStringAsync(page);
        }
        while (!body.Contains("New text from the map.", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("New text from the map.", body, StringComparison.Ordinal);

        // The page is swapped in before the log line is printed and read; wait for the line, never for a time.
        static bool Rebuilt(string line) => line.StartsWith("build ", StringComparison.Ordinal) && !line.StartsWith("build 1:", StringComparison.Ordinal) && line.Contains(": built v0.3.0 in", StringComparison.Ordinal);
        while (!serve.Log.Any(Rebuilt) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(serve.Log, Rebuilt);
    }

    [Fact]
    public async Task The_workflow_run_steps_publish_a_pushed_tag_against_the_fake_github()
    {
        using var temp = new TempDir();
        var repo = TwoTags(temp);
        Assert.Equal(0, CommsCli.Run("init", "--dir", repo).ExitCode);
        CommsProcess.Git(repo, "add", "-A");
        CommsProcess.Git(repo, "commit", "-q", "-m", "Start release comms");
        Merge(repo, 4);
        Merge(repo, 5);
        CommsProcess.Git(repo, "tag", "v1.2.0");

        await using var fake = await FakeGitHub.StartAsync();
        fake.Refs.Add("v1.2.0");
        foreach (var n in new[] { 1, 2, 3, 4, 5 })
        {
            fake.Add(FakeData.Synthetic(n));
        }

        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(Path.Combine(repo, ".github", "workflows", "release-comms.yml"))));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        var tags = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["on"])["push"])["tags"];
        Assert.Equal("v*", ((YamlScalarNode)tags[0]).Value);
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["build"])["steps"]).Cast<YamlMappingNode>().ToArray();
        var uses = steps.Concat(((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["deploy"])["steps"]).Cast<YamlMappingNode>())
            .Where(s => s.Children.ContainsKey("uses")).Select(s => ((YamlScalarNode)s["uses"]).Value!.Split('@')[0]).ToArray();
        Assert.Equal(["actions/checkout", "actions/setup-dotnet", "actions/upload-artifact", "actions/upload-pages-artifact", "actions/deploy-pages"], uses);

        var bin = Path.Combine(temp.Path, "bin");
        CommsProcess.WriteShim(bin);
        var env = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_REF_NAME"] = "v1.2.0",
            ["GITHUB_REPOSITORY"] = "example/project",
            ["GITHUB_API_URL"] = fake.ApiUrl,
            ["GITHUB_TOKEN"] = fake.Token,
            ["GITHUB_PATH"] = Path.Combine(temp.Path, "github_path"),
            ["XDG_CACHE_HOME"] = Path.Combine(temp.Path, "cache"),
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
        };

        var played = 0;
        for (var round = 1; round <= 2; round++)
        {
            foreach (var step in steps.Where(s => s.Children.ContainsKey("run")))
            {
                var script = ((YamlScalarNode)step["run"]).Value!;
                Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
                if (step.Children.ContainsKey("id") && ((YamlScalarNode)step["id"]).Value == "install-comms")
                {
                    Assert.Contains($"dotnet tool install --global comms --version {ProjectFiles.ToolVersion}", script, StringComparison.Ordinal);
                    continue; // the tool built from source stands in for the installed one
                }

                var run = CommsProcess.Exec("bash", repo, env, "--noprofile", "--norc", "-eo", "pipefail", "-c", script);
                Assert.True(run.ExitCode == 0, $"step '{script}' failed:\n{run.Out}\n{run.Error}");
                Assert.DoesNotContain(fake.Token, run.Out + run.Error, StringComparison.Ordinal);
                played++;
            }
        }

        Assert.Equal(4, played);
        var changelog = File.ReadAllText(Path.Combine(repo, "release-notes", "v1.2.0", "CHANGELOG.md"));
        Assert.Contains("Fixed synthetic problem 4.", changelog, StringComparison.Ordinal);
        Assert.DoesNotContain("Fixed synthetic problem 3.", changelog, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repo, "artifacts", "site", "index.html")));
        var release = Assert.Single(fake.Releases.Values);
        Assert.Equal("v1.2.0", (string?)release["tag_name"]);
        Assert.Equal(changelog.Replace("\r\n", "\n", StringComparison.Ordinal), (string?)release["body"]);
    }

    [ActionValidatorFact]
    public void The_workflow_passes_action_validator()
    {
        var result = CommsProcess.Exec(ActionValidatorFactAttribute.Validator, Repo.Root, null, Path.Combine("docs", "release-comms.yml"));
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public void The_pull_request_workflow_in_docs_is_the_one_init_writes() =>
        Assert.Equal(ProjectFiles.PullRequestWorkflow(), File.ReadAllText(Path.Combine(Repo.Root, "docs", "pr-comms.yml")).Replace("\r\n", "\n", StringComparison.Ordinal));

    [ActionValidatorTheory]
    [InlineData("docs/pr-comms.yml")]
    [InlineData(".github/workflows/publish.yml")]
    [InlineData("action.yml")]
    public void The_other_workflows_and_the_action_pass_action_validator(string file)
    {
        var result = CommsProcess.Exec(ActionValidatorFactAttribute.Validator, Repo.Root, null, file);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public void The_pull_request_check_runs_comms_check_on_the_body_title_and_labels_of_the_event()
    {
        using var temp = new TempDir();
        var repo = TwoTags(temp);
        Assert.Equal(0, CommsCli.Run("init", "--dir", repo, "--notes", "titles").ExitCode);
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(Path.Combine(repo, ".github", "workflows", "pr-comms.yml"))));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        Assert.True(((YamlMappingNode)root["on"]).Children.ContainsKey("pull_request"));
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["check"])["steps"]).Cast<YamlMappingNode>().ToArray();
        var install = steps.Single(s => s.Children.ContainsKey("id") && ((YamlScalarNode)s["id"]).Value == "install-comms");
        Assert.Contains($"dotnet tool install --global comms --version {ProjectFiles.ToolVersion}", ((YamlScalarNode)install["run"]).Value, StringComparison.Ordinal);
        var check = ((YamlScalarNode)steps.Last()["run"]).Value!;
        Assert.DoesNotContain("${{", check, StringComparison.Ordinal);

        var bin = Path.Combine(temp.Path, "bin");
        CommsProcess.WriteShim(bin);
        string Event(string title, params string[] labels) => new System.Text.Json.Nodes.JsonObject
        {
            ["pull_request"] = new System.Text.Json.Nodes.JsonObject
            {
                ["number"] = 12,
                ["title"] = title,
                ["body"] = "Makes things faster.\n\n$(touch pwned)",
                ["labels"] = new System.Text.Json.Nodes.JsonArray(labels.Select(l => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = l }).ToArray()),
            },
        }.ToJsonString();
        int Play(string json)
        {
            var path = Path.Combine(temp.Path, "event.json");
            File.WriteAllText(path, json);
            var env = new Dictionary<string, string>
            {
                ["CI"] = "true",
                ["GITHUB_EVENT_PATH"] = path,
                ["RUNNER_TEMP"] = temp.Path,
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            };
            return CommsProcess.Exec("bash", repo, env, "--noprofile", "--norc", "-eo", "pipefail", "-c", check).ExitCode;
        }

        // jq is on every GitHub runner; .ci/run installs it here.
        Assert.True(CommsProcess.Exec("bash", repo, null, "-c", "command -v jq").ExitCode == 0, "jq is needed to play the step: apt-get install jq");

        Assert.Equal(0, Play(Event("feat: faster start")));
        Assert.Equal(0, Play(Event("Faster start", "enhancement")));
        Assert.Equal(1, Play(Event("Faster start", "question")));
        Assert.False(File.Exists(Path.Combine(repo, "pwned")), "the body is data, never run");
    }
}

/// <summary>A theory that is skipped, with a clear message, when @action-validator/cli is not installed.</summary>
public sealed class ActionValidatorTheoryAttribute : TheoryAttribute
{
    public ActionValidatorTheoryAttribute()
    {
        if (!File.Exists(ActionValidatorFactAttribute.Validator))
        {
            Skip = $"@action-validator/cli is not installed at {ActionValidatorFactAttribute.Validator}; `.ci/run` installs it (npm install --prefix .ci/action-validator)";
        }
    }
}

/// <summary>A fact that is skipped, with a clear message, when @action-validator/cli is not installed.</summary>
public sealed class ActionValidatorFactAttribute : FactAttribute
{
    public static string Validator => Path.Combine(Repo.Root, ".ci", "action-validator", "node_modules", ".bin", "action-validator");

    public ActionValidatorFactAttribute()
    {
        if (!File.Exists(Validator))
        {
            Skip = $"@action-validator/cli is not installed at {Validator}; `.ci/run` installs it (npm install --prefix .ci/action-validator)";
        }
    }
}
