using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.TestKit;

namespace Comms.Core.Tests.Outputs;

/// <summary>
/// A commit journal (<c>.comms-commit.json</c>) can come from anywhere: force-added to a repository, left by another
/// tool. Recovery obeys only the entries a commit of this output could have written, and reports the rest.
/// </summary>
public sealed class PlantedJournalTests
{
    private const string Id = "0123456789ab";

    private sealed class Layout : IDisposable
    {
        public readonly TempDir Temp = new();

        public Layout()
        {
            Directory.CreateDirectory(NotesRoot);
            Directory.CreateDirectory(Path.Combine(NotesRoot, "v1.0.0", "maps"));
            Directory.CreateDirectory(Site);
            File.WriteAllText(Path.Combine(Site, "index.html"), "old site");
            Directory.CreateDirectory(Path.GetDirectoryName(Victim)!);
            File.WriteAllText(Victim, "precious");
            Directory.CreateDirectory(VictimFolder);
            File.WriteAllText(Path.Combine(VictimFolder, "keep.txt"), "keep");
            File.WriteAllText(ReleaseYaml, "version: v1.0.0\n");
        }

        public string Project => Path.Combine(Temp.Path, "project");
        public string NotesRoot => Path.Combine(Project, "release-notes");
        public string Site => Path.Combine(Project, "artifacts", "site");
        public string Journal => Path.Combine(Project, "artifacts", OutputCommit.JournalName);
        public string Victim => Path.Combine(Temp.Path, "outside", "victim.txt");
        public string VictimFolder => Path.Combine(Temp.Path, "outside", "folder");
        public string ReleaseYaml => Path.Combine(NotesRoot, "v1.0.0", "release.yaml");
        public string DraftStage => Path.Combine(Project, $".release-notes.new-{Id}");

