using Comms.Cli.Tests.Notes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>The third hostile round's first-hour and input-bound cases, each on real files.</summary>
public sealed class HostileRoundTests
{
    private static string Deep(int levels) => string.Concat(Enumerable.Repeat("> ", levels)) + "Fixed it.";

    [Fact]
    public void A_note_nested_past_the_limit_is_a_located_error_in_build_and_in_check()
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("Fixed a bug."), "kind/bug", "sig/node"));
        temp.File("pulls/pull-2.json", Inputs.Pull(2, Inputs.Note(Deep(130)), "kind/bug", "sig/node"));
        var body = temp.File("body.md", Inputs.Note(Deep(130)));

        var build = CommsCli.Run("build", "--pulls", Path.Combine(temp.Path, "pulls"), "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"));
        var check = CommsCli.Run("check", "--body-file", body, "--label", "kind/bug", "--label", "sig/node");

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("error CM2008: PR #2", build.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CM9999", build.Error, StringComparison.Ordinal);
        Assert.Contains("pull-2.json", build.Error, StringComparison.Ordinal);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error CM2008", check.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "release-notes")));
    }

    [Fact]
    public void A_note_nested_a_few_levels_builds()
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("- a\n  - b\n    - c\n      > quoted *em **strong [link](https://example.org)***"), "kind/bug", "sig/node"));

        var build = CommsCli.Run("build", "--pulls", Path.Combine(temp.Path, "pulls"), "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"));

        Assert.True(build.ExitCode == 0, build.Error);
    }

    [Fact]
    public void An_unknown_audience_in_a_map_is_a_warning_with_the_nearest_name()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        temp.File("maps/pr-1.yaml", "pr: 1\naudiences: [vendors]\n");

        var build = CommsCli.Run("build", "--pulls", pulls, "--maps", Path.Combine(temp.Path, "maps"), "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"));

        Assert.True(build.ExitCode == 0, build.Error);
        var line = Assert.Single(build.Error.Split('\n'), l => l.Contains("CM3007", StringComparison.Ordinal));
        Assert.Contains("pr-1.yaml(1,1): warning CM3007", line, StringComparison.Ordinal);
        Assert.Contains("did you mean \"vendor\"?", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_syntax_error_in_release_yaml_is_one_located_error()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        var release = temp.File("release.yaml", "version: v1.0.0\nhighlights: [\n  - pr: 1\n");

        var build = CommsCli.Run("build", "--pulls", pulls, "--release", release, "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(1, build.ExitCode);
        var errors = build.Error.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
        var error = Assert.Single(errors);
        Assert.Contains("release.yaml(", error, StringComparison.Ordinal);
        Assert.DoesNotContain("is empty", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_escapes_and_bidi_controls_from_labels_and_notes_never_reach_the_console()
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("Fixed \u001b]0;pwned\u0007 a \u001b[2J bug \u202e."), "kind/bug\u001b[31m", "sig/no\u202ede"));
        temp.File("pulls/pull-2.json", Inputs.Pull(2, "no block \u001b[1m here \u009b31m", "kind/bug"));

        var build = CommsCli.Run("build", "--pulls", Path.Combine(temp.Path, "pulls"), "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"), "--verbose");

        foreach (var text in new[] { build.Out, build.Error })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u009b', text);
            Assert.DoesNotContain('\u202e', text);
        }
    }

    [Fact]
    public void A_sig_in_two_unicode_forms_is_one_page_under_the_same_url_in_build_and_site()
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("Fixed a bug."), "kind/bug", "sig/caf\u00e9"));
        temp.File("pulls/pull-2.json", Inputs.Pull(2, Inputs.Note("Fixed another."), "kind/bug", "sig/cafe\u0301"));
        temp.File("pulls/pull-3.json", Inputs.Pull(3, Inputs.Note("Fixed a third."), "kind/bug", "sig/caf\u00e9\u200f"));
        var outFolder = Path.Combine(temp.Path, "out");

        var build = CommsCli.Run("build", "--pulls", Path.Combine(temp.Path, "pulls"), "--version", "v1.0.0", "--out", outFolder);
        Assert.True(build.ExitCode == 0, build.Error);
        var site = CommsCli.Run("site", "--notes-root", Path.Combine(outFolder, "release-notes"), "--out", Path.Combine(temp.Path, "again"));
        Assert.True(site.ExitCode == 0, site.Error);

        static string[] SigPages(string folder) => Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f.Contains("sig", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();
        var built = SigPages(Path.Combine(outFolder, "site"));
        var again = SigPages(Directory.Exists(Path.Combine(temp.Path, "again", "site")) ? Path.Combine(temp.Path, "again", "site") : Path.Combine(temp.Path, "again"));
        Assert.Equal(built, again);
        Assert.Single(built, f => f.Contains("caf", StringComparison.Ordinal));
    }

    [Fact]
    public void Enhancements_version_that_is_a_path_is_a_usage_error_and_writes_nothing()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(Path.Combine(temp.Path, "notes"));

        var result = CommsCli.Run("enhancements", "--version", "../../outside", "--notes-root", Path.Combine(temp.Path, "notes"), "--write");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--version must be a version", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories), p => !p.EndsWith("notes", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_that_is_a_link_is_written_through_and_dash_is_standard_output()
    {
        using var temp = new TempDir();
        var draft = temp.File("draft.md", "# Title\n\nSome **bold** text.\n");
        var target = Path.Combine(temp.Path, "target.txt");
        var link = Path.Combine(temp.Path, "link.txt");
        File.CreateSymbolicLink(link, target);

        var viaLink = CommsCli.Run("plaintext", "--markdown", draft, "--out", link);
        var viaDash = CommsCli.Run("plaintext", "--markdown", draft, "--out", "-");

        Assert.Equal(0, viaLink.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("Some bold text.", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(0, viaDash.ExitCode);
        Assert.Contains("Some bold text.", viaDash.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "-")));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "-")));
    }

    [Theory]
    [InlineData("blog-post.sbn", "# Post\n{{ s = \"x\" | string.pad_left 1000000000 }}\n")] // one string of 2 GB
    [InlineData("site/_note.sbn", "{{ s = \"x\"\nfor i in 1..40\n  s = s + s\nend }}")] // doubled until it is 2 GB
    public void A_theme_that_builds_a_huge_string_fails_the_build_with_a_located_error_and_writes_nothing(string file, string template)
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        temp.File("theme/" + file, template);
        var output = Path.Combine(temp.Path, "out");

        var build = CommsCli.Run("build", "--pulls", pulls, "--version", "v1.0.0", "--theme", Path.Combine(temp.Path, "theme"), "--out", output);

        Assert.Equal(1, build.ExitCode);
        var error = Assert.Single(build.Error.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.Matches(@"^\S*" + System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file)) + @"\(\d+,\d+\): error CM7204: template stopped: ", error);
        Assert.DoesNotContain("   at ", build.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "release-notes", "v1.0.0")) && Directory.EnumerateFiles(Path.Combine(output, "release-notes", "v1.0.0")).Any());
        Assert.False(Directory.Exists(Path.Combine(output, "site")));
    }

    [Fact]
    public async Task Out_that_is_a_fifo_or_device_is_written_into_never_replaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDir();
        var draft = temp.File("draft.md", "# Title\n\nSome **bold** text.\n");
        var fifo = Path.Combine(temp.Path, "out.fifo");
        CommsProcess.Exec("mkfifo", temp.Path, null, fifo);

        // A reader on the other end, as /dev/stdout has one.
        var read = Task.Run(() => File.ReadAllText(fifo));
        var result = await Task.Run(() => CommsCli.Run("plaintext", "--markdown", draft, "--out", fifo)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Some bold text.", await read.WaitAsync(TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
        Assert.Equal("a FIFO (named pipe)", Comms.Core.IO.InputFile.Kind(fifo));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path), e => e.EndsWith("out.fifo", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnostics_name_files_under_the_working_folder_by_their_relative_path()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        var map = temp.File("maps/pr-1.yaml", "pr: 1\nreleasenote: [unclosed\n");

        // Every path given absolute: the diagnostic still names the file as the user sees it from here.
        string[] args = ["build", "--pulls", pulls, "--maps", Path.GetDirectoryName(map)!, "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out")];
        var relative = CommsProcess.Run(temp.Path, null, args);
        var full = CommsProcess.Run(temp.Path, new Dictionary<string, string> { ["COMMS_DIAGNOSTIC_PATHS"] = "full" }, args);

        Assert.Equal(1, relative.ExitCode);
        Assert.Matches(@"(?m)^maps/pr-1\.yaml\(\d+,\d+\): error CM", relative.Error);
        Assert.DoesNotContain(temp.Path, relative.Error, StringComparison.Ordinal);
        Assert.Contains(map + "(", full.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outputs_are_the_same_whichever_globalization_mode_the_runtime_is_told_to_use()
    {
        using var temp = new TempDir();
        // Names and text whose case, order or form differ between cultures and ICU: dotted and dotless I, sharp s,
        // ligatures, NFD, accents that sort apart by culture.
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("Fixed the İstanbul ıstanbul straße ﬁle café path."), "kind/bug", "sig/İnstrumentation"));
        temp.File("pulls/pull-2.json", Inputs.Pull(2, Inputs.Note("Added Ångström and Zebra."), "kind/feature", "sig/cafe\u0301"));
        temp.File("pulls/pull-3.json", Inputs.Pull(3, Inputs.Note("Removed the Éclair flag."), "kind/deprecation", "sig/Zed", "area/ärea"));
        temp.File("pulls/pull-4.json", Inputs.Pull(4, Inputs.Note("Changed the zed flag."), "kind/feature", "sig/apps", "area/Area"));

        string Build(string invariant)
        {
            var output = Path.Combine(temp.Path, "out-" + invariant);
            var result = CommsProcess.Run(temp.Path, new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariant, ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" },
                "build", "--pulls", "pulls", "--version", "v1.0.0", "--now", "2026-03-01T00:00:00Z", "--out", output);
            Assert.True(result.ExitCode == 0, result.Error);
            return output;
        }

        static SortedDictionary<string, string> Files(string folder) => new(
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
                .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), StringComparer.Ordinal);

        var invariant = Files(Build("1"));
        var icu = Files(Build("0"));

        Assert.Equal(invariant.Keys, icu.Keys);
        Assert.All(invariant, pair => Assert.True(pair.Value == icu[pair.Key], $"{pair.Key} differs between the two modes"));
    }

    [Fact]
    public void A_fifo_as_the_draft_is_refused_at_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDir();
        var fifo = Path.Combine(temp.Path, "draft.md");
        CommsProcess.Exec("mkfifo", temp.Path, null, fifo);

        var result = CommsCli.Run("plaintext", "--markdown", fifo, "--out", Path.Combine(temp.Path, "out.txt"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FIFO", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("release-notes/preview")]
    [InlineData("content/preview")]
    [InlineData("pulls")]
    [InlineData("")]
    public async Task Serve_refuses_an_out_that_it_watches_or_that_holds_the_project_notes(string output)
    {
        using var temp = new TempDir();
        Inputs.GoodPulls(temp);
        Directory.CreateDirectory(Path.Combine(temp.Path, "content"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "release-notes", "v1.0.0"));
        var draft = temp.File("release-notes/v1.0.0/CHANGELOG.md", "edited by hand\n");
        var outArg = output.Length == 0 ? temp.Path : output;

        var result = await Task.Run(() => CommsProcess.Run(temp.Path, null, "serve", "--pulls", "pulls", "--version", "v1.0.0", "--out", outArg, "--port", "0"))
            .WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 2, result.Out + result.Error);
        Assert.Contains("error CM0003", result.Error, StringComparison.Ordinal);
        Assert.Equal("edited by hand\n", File.ReadAllText(draft));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(temp.Path, "release-notes"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_ends_on_a_signal_with_exit_130(string signal)
    {
        using var temp = new TempDir();
        Inputs.GoodPulls(temp);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { CommsProcess.ToolDll, "serve", "--pulls", "pulls", "--version", "v1.0.0", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = ChildProcess.Start(start);
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            var serving = Task.Run(() =>
            {
                while (child.StandardOutput.ReadLine() is { } line)
                {
                    if (line.StartsWith("Serving ", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            });
            // (stderr is read to its end only after the child exits: awaiting it here would wait for ever)
            Assert.True(await serving.WaitAsync(TimeSpan.FromMinutes(2)), "serve never said it was serving");
            using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(130, child.ExitCode);
            Assert.DoesNotContain("   at ", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }
}
