using System.IO.Compression;
using System.Xml.Linq;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// <c>dotnet pack</c> of a small project that references Comms.MSBuild from a local folder, offline: the produced
/// package's nuspec carries the release's changelog as plain text, and content errors are MSBuild errors with a place.
/// </summary>
public sealed class MSBuildPackTests
{
    private static string Package()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var folder = Path.Combine(Repo.Root, "src", "Comms.MSBuild", "bin", configuration);
        return Directory.EnumerateFiles(folder, "Comms.MSBuild.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    private static string Pull(int number, string note) => $$"""
        {"number": {{number}}, "title": "Change {{number}}", "body": "```release-note\r\n{{note}}\r\n```\r\n",
         "labels": [{"name": "kind/feature"}, {"name": "sig/node"}, {"name": "release-note"}],
         "user": {"login": "dev{{number}}"}, "html_url": "https://github.com/example/widgets/pull/{{number}}",
         "merged_at": "2026-01-10T12:00:00Z", "merged": true, "merge_commit_sha": "{{new string('a', 39)}}{{number}}",
         "base": {"ref": "main"}, "updated_at": "2026-01-10T12:00:00Z"}
        """;

    [Fact]
    public void Pack_sets_the_release_notes_of_the_version_from_its_changelog_and_reports_errors_with_their_place()
    {
        using var temp = new TempDir();
        var feed = Path.Combine(temp.Path, "feed");
        Directory.CreateDirectory(feed);
        File.Copy(Package(), Path.Combine(feed, Path.GetFileName(Package())));
        var version = Path.GetFileNameWithoutExtension(Package())["Comms.MSBuild.".Length..];

        var repo = Path.Combine(temp.Path, "widgets");
        temp.File("widgets/content/comms.yaml", "project:\n  name: Widgets\n  repo: example/widgets\n");
        temp.File("widgets/release-notes/v1.2.0/release.yaml", "version: v1.2.0\nrelease_date: 2026-01-12\n");
        temp.File("widgets/release-notes/v1.2.0/pulls.json", $"[{Pull(7, "Added `--fast` to the [widget](https://example.org/w) builder.")}, {Pull(8, "Widgets now start twice as fast.")}]");
        temp.File("widgets/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        temp.File("widgets/src/Widgets/Widgets.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.2.0</Version>
                <Authors>Example</Authors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Comms.MSBuild" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        temp.File("widgets/src/Widgets/Widget.cs", "namespace Widgets;\n\npublic static class Widget\n{\n    public static int Answer => 42;\n}\n");
        var env = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(temp.Path, "packages"),
            ["DOTNET_CLI_HOME"] = temp.Path,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        var project = Path.Combine(repo, "src", "Widgets");
        var output = Path.Combine(temp.Path, "out");

        var pack = CommsProcess.Exec("dotnet", project, env, "pack", "-c", "Release", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-p:CommsPulls=../../release-notes/v1.2.0/pulls.json");

        Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);
        using (var nupkg = ZipFile.OpenRead(Path.Combine(output, "Widgets.1.2.0.nupkg")))
        {
            using var nuspec = nupkg.GetEntry("Widgets.nuspec")!.Open();
            var notes = XDocument.Load(nuspec).Descendants().Single(e => e.Name.LocalName == "releaseNotes").Value;
            Assert.StartsWith("v1.2.0\n", notes, StringComparison.Ordinal);
            Assert.Contains("- Added `--fast` to the widget builder. (#7, @dev7) [SIG Node]", notes, StringComparison.Ordinal);
            Assert.Contains("Widgets now start twice as fast.", notes, StringComparison.Ordinal);
            Assert.DoesNotContain("](", notes, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(repo, "release-notes", "v1.2.0", "CHANGELOG.md")), "pack builds under obj/, not into the release-notes folder");

        // A content error is an MSBuild error at its file, line and column, and the pack fails.
        File.WriteAllText(Path.Combine(repo, "release-notes", "v1.2.0", "release.yaml"), "version: v1.2.0\nrelease_date: soon\n");
        var broken = CommsProcess.Exec("dotnet", project, env, "pack", "-c", "Release", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-p:CommsPulls=../../release-notes/v1.2.0/pulls.json", "--no-restore", "--no-build");
        Assert.True(broken.ExitCode != 0, broken.Out + broken.Error);
        Assert.Contains($"{Path.Combine(repo, "release-notes", "v1.2.0", "release.yaml")}(2,15): error CM7101", broken.Out, StringComparison.Ordinal);
    }
}