        public void Plant(object journal)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Journal)!);
            File.WriteAllBytes(Journal, JsonSerializer.SerializeToUtf8Bytes(journal));
        }

        public void Dispose() => Temp.Dispose();
    }

    [Fact]
    public void A_journal_naming_paths_outside_the_output_changes_nothing_there_and_is_reported()
    {
        using var layout = new Layout();
        var planted = Path.Combine(layout.Temp.Path, "planted.txt");
        File.WriteAllText(planted, "attacker");
        layout.Plant(new
        {
            Id,
            Moves = new[]
            {
                new { Staged = planted, To = layout.Victim },
                new { Staged = planted, To = Path.Combine(layout.NotesRoot, "v1.0.0", "CHANGELOG.md") },
                new { Staged = Path.Combine(layout.DraftStage, "00000"), To = layout.Victim },
                new { Staged = Path.Combine(layout.DraftStage, "00001"), To = Path.Combine(layout.NotesRoot, "..", "..", "outside", "victim.txt") },
                new { Staged = Path.Combine(layout.DraftStage, "00002"), To = layout.ReleaseYaml },
            },
            Removals = new[] { layout.Victim, layout.ReleaseYaml, Path.Combine(layout.NotesRoot, "v1.0.0", "maps", "pr-1-map.yaml") },
            Site = layout.VictimFolder,
            SiteSlot = layout.Site,
            SiteOld = Path.Combine(layout.Temp.Path, "outside", "old"),
            DraftStage = layout.VictimFolder,
        });
        Directory.CreateDirectory(layout.DraftStage);
        foreach (var n in new[] { "00000", "00001", "00002" })
        {
            File.WriteAllText(Path.Combine(layout.DraftStage, n), "staged " + n);
        }

        var diagnostics = new DiagnosticBag();
        var lines = OutputCommit.Recover(layout.NotesRoot, layout.Site, diagnostics);

        Assert.Equal("precious", File.ReadAllText(layout.Victim));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(layout.VictimFolder, "keep.txt")));
        Assert.Equal("version: v1.0.0\n", File.ReadAllText(layout.ReleaseYaml));
        Assert.Equal("attacker", File.ReadAllText(planted));
        Assert.False(File.Exists(Path.Combine(layout.NotesRoot, "v1.0.0", "CHANGELOG.md")));
        Assert.Equal("old site", File.ReadAllText(Path.Combine(layout.Site, "index.html")));
        Assert.False(File.Exists(layout.Journal));
        var warnings = diagnostics.Items.Where(d => d.Code == Codes.JournalIgnored).ToList();
        Assert.True(warnings.Count >= 9, string.Join("\n", warnings));
        Assert.All(warnings, w => Assert.EndsWith(OutputCommit.JournalName, w.File, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.DoesNotContain(lines, l => l.Contains("drafts and the site", StringComparison.Ordinal));
    }

    [Fact]
    public void A_journal_with_a_foreign_id_is_ignored_whole()
    {
        using var layout = new Layout();
        layout.Plant(new { Id = "../../x", Moves = Array.Empty<object>(), Removals = new[] { layout.Victim } });
        var diagnostics = new DiagnosticBag();
        OutputCommit.Recover(layout.NotesRoot, layout.Site, diagnostics);
        Assert.Equal("precious", File.ReadAllText(layout.Victim));
        Assert.Contains(diagnostics.Items, d => d.Code == Codes.JournalIgnored && d.Message.Contains("id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_in_the_release_notes_folder_does_not_carry_a_move_outside()
    {
        using var layout = new Layout();
        var outside = Path.Combine(layout.Temp.Path, "outside");
        Directory.CreateSymbolicLink(Path.Combine(layout.NotesRoot, "v9.9.9"), outside);
        Directory.CreateDirectory(layout.DraftStage);
        File.WriteAllText(Path.Combine(layout.DraftStage, "00000"), "overwritten");
        layout.Plant(new
        {
            Id,
            Moves = new[] { new { Staged = Path.Combine(layout.DraftStage, "00000"), To = Path.Combine(layout.NotesRoot, "v9.9.9", "victim.txt") } },
            Removals = Array.Empty<string>(),
            DraftStage = layout.DraftStage,
        });
        var diagnostics = new DiagnosticBag();
        OutputCommit.Recover(layout.NotesRoot, layout.Site, diagnostics);
        Assert.Equal("precious", File.ReadAllText(layout.Victim));
        Assert.Single(diagnostics.Items, d => d.Code == Codes.JournalIgnored);
        Assert.False(Directory.Exists(layout.DraftStage), "the draft stage is the commit's own name and is cleaned up");
    }

    [Fact]
    public void A_journal_as_a_commit_writes_it_is_completed()
    {
        using var layout = new Layout();
        Directory.CreateDirectory(layout.DraftStage);
        File.WriteAllText(Path.Combine(layout.DraftStage, "00000"), "# Changelog\n");
        File.WriteAllText(Path.Combine(layout.DraftStage, "00001"), "post\n");
        var stale = Path.Combine(layout.NotesRoot, "v1.0.0", "feature-blogs", "gone.md");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "old post");
        var slot = Path.Combine(layout.Project, "artifacts", $".site.stage-{Id}");
        Directory.CreateDirectory(slot);
        File.WriteAllText(Path.Combine(slot, "index.html"), "new site");
        layout.Plant(new
        {
            Id,
            Moves = new[]
            {
                new { Staged = Path.Combine(layout.DraftStage, "00000"), To = Path.Combine(layout.NotesRoot, "v1.0.0", "CHANGELOG.md") },
                new { Staged = Path.Combine(layout.DraftStage, "00001"), To = Path.Combine(layout.NotesRoot, "v1.0.0", "feature-blogs", "new.md") },
            },
            Removals = new[] { stale },
            Site = layout.Site,
            SiteSlot = slot,
            SiteOld = Path.Combine(layout.Project, "artifacts", $".site.old-{Id}"),
            DraftStage = layout.DraftStage,
        });

        var diagnostics = new DiagnosticBag();
        var lines = OutputCommit.Recover(layout.NotesRoot, layout.Site, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Contains(lines, l => l.StartsWith("Completed the commit of an interrupted build (2 drafts and the site)", StringComparison.Ordinal));
        Assert.Equal("# Changelog\n", File.ReadAllText(Path.Combine(layout.NotesRoot, "v1.0.0", "CHANGELOG.md")));
        Assert.Equal("post\n", File.ReadAllText(Path.Combine(layout.NotesRoot, "v1.0.0", "feature-blogs", "new.md")));
        Assert.False(File.Exists(stale));
        Assert.Equal("new site", File.ReadAllText(Path.Combine(layout.Site, "index.html")));
        Assert.False(Directory.Exists(slot));
        Assert.False(Directory.Exists(layout.DraftStage));
    }

    [Fact]
    public void A_leftover_stage_that_is_a_link_is_removed_as_a_link_not_followed()
    {
        using var layout = new Layout();
        Directory.CreateSymbolicLink(Path.Combine(layout.Project, "artifacts", ".site.stage-planted"), layout.VictimFolder);
        OutputCommit.Recover(layout.NotesRoot, layout.Site, new DiagnosticBag());
        Assert.Equal("keep", File.ReadAllText(Path.Combine(layout.VictimFolder, "keep.txt")));
        Assert.False(Path.Exists(Path.Combine(layout.Project, "artifacts", ".site.stage-planted")));
    }

    [Fact]
    public void A_planted_lock_file_is_read_bounded_and_never_printed_raw()
    {
        using var temp = new TempDir();
        var folder = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(folder);
        using (var stream = File.Create(Path.Combine(folder, OutputLock.FileName)))
        {
            var escape = "\u001b]0;owned\u0007\u001b[2J"u8.ToArray();
            stream.Write(escape);
            stream.SetLength(64L * 1024 * 1024); // sparse: 64 MB the lock must not read
        }

        var messages = new List<string>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (OutputLock.Acquire([folder], noWait: true, messages.Add, CancellationToken.None))
        {
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8L * 1024 * 1024, "the lock file was read whole");
        }

        var message = Assert.Single(messages);
        Assert.DoesNotContain('\u001b', message);
        Assert.Contains("(unknown)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_that_cannot_be_taken_is_an_error_at_once_never_a_wait_for_another_build()
    {
        using var temp = new TempDir();

        // A lock "file" that is a folder (as a repository can carry it): no build holds it, and none ever will.
        var planted = Path.Combine(temp.Path, "planted");
        Directory.CreateDirectory(Path.Combine(planted, OutputLock.FileName));
        var messages = new List<string>();
        var error = await Assert.ThrowsAsync<OutputBusyException>(() =>
            Task.Run(() => OutputLock.Acquire([planted], noWait: false, messages.Add, CancellationToken.None).Dispose()).WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("the output folder must be writable", error.Message, StringComparison.Ordinal);
        Assert.Empty(messages); // never "Waiting for another build"

        // A read-only folder holding an old lock file (root writes anyway, so only as another user).
        if (!OperatingSystem.IsWindows() && !Environment.IsPrivilegedProcess)
        {
            var readOnly = Path.Combine(temp.Path, "readonly");
            Directory.CreateDirectory(readOnly);
            File.WriteAllText(Path.Combine(readOnly, OutputLock.FileName), "12345\n");
            File.SetUnixFileMode(Path.Combine(readOnly, OutputLock.FileName), UnixFileMode.UserRead);
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            try
            {
                var readOnlyError = await Assert.ThrowsAsync<OutputBusyException>(() =>
                    Task.Run(() => OutputLock.Acquire([readOnly], noWait: false, messages.Add, CancellationToken.None).Dispose()).WaitAsync(TimeSpan.FromMinutes(1)));
                Assert.Contains("the output folder must be writable", readOnlyError.Message, StringComparison.Ordinal);
                Assert.Empty(messages);
            }
            finally
            {
                File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public void Console_text_has_no_escape_or_bidi_controls()
    {
        var text = TextSafety.ForConsole("a\u001b[31mred\u202Eevil\u0007\r\nb");
        Assert.DoesNotContain(text, c => char.IsControl(c) || c == '\u202E');
        Assert.Contains("red", text, StringComparison.Ordinal);
        Assert.Equal("plain text", TextSafety.ForConsole("plain text"));
    }
}
