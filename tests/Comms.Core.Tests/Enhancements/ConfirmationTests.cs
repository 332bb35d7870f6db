using System.Diagnostics;
using System.Text;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.TestKit;

namespace Comms.Core.Tests.Enhancements;

/// <summary>What counts and how it is known: KEP statuses, the board export, enhancements.yaml, hostile KEP folders, plain summaries.</summary>
public sealed class ConfirmationTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Kep(string id, string stage, string status, string sig = "sig-node", string? readme = null)
    {
        _dir.File($"keps/{sig}/{id}-kep-{id}/kep.yaml",
            $"title: Enhancement {id}\nkep-number: {id}\nowning-sig: {sig}\nstatus: {status}\nmilestone:\n  {stage}: \"v1.34\"\n");
        if (readme is not null)
        {
            _dir.File($"keps/{sig}/{id}-kep-{id}/README.md", readme);
        }
    }

    [Theory]
    [InlineData("implementable", "implementable")]
    [InlineData("implemented (alpha)", "implemented")]
    [InlineData("imlpemented", "implemented")]
    [InlineData("implementable # provisional|implementable|implemented", "implementable")]
    [InlineData("provisional|implementable|implemented|deferred|rejected|withdrawn|replaced", null)]
    [InlineData("Withdrawn", "withdrawn")]
    [InlineData("replaced # merged into another", "replaced")]
    [InlineData("", null)]
    public void Statuses_are_read_as_the_authors_meant_them(string raw, string? expected) =>
        Assert.Equal(expected, KepReader.NormalizeStatus(raw));

    [Fact]
    public void A_kep_that_cannot_ship_is_excluded_with_its_reason_whatever_its_milestone_says()
    {
        Kep("1", "stable", "implemented");
        Kep("2", "beta", "provisional");
        Kep("3", "alpha", "withdrawn");
        Kep("4", "alpha", "replaced # merged into keps/sig-x/5-y");
        Kep("5", "alpha", "deferred");
        Kep("6", "alpha", "imlpemented");
        var set = KepReader.ReadSet(_dir.Path, "v1.34.0", new DiagnosticBag());
        Assert.Equal(["1", "6"], set.Enhancements.Select(e => e.Id));
        Assert.Equal(["2", "3", "4", "5"], set.Excluded.Select(e => e.Id));
        Assert.Contains("provisional", set.Excluded[0].Reason, StringComparison.Ordinal);
        Assert.Equal("beta", set.Excluded[0].Stage);
    }

    [Fact]
    public void A_kep_folder_is_untrusted_links_out_devices_and_fifos_are_warnings_not_hangs()
    {
        Kep("1", "stable", "implemented");
        var linked = Path.Combine(_dir.Path, "keps", "sig-node", "7-linked");
        Directory.CreateDirectory(linked);
        File.CreateSymbolicLink(Path.Combine(linked, "kep.yaml"), "/dev/zero");
        var fifo = Path.Combine(_dir.Path, "keps", "sig-node", "8-fifo");
        Directory.CreateDirectory(fifo);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(fifo, "kep.yaml")))
        {
            mkfifo.WaitForExit();
        }

        var outside = new TempDir();
        outside.File("keps/sig-x/9-out/kep.yaml", "title: Out\nkep-number: 9\nstatus: implemented\nmilestone:\n  alpha: v1.34\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "keps", "sig-linked"), Path.Combine(outside.Path, "keps", "sig-x"));
        var big = Path.Combine(_dir.Path, "keps", "sig-node", "10-big");
        Directory.CreateDirectory(big);
        File.WriteAllText(Path.Combine(big, "kep.yaml"), "title: Big\nkep-number: 10\nmilestone:\n  alpha: v1.34\n" + new string('#', 5000));

        var d = new DiagnosticBag();
        var timer = Stopwatch.StartNew();
        var set = KepReader.ReadSet(_dir.Path, "v1.34.0", d, limits: new Comms.Core.IO.InputLimits { MaxTextFileBytes = 4096 });
        Assert.Equal(["1"], set.Enhancements.Select(e => e.Id));
        var warnings = d.Items.Where(i => i.Code == EnhancementCodes.KepUnreadable).Select(i => $"{i.File}: {i.Message}").ToArray();
        Assert.Contains(warnings, w => w.Contains("7-linked", StringComparison.Ordinal) && w.Contains("links out", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("8-fifo", StringComparison.Ordinal) && w.Contains("FIFO", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("sig-linked", StringComparison.Ordinal) && w.Contains("not followed", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("10-big", StringComparison.Ordinal) && w.Contains("larger than 4096", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Items, i => i.Severity == Severity.Error);
        outside.Dispose();
    }

    private const string Board =
        "\uFEFFTitle,URL,Assignees,Status,Stage,SIG,PRR Status\r\n" +
        "\"DRA: structured parameters, the core\",https://github.com/kubernetes/enhancements/issues/1,,Tracked for code freeze,Stable,SIG Node,done\r\n" +
        "\"Beta \"\"thing\"\"\",https://github.com/kubernetes/enhancements/issues/2,\"a, b\",Tracked for Code Freeze,Beta,\"SIG Node, SIG Scheduling\",\r\n" +
        "Slipped,https://github.com/kubernetes/enhancements/issues/3,,Removed from release,Alpha,SIG Apps,\r\n" +
        "\"Multi\r\nline\",#11,,At risk for code freeze,Alpha,sig/apps,\r\n" +
        "New on the board,https://github.com/kubernetes/enhancements/issues/12,,Tracked for enhancements freeze,Alpha,SIG CLI,\r\n";

    [Fact]
    public void A_board_export_decides_membership_and_stage_and_the_kep_gives_the_rest()
    {
        Kep("1", "beta", "implemented", readme: "# KEP\n\n## Summary\n\nDevices for Pods.\n");
        Kep("2", "beta", "provisional");
        Kep("3", "alpha", "implementable");
        Kep("4", "alpha", "implementable");
        Kep("11", "alpha", "implementable", sig: "sig-apps");
        var board = _dir.File("board.csv", Board);
        var d = new DiagnosticBag();
        var config = CommsConfig.Kubernetes with { Enhancements = CommsConfig.Kubernetes.Enhancements with { Keps = _dir.Path } };
        var set = EnhancementSources.Load("v1.34.0", _dir.Path, config, board, null, d)!;
        Assert.DoesNotContain(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal(["1", "2", "11", "12"], set.Enhancements.Select(e => e.Id));
        var one = set.Enhancements[0];
        Assert.Equal(("stable", "Enhancement 1", "Devices for Pods.", "board export"), (one.Stage, one.Title, one.Summary, one.ConfirmedBy));
        Assert.Equal("board export", set.Enhancements[1].ConfirmedBy); // the board tracks it though its KEP still says provisional
        Assert.Null(set.Enhancements[2].ConfirmedBy); // at risk: counted, not confirmed
        Assert.Equal("At risk for code freeze", set.Enhancements[2].BoardStatus);
        Assert.Equal(("New on the board", "cli"), (set.Enhancements[3].Title, set.Enhancements[3].OwningSig));
        Assert.Equal(["3", "4"], set.Excluded.Select(e => e.Id));
        Assert.Contains("Removed from release", set.Excluded[0].Reason, StringComparison.Ordinal);
        Assert.Contains("slipped", set.Excluded[1].Reason, StringComparison.Ordinal);
        var atRisk = Assert.Single(d.Items, i => i.Code == EnhancementCodes.BoardInvalid);
        Assert.Equal((5, 12), (atRisk.Line, atRisk.Column)); // the quoted line break moves the next row down a line
    }

    [Fact]
    public void A_tsv_export_reads_the_same()
    {
        var items = BoardReader.Read("Title\tIssue\tStatus\tStage\n\"A\tB\"\t7\tTracked\tGA\n", "board.tsv", CommsConfig.Kubernetes.Enhancements, new DiagnosticBag());
        var item = Assert.Single(items!);
        Assert.Equal(("7", "A\tB", "stable", BoardStanding.In), (item.Id, item.Title, item.Stage, item.Standing));
    }

    [Theory]
    [InlineData("Title,URL,Status,Stage\nX,not a url,Tracked,Beta\n", 2, 3, "not an issue URL")]
    [InlineData("Title,URL,Status,Stage\nX,,Tracked,Beta\n", 2, 3, "no issue URL")]
    [InlineData("Title,URL,Status,Stage\nX,#5,Tracked,Gamma\n", 2, 14, "stage \"Gamma\"")]
    [InlineData("Title,URL,Status,Stage\nX,#5,Tracked,Beta\n\"Y, z\",#5,Tracked,Beta\n", 3, 8, "twice")]
    [InlineData("Title,Stage\nX,Beta\n", 1, 1, "needs a URL")]
    public void A_bad_row_is_a_located_error(string csv, int line, int column, string says)
    {
        var d = new DiagnosticBag();
        Assert.Null(BoardReader.Read(csv, "board.csv", CommsConfig.Kubernetes.Enhancements, d));
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal((EnhancementCodes.BoardInvalid, "board.csv", line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enhancements_yaml_confirms_its_entries_unless_told_not_to_and_brings_back_what_a_source_left_out()
    {
        Kep("1", "stable", "implemented");
        Kep("2", "beta", "implemented");
        Kep("3", "alpha", "provisional");
        _dir.File("release/enhancements.yaml", "enhancements:\n  - id: \"1\"\n  - id: \"2\"\n    confirmed: false\n    blurb: Two.\n  - id: \"3\"\n");
        var d = new DiagnosticBag();
        var config = CommsConfig.Kubernetes with { Enhancements = CommsConfig.Kubernetes.Enhancements with { Keps = _dir.Path } };
        var set = EnhancementSources.Load("v1.34.0", Path.Combine(_dir.Path, "release"), config, null, null, d)!;
        Assert.Equal([("1", "enhancements.yaml"), ("2", null), ("3", "enhancements.yaml")], set.Enhancements.Select(e => (e.Id, e.ConfirmedBy)));
        Assert.Equal("alpha", set.Enhancements[2].Stage);
        Assert.Empty(set.Excluded);
        Assert.Contains(d.Items, i => i.Code == EnhancementCodes.FileInvalid && i.Message.Contains("was left out", StringComparison.Ordinal));
    }

    [Fact]
    public void The_count_is_sure_only_when_everything_counted_is_confirmed_or_its_stage_evidenced()
    {
        var d = new DiagnosticBag();
        var note = new Comms.Core.Model.ReleaseNote { PrNumber = 1, Text = "Promoted the `Two` feature gate to beta.", Kinds = ["feature"] };
        var touch = new Comms.Core.Model.ReleaseNote { PrNumber = 2, Text = "Fixed a crash when `Three` is on.", Kinds = ["bug"] };
        Enhancement E(string id, string? by, params string[] gates) => new() { Id = id, Title = id, Stage = "beta", Source = "kep", ConfirmedBy = by, FeatureGates = gates };
        var model = new ReleaseComposer(CommsConfig.Kubernetes, d).Compose(new ReleaseFile { Version = "v1.34.0" }, [note, touch], null,
            [E("1", "board export"), E("2", null, "Two"), E("3", null, "Three"), E("4", null)]);
        var c = model.Stats.Enhancements!;
        Assert.Equal((1, 1, 1, 1, false), (c.Confirmed, c.Evidenced, c.Tied, c.Planned, c.Sure));
        Assert.Equal(["confirmed", "evidenced", "tied", "planned"], model.Enhancements.Select(e => model.ConfirmationOf(e.Id)));
        Assert.Equal(["1", "2"], model.Stated.Select(e => e.Id));
        Assert.Equal(["3", "4"], model.ToConfirm.Select(e => e.Id));
        var warning = Assert.Single(d.Items, i => i.Code == EnhancementCodes.Unconfirmed);
        Assert.Contains("2 of the 4 enhancements", warning.Message, StringComparison.Ordinal);
        Assert.Contains("--enhancements github", warning.Message, StringComparison.Ordinal);

        var sure = new ReleaseComposer(CommsConfig.Kubernetes, new DiagnosticBag()).Compose(new ReleaseFile { Version = "v1.34.0" }, [note, touch], null, [E("1", "board export"), E("2", null, "Two")]);
        Assert.True(sure.Stats.Enhancements!.Sure);
    }

    [Theory]
    [InlineData("This KEP proposes adding a new field to Pods.", "This enhancement adds a new field to Pods.")]
    [InlineData("This KEP proposes to add a new output format for kubectl.", "This enhancement adds a new output format for kubectl.")]
    [InlineData("In this KEP, we propose a new CPU Manager option.", "This enhancement brings a new CPU Manager option.")]
    [InlineData("We propose removing support for the gitRepo volume driver.", "This enhancement removes support for the gitRepo volume driver.")]
    [InlineData("This proposal aims at allowing Pods to resize.", "This enhancement allows Pods to resize.")]
    [InlineData("We will introduce a flag. We will also introduce a second one.", "This enhancement introduces a flag. It also introduces a second one.")]
    [InlineData("Sidecars start first[^1]. This document is intended to propose a process.", "Sidecars start first.")]
    [InlineData("The [admission plugin] copies labels. Below we will discuss that limitation and propose solutions.", "The admission plugin copies labels.")]
    [InlineData("This KEP originally defined an extension of the DRA KEP.", null)]
    public void Summaries_speak_to_users_not_approvers(string summary, string? expected)
    {
        var rewritten = ProposalSpeak.Rewrite(summary);
        Assert.Equal(expected, rewritten);
        if (rewritten is not null)
        {
            Assert.False(ProposalSpeak.Speaks(rewritten), rewritten);
        }
    }

    [Fact]
    public void What_it_does_skips_the_background()
    {
        Assert.Equal("This enhancement lets Pods share devices.",
            ProposalSpeak.WhatItDoes("Currently every Pod needs its own device. This enhancement lets Pods share devices. It is opt-in."));
        Assert.Equal("Sidecars start before the app.", ProposalSpeak.WhatItDoes("Sidecars start before the app. Kubelet makes a best effort to keep them running."));
    }
}
