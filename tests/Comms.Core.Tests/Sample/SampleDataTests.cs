using System.Globalization;
using System.Text.Json;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.Pipeline;
using Comms.TestKit;

namespace Comms.Core.Tests.Sample;

/// <summary>The sample data set (content/sample) keeps the shape the demo and the approved-file tests rely on.</summary>
public sealed class SampleDataTests
{
    private static readonly string[] Versions = ["v2.2.0", "v2.3.0", "v2.4.0"];

    private static string Pulls(string version) => Path.Combine(Repo.Root, "content", "sample", "releases", version, "pulls");

    private static string Maps(string version) => Path.Combine(Repo.Root, "release-notes", version, "maps");

    private static (NotesRun Run, DiagnosticBag Diagnostics) Notes(string version)
    {
        var diagnostics = new DiagnosticBag();
        var maps = Directory.Exists(Maps(version)) ? Maps(version) : null;
        var run = new NotesPipeline(CommsConfig.Kubernetes, diagnostics).Run(Pulls(version), maps);
        return (run, diagnostics);
    }

    [Theory]
    [InlineData("v2.2.0")]
    [InlineData("v2.3.0")]
    [InlineData("v2.4.0")]
    public void Every_release_reads_without_errors_and_applies_every_map(string version)
    {
        var (run, diagnostics) = Notes(version);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Assert.DoesNotContain(diagnostics.Items, d => d.Code is Codes.MapPrNotInRelease or Codes.MapBodyChanged);
        var mapFiles = Directory.Exists(Maps(version))
            ? Directory.GetFiles(Maps(version), "*.yaml").Select(Path.GetFileName).ToHashSet()
            : [];
        var applied = run.Notes.SelectMany(n => n.Comms.Maps).ToHashSet();
        Assert.Equal(mapFiles.Order(), applied.Order());
    }

    [Fact]
    public void The_main_release_has_the_promised_variety()
    {
        var (run, _) = Notes("v2.4.0");
        var skipped = run.SkippedByReason;

        Assert.True(run.Pulls.Count >= 160, $"{run.Pulls.Count} PRs");
        Assert.True(run.Notes.SelectMany(n => n.Sigs).Distinct().Count() >= 8);
        Assert.True(skipped[SkipReason.None] >= 15, $"{skipped[SkipReason.None]} NONE");
        Assert.True(skipped[SkipReason.EmptyBlock] >= 5, $"{skipped[SkipReason.EmptyBlock]} empty");
        Assert.True(skipped[SkipReason.NoBlock] >= 3, $"{skipped[SkipReason.NoBlock]} without a block");
        Assert.True(run.Notes.Count(n => n.ActionRequired) >= 6);
        Assert.Contains(run.Notes, n => n.DoNotPublish);
        Assert.Contains(run.Notes, n => n.Kinds.Count > 1);
        Assert.Contains(run.Notes, n => n.Kinds.Count == 0);
        Assert.Contains(run.Notes, n => n.DataFields.ContainsKey("cve"));
        Assert.Contains(run.Notes, n => n.Text.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Contains(run.Notes, n => n.Documentation.Any(d => d.Url.StartsWith("javascript:", StringComparison.Ordinal)));
        Assert.Contains(run.Pulls, p => (p.Body ?? string.Empty).Length > 40_000);
    }

    [Fact]
    public void Numbers_and_merge_dates_rise_across_releases_and_stay_inside_each_cycle()
    {
        var previousLast = 0;
        var previousRelease = DateTimeOffset.MinValue;
        foreach (var version in Versions)
        {
            var pulls = Notes(version).Run.Pulls;
            var released = ReleaseDate(version);
            Assert.True(pulls.Min(p => p.Number) > previousLast, version);
            Assert.All(pulls, p => Assert.InRange(p.MergedAt!.Value, previousRelease, released));
            previousLast = pulls.Max(p => p.Number);
            previousRelease = released;
        }
    }

    [Fact]
    public void First_time_contributors_appear_only_in_the_newest_release_and_bodies_use_crlf()
    {
        var firstTimers = new HashSet<string>(StringComparer.Ordinal);
        var olderAuthors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in Versions)
        {
            foreach (var file in Directory.GetFiles(Pulls(version), "*.json"))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                var root = doc.RootElement;
                var login = root.GetProperty("user").GetProperty("login").GetString()!;
                var body = root.GetProperty("body").GetString()!;
                Assert.DoesNotContain("\n", body.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
                if (version != "v2.4.0")
                {
                    olderAuthors.Add(login);
                }
                else if (root.GetProperty("author_association").GetString() == "FIRST_TIME_CONTRIBUTOR")
                {
                    firstTimers.Add(login);
                }
            }
        }

        Assert.NotEmpty(firstTimers);
        Assert.Empty(firstTimers.Intersect(olderAuthors));
    }

    private static DateTimeOffset ReleaseDate(string version)
    {
        var line = File.ReadLines(Path.Combine(Repo.Root, "release-notes", version, "release.yaml"))
            .Single(l => l.StartsWith("release_date:", StringComparison.Ordinal));
        return DateTimeOffset.ParseExact(line["release_date:".Length..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
    }
}
