using System.Text;
using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.Core.Pipeline;
using Comms.TestKit;

namespace Comms.Core.Tests.Fixtures;

/// <summary>
/// Approved files for a small fixture of our own (Fixtures/small: 14 REST pull objects and 3 maps):
/// notes.json, the changelog in the default and strict styles, and the diagnostics and counts of the run.
/// </summary>
public sealed class SmallFixtureTests
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "Comms.Core.Tests", "Fixtures", "small");

    private static (NotesRun Run, DiagnosticBag Diagnostics) Notes(bool strict = false)
    {
        var diagnostics = new DiagnosticBag();
        var pipeline = new NotesPipeline(CommsConfig.Kubernetes, diagnostics);
        var run = pipeline.Run(Path.Combine(Folder, "pulls"), null);
        var notes = pipeline.Edit(run.Notes, run.Pulls, Path.Combine(Folder, "maps"), strict);
        return (run with { Notes = notes }, diagnostics);
    }

    [Fact]
    public void Notes_json_is_approved()
    {
        var (run, diagnostics) = Notes();
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Approvals.Verify(NotesJsonWriter.Write(run.Notes), "small.notes", "json");
    }

    [Fact]
    public void Changelog_is_approved()
    {
        var (run, _) = Notes();
        Approvals.Verify(new KubernetesChangelog(CommsConfig.Kubernetes, new ChangelogOptions()).Render(run.Notes), "small.changelog");
    }

    [Fact]
    public void Strict_changelog_is_approved()
    {
        var (run, _) = Notes(strict: true);
        Approvals.Verify(new KubernetesChangelog(CommsConfig.Kubernetes, new ChangelogOptions { Strict = true }).Render(run.Notes), "small.changelog.strict");
    }

    [Fact]
    public void Diagnostics_and_counts_are_approved()
    {
        var (run, diagnostics) = Notes();
        var text = new StringBuilder();
        text.Append("pulls: ").Append(run.Pulls.Count).Append('\n');
        text.Append("notes: ").Append(run.Notes.Count).Append('\n');
        foreach (var (reason, count) in run.SkippedByReason)
        {
            text.Append("no note, ").Append(reason).Append(": ").Append(count).Append('\n');
        }

        text.Append('\n');
        foreach (var diagnostic in diagnostics.Sorted())
        {
            text.Append(diagnostic.ToString().Replace(Folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).Append('\n');
        }

        Approvals.Verify(text.ToString(), "small.diagnostics", "txt");
    }

    [Fact]
    public void Two_runs_give_identical_bytes()
    {
        var first = NotesJsonWriter.Write(Notes().Run.Notes);
        var second = NotesJsonWriter.Write(Notes().Run.Notes);
        Assert.Equal(first, second);
        var notes = Notes().Run.Notes;
        Assert.Equal(
            new KubernetesChangelog(CommsConfig.Kubernetes, new ChangelogOptions()).Render(notes),
            new KubernetesChangelog(CommsConfig.Kubernetes, new ChangelogOptions()).Render(notes.Reverse()));
    }
}
