using System.Text.Json;
using System.Text.RegularExpressions;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.Pipeline;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Core.Tests.Conformance;

/// <summary>(a) The 127 pull requests of Kubernetes v1.25.3, extracted as the Kubernetes tool does.</summary>
public sealed partial class PullsV1253Tests(ITestOutputHelper output)
{
    private static string Pulls => Path.Combine(Repo.Kubernetes, "pulls-v1.25.3");

    [GeneratedRegex(@"^\s*```+\s*docs\s*$(?<content>.*?)^\s*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DocsFence();

    [CorpusFact]
    public void Every_pull_is_a_note_or_counted_by_reason()
    {
        var diagnostics = new DiagnosticBag();
        var run = new NotesPipeline(CommsConfig.Kubernetes, diagnostics).Run(Pulls, null);
        var bodies = run.Pulls.Select(p => (p.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal)).ToArray();
        var withBlock = bodies.Count(b => FencedBlocks.Find(b).Any(f => f.Info == "release-note"));
        var skipped = run.SkippedByReason;
        output.WriteLine($"pulls {run.Pulls.Count}, with a release-note block {withBlock}, notes {run.Notes.Count}, " +
                         string.Join(", ", skipped.Select(s => $"{s.Key} {s.Value}")));

        Assert.Equal(127, run.Pulls.Count);
        Assert.Equal(126, withBlock);
        Assert.Equal(36, skipped[SkipReason.None]);
        Assert.Equal(32, skipped[SkipReason.EmptyBlock]);
        Assert.Equal(1, skipped[SkipReason.NoneLabel]);
        Assert.Equal(0, skipped[SkipReason.NoBlock]);
        Assert.Equal(0, skipped[SkipReason.NotMerged]);
        Assert.Equal(58, run.Notes.Count);
        Assert.Equal(run.Pulls.Count, run.Notes.Count + skipped.Values.Sum());

        // Each empty block is one empty-note warning pointing at its pull's file, and nothing is an error.
        var empty = diagnostics.Items.Where(d => d.Code == Codes.EmptyNote).ToArray();
        Assert.Equal(32, empty.Length);
        Assert.All(empty, d => Assert.StartsWith(Pulls, d.File, StringComparison.Ordinal));
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
    }

    [CorpusFact]
    public void Notes_carry_the_kinds_sigs_and_areas_of_their_labels()
    {
        var run = new NotesPipeline(CommsConfig.Kubernetes, new DiagnosticBag()).Run(Pulls, null);
        foreach (var note in run.Notes)
        {
            using var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(Pulls, $"pull-{note.PrNumber}.json")));
            var labels = raw.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToArray();
            string[] Prefixed(string prefix) =>
                labels.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).Distinct().Order(StringComparer.Ordinal).ToArray();

            Assert.Equal(Prefixed("kind/"), note.Kinds);
            Assert.Equal(Prefixed("sig/"), note.Sigs);
            Assert.Equal(Prefixed("area/"), note.Areas);
            var login = raw.RootElement.GetProperty("user").GetProperty("login").GetString();
            if (login != "k8s-infra-cherrypick-robot")
            {
                Assert.Equal(login, note.Author);
            }

            Assert.NotEmpty(note.Text);
            Assert.Contains($"[#{note.PrNumber}](", note.Markdown, StringComparison.Ordinal);
        }

        Assert.Contains(run.Notes, n => n.Kinds.Count > 0);
        Assert.Contains(run.Notes, n => n.Sigs.Count > 0);
        Assert.Contains(run.Notes, n => n.Areas.Count > 0);
    }

    /// <summary>
    /// 26 bodies hold a docs block, but none holds a link: 25 are the template's empty block and one says NONE.
    /// The docs links extracted must match the links written in those blocks, which is none.
    /// </summary>
    [CorpusFact]
    public void Docs_blocks_are_found_and_their_links_extracted()
    {
        var run = new NotesPipeline(CommsConfig.Kubernetes, new DiagnosticBag()).Run(Pulls, null);
        var bodies = run.Pulls.ToDictionary(p => p.Number, p => (p.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal));
        var docsBlocks = bodies.Values.Count(b => FencedBlocks.Find(b).Any(f => f.Info == "docs"));
        var regexBlocks = bodies.Values.Count(b => DocsFence().IsMatch(b));
        var linksWritten = run.Notes.Sum(n => DocsFence().Matches(bodies[n.PrNumber]).Take(1)
            .Sum(m => m.Groups["content"].Value.Split('\n').Count(l => l.Contains("http", StringComparison.Ordinal))));
        var linksExtracted = run.Notes.Sum(n => n.Documentation.Count);
        output.WriteLine($"docs blocks {docsBlocks} (by regex {regexBlocks}); links written in notes' docs blocks {linksWritten}, extracted {linksExtracted}");

        Assert.Equal(26, docsBlocks);
        Assert.Equal(regexBlocks, docsBlocks);
        Assert.Equal(linksWritten, linksExtracted);
    }
}
