using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// The README's install route, offline: the tool packed from this repository (dotnet pack), installed from a local
/// folder into a fresh tool manifest, runs `comms --version` and `comms init`, and init pins the version that ran it.
/// </summary>
public sealed class ToolInstallTests
{
    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_into_a_tool_manifest_and_runs_init()
    {
        using var temp = new TempDir();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var feed = Path.Combine(temp.Path, "feed");
        var env = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(temp.Path, "packages"),
            ["DOTNET_CLI_HOME"] = temp.Path,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        // The tool is already built with the tests: pack it without building or restoring again.
        var pack = CommsProcess.Exec("dotnet", Repo.Root, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" },
            "pack", Path.Combine("src", "Comms.Cli", "Comms.Cli.csproj"), "-c", configuration, "--no-build", "--no-restore", "-o", feed, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);
        var package = Assert.Single(Directory.GetFiles(feed, "comms.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["comms.".Length..];

        using (var nupkg = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var nuspec = System.Xml.Linq.XDocument.Load(nupkg.GetEntry("comms.nuspec")!.Open());
            string? Field(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.StartsWith("Release notes", Field("description"), StringComparison.Ordinal);
            Assert.Contains("release-notes", Field("tags"), StringComparison.Ordinal);
            Assert.NotNull(nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
            Assert.NotNull(nupkg.GetEntry("README.md"));
        }

        var repo = Path.Combine(temp.Path, "project");
        Directory.CreateDirectory(repo);
        CommsProcess.Git(repo, "init", "-q", "-b", "main");
        temp.File("project/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Assert.Equal(0, CommsProcess.Exec("dotnet", repo, env, "new", "tool-manifest").ExitCode);
        var install = CommsProcess.Exec("dotnet", repo, env, "tool", "install", "comms", "--version", version);
        Assert.True(install.ExitCode == 0, install.Out + install.Error);

        var shown = CommsProcess.Exec("dotnet", repo, env, "tool", "run", "comms", "--", "--version");
        Assert.True(shown.ExitCode == 0, shown.Out + shown.Error);
        Assert.StartsWith(version, shown.Out.Trim(), StringComparison.Ordinal);

        var init = CommsProcess.Exec("dotnet", repo, env, "tool", "run", "comms", "--", "init", "--notes", "titles");
        Assert.True(init.ExitCode == 0, init.Out + init.Error);
        Assert.Contains("source: titles", File.ReadAllText(Path.Combine(repo, "content", "comms.yaml")), StringComparison.Ordinal);
        foreach (var workflow in new[] { "release-comms.yml", "pr-comms.yml" })
        {
            Assert.Contains($"dotnet tool install --global comms --version {version}\n", File.ReadAllText(Path.Combine(repo, ".github", "workflows", workflow)), StringComparison.Ordinal);
        }
    }
}
