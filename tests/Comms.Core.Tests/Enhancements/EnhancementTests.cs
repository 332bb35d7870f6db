using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.Core.Json;
using Comms.Core.Model;
using Comms.TestKit;

namespace Comms.Core.Tests.Enhancements;

public sealed class EnhancementTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Kep(string sig, string folder, string yaml, string? readme = null)
    {
        _dir.File($"keps/{sig}/{folder}/kep.yaml", yaml);
        if (readme is not null)
        {
            _dir.File($"keps/{sig}/{folder}/README.md", readme);
        }
    }

    [Fact]
    public void A_kep_is_in_the_release_at_the_stage_whose_milestone_is_the_release()
    {
        Kep("sig-node", "1287-in-place-update", """
            title: In-place Update of Pod Resources
            kep-number: 1287
            owning-sig: sig-node
            participating-sigs:
              - sig-autoscaling
            creation-date: 2018-11-06
            milestone:
              alpha: "v1.27"
              beta: "v1.33"
              stable: "v1.34"
            feature-gates:
              - name: InPlacePodVerticalScaling
                components: [kubelet]
            """, "# KEP\n\n## Summary\n\n<!-- guidance -->\nThis proposal allows Pod resources to be\nupdated [in place](https://x).\n\nSecond paragraph.\n\n## Motivation\n\nNot this.\n");
        Kep("sig-apps", "2000-later", "title: Later\nkep-number: 2000\nowning-sig: sig-apps\nmilestone:\n  alpha: v1.35\n");
        Kep("sig-auth", "4940-psa-block-host-field", "title: KEP Template\nkep-number: 4940\nowning-sig: sig-auth\nmilestone:\n  stable: v1.34\n");
        Kep("sig-cluster-lifecycle/kubeadm", "4656-kubelet-instance", "title: Instance config\nkep-number: 4656\nowning-sig: sig-cluster-lifecycle\nmilestone:\n  beta: v1.34\n");
        Kep("sig-x", "9-broken", "title: [unclosed\n");
        var d = new DiagnosticBag();
        var found = KepReader.Read(_dir.Path, "v1.34.2", d);
        Assert.Equal(["1287", "4656", "4940"], found.Select(e => e.Id));
        var kep = found[0];
        Assert.Equal(("stable", "beta", "node"), (kep.Stage, kep.PreviousStage, kep.OwningSig));
        Assert.Equal(["autoscaling"], kep.ParticipatingSigs);
        Assert.Equal(["InPlacePodVerticalScaling"], kep.FeatureGates);
        Assert.Equal("This enhancement allows Pod resources to be updated in place.\n\nSecond paragraph.", kep.Summary);
        Assert.Equal("https://github.com/kubernetes/enhancements/issues/1287", kep.TrackingUrl);
        Assert.Equal("https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/1287-in-place-update", kep.ProposalUrl);
        Assert.Equal("Psa block host field", found[2].Title);
        var warning = Assert.Single(d.Items);
        Assert.Equal((Severity.Warning, EnhancementCodes.KepUnreadable), (warning.Severity, warning.Code));
        Assert.EndsWith("kep.yaml", warning.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_stops_before_a_list_it_introduces()
    {
        Assert.Equal("Reads may come from the cache.",
            KepSummary.FromReadme("## Summary\n\nReads may come from the cache. They are consistent so long as:\n- a quorum read\n- is made\n"));
    }

    [Fact]
    public void Enhancements_yaml_adds_drops_and_corrects()
    {
        var found = new[]
        {
            new Enhancement { Id = "1", Title = "One", Stage = "beta", Source = "kep", OwningSig = "node" },
            new Enhancement { Id = "2", Title = "Two", Stage = "alpha", Source = "kep" },
        };
        var d = new DiagnosticBag();
        var edits = EnhancementFileReader.Read("""
            enhancements:
              - id: "1"
                stage: stable
                blurb: Our own words.
                prs: [10, 11]
              - id: "2"
                drop: true
              - id: "3"
                title: Three
                stage: alpha
                sig: sig-apps
            """, "enhancements.yaml", d)!;
        var result = EnhancementFileReader.Apply(found, edits, "enhancements.yaml", d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(["1:stable:One:node", "3:alpha:Three:apps"], result.Select(e => $"{e.Id}:{e.Stage}:{e.Title}:{e.OwningSig}"));
        Assert.Equal("Our own words.", result[0].Description);
        Assert.Equal([10, 11], result[0].Prs);
        Assert.Equal("enhancements.yaml", result[0].Source);
    }

    [Theory]
    [InlineData("enhancements:\n  - id: \"1\"\n    stgae: beta\n", "CM3002", 3, 5, "stage")]
    [InlineData("enhancements:\n  - id: \"1\"\n    stage: gamma\n", "CM7304", 3, 12, "one of stable")]
    [InlineData("enhancements:\n  - title: No id\n", "CM7304", 2, 5, "needs \"id\"")]
    [InlineData("enhancements:\n  - id: \"1\"\n  - id: \"1\"\n", "CM7304", 3, 5, "twice")]
    [InlineData("enhancements: 3\n", "CM7304", 1, 15, "must be a list")]
    public void Enhancements_yaml_errors_are_located(string yaml, string code, int line, int column, string words)
    {
        var d = new DiagnosticBag();
        Assert.Null(EnhancementFileReader.Read(yaml, "enhancements.yaml", d));
        var error = d.Items.First(i => i.Severity == Severity.Error);
        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_enhancement_needs_a_title_and_a_stage()
    {
        var d = new DiagnosticBag();
        var edits = EnhancementFileReader.Read("enhancements:\n  - id: \"9\"\n    stage: beta\n", "e.yaml", d)!;
        Assert.Empty(EnhancementFileReader.Apply([], edits, "e.yaml", d));
        Assert.Equal((EnhancementCodes.FileInvalid, 2, 5), (d.Items[0].Code, d.Items[0].Line, d.Items[0].Column));
    }

    private static ReleaseNote Note(int pr, string text, string? docUrl = null, string kind = "feature") => new()
    {
        PrNumber = pr,
        Text = text,
        Kinds = [kind],
        PrUrl = $"https://example.org/pull/{pr}",
        Documentation = docUrl is null ? [] : [new Documentation("[KEP]", docUrl, "KEP")],
    };

    [Fact]
    public void Notes_link_by_proposal_link_listed_pr_and_feature_gate()
    {
        Enhancement[] enhancements =
        [
            new() { Id = "1287", Title = "Resize", Stage = "stable", Source = "kep", FeatureGates = ["InPlacePodVerticalScaling"] },
            new() { Id = "4381", Title = "DRA", Stage = "stable", Source = "kep", FeatureGates = ["DynamicResourceAllocation", "Shared"] },
            new() { Id = "5000", Title = "Also shared", Stage = "alpha", Source = "kep", FeatureGates = ["Shared"], Prs = [7] },
        ];
        ReleaseNote[] notes =
        [
            Note(1, "Graduated resize.", "https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/1287-in-place-update-pod-resources"),
            Note(2, "DRA is GA.", "https://github.com/kubernetes/enhancements/issues/4381"),
            Note(3, "Promoted `InPlacePodVerticalScaling` to GA."),
            Note(4, "The DynamicResourceAllocation gate is on by default."),
            Note(5, "Uses the `Shared` gate, which two enhancements list."),
            Note(6, "Points at a KEP not in the release.", "https://github.com/kubernetes/enhancements/issues/999"),
            Note(7, "Nothing to see, but listed.", "https://github.com/kubernetes/enhancements/issues/4381"),
            Note(8, "Fixed a bug.", kind: "bug"),
        ];
        var links = EnhancementLinker.Link(notes, enhancements);
        Assert.Equal(["1:1287:links the proposal", "2:4381:links the proposal", "3:1287:names the feature gate InPlacePodVerticalScaling",
            "4:4381:names the feature gate DynamicResourceAllocation", "7:5000:listed in enhancements.yaml"],
            links.Select(l => $"{l.Pr}:{l.Enhancement}:{l.How}"));
    }

    private static Enhancement E(string id, string stage, params string[] sigs) =>
        new() { Id = id, Title = "T" + id, Stage = stage, Source = "kep", OwningSig = sigs.FirstOrDefault(), ParticipatingSigs = sigs.Skip(1).ToArray(), Summary = "Does things." };

    [Fact]
    public void The_spotlight_mixes_stages_and_gives_its_reasons()
    {
        Enhancement[] enhancements =
        [
            E("1", "stable", "a", "b", "c", "d"), E("2", "stable", "a", "b", "c"), E("3", "stable", "a", "b"), E("4", "stable", "a", "b"),
            E("5", "stable", "a", "b"), E("6", "stable", "a"), E("7", "beta", "a"), E("8", "alpha", "a"), E("9", "deprecated", "a", "b", "c", "d"),
        ];
        var notes = enhancements.ToDictionary(e => e.Id, e => (IReadOnlyList<ReleaseNote>)[]);
        var picked = SpotlightPicker.Pick(enhancements, notes);
        Assert.Equal(5, picked.Count);
        Assert.Contains(picked, h => h.Enhancement!.Stage == "beta");
        Assert.Contains(picked, h => h.Enhancement!.Stage == "alpha");
        Assert.DoesNotContain(picked, h => h.Enhancement!.Stage == "deprecated");
        Assert.Equal("1", picked[0].Enhancement!.Id);
        Assert.All(picked, h => Assert.Contains("score", h.Reason, StringComparison.Ordinal));
        Assert.All(picked, h => Assert.Equal(h.Enhancement!.Title, h.Title));
    }

    [Fact]
    public void Counts_come_from_the_enhancements_and_release_json_says_what_they_count()
    {
        var notes = new[]
        {
            Note(1, "Promoted the `Resize` feature gate to beta.", "https://github.com/kubernetes/enhancements/issues/1") with
            {
                Comms = new NoteComms { Stability = new StabilityInfo("beta", "text: \"to beta\"") },
            },
            Note(2, "Fixed a bug.", kind: "bug"),
        };
        var d = new DiagnosticBag();
        var release = new ReleaseFile { Version = "v1.34.0" };
        var model = new ReleaseComposer(CommsConfig.Kubernetes, d).Compose(release, notes, ["ann", "bob", "ann", "dependabot[bot]"],
            [E("1", "stable", "node"), E("2", "beta", "node"), E("3", "alpha", "apps"), E("4", "removed", "apps")]);
        // Only enhancement 1 has a note, and it says beta (evidenced at the note's stage, not the milestone's);
        // nothing confirms the others, so they are planned only.
        Assert.Equal(new EnhancementCounts(0, 2, 1, 0, 1) { Evidenced = 1, Planned = 3 }, model.Stats.Enhancements);
        Assert.Contains(d.Items, i => i.Code == EnhancementCodes.Unconfirmed && i.Message.StartsWith("3 of the 4 enhancements", StringComparison.Ordinal));
        Assert.Equal(["ann", "bob"], model.Stats.Contributors);
        Assert.True(model.Stats.ContributorsFromPullRequests);
        Assert.Null(model.Stats.FirstTimeContributors);
        Assert.Equal("1", model.Notes.Single(n => n.PrNumber == 1).Comms.Enhancement!.Id);
        var disagree = Assert.Single(d.Items, i => i.Code == EnhancementCodes.StageDisagrees);
        Assert.Contains("PR #1 reads as beta", disagree.Message, StringComparison.Ordinal);

        using var json = System.Text.Json.JsonDocument.Parse(ReleaseJsonWriter.Write(model));
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("enhancements").GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("enhancements").GetProperty("removed").GetInt32());
        Assert.Equal(2, counts.GetProperty("changes").GetInt32());
        Assert.Equal(2, counts.GetProperty("contributors").GetInt32());
        Assert.Equal("merged pull requests", counts.GetProperty("contributors_counted_from").GetString());
        var first = json.RootElement.GetProperty("enhancements")[0];
        Assert.Equal(("1", "beta"), (first.GetProperty("id").GetString(), first.GetProperty("stage").GetString()));
        Assert.StartsWith("PR #1 (graduation)", first.GetProperty("stage_evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, first.GetProperty("notes")[0].GetInt32());
        Assert.Equal("evidenced", first.GetProperty("confirmation").GetString());
        Assert.Equal("planned", json.RootElement.GetProperty("enhancements")[1].GetProperty("confirmation").GetString());
        Assert.Equal((0, 1, 3), (counts.GetProperty("enhancements").GetProperty("confirmed").GetInt32(),
            counts.GetProperty("enhancements").GetProperty("evidenced").GetInt32(), counts.GetProperty("enhancements").GetProperty("planned").GetInt32()));
        // Only what is stated is spotlighted.
        Assert.Equal(1, json.RootElement.GetProperty("highlights").GetArrayLength());
    }

    [Fact]
    public void Without_enhancement_data_nothing_is_called_an_enhancement()
    {
        var model = new ReleaseComposer(CommsConfig.Kubernetes, new DiagnosticBag()).Compose(new ReleaseFile { Version = "v1.0.0" },
            [Note(1, "Promoted the `X` feature gate to GA.")]);
        Assert.Null(model.Stats.Enhancements);
        Assert.False(model.HasEnhancementData);
        using var json = System.Text.Json.JsonDocument.Parse(ReleaseJsonWriter.Write(model));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("counts").GetProperty("enhancements").ValueKind);
        Assert.Equal("release notes", json.RootElement.GetProperty("counts").GetProperty("contributors_counted_from").GetString());
    }

    [Fact]
    public void A_kep_highlight_outside_the_release_is_a_located_error()
    {
        var d = new DiagnosticBag();
        var release = new ReleaseFile { Version = "v1.34.0", File = "release.yaml", Highlights = [new HighlightEntry(null, null, 4, 5) { Enhancement = "77" }] };
        new ReleaseComposer(CommsConfig.Kubernetes, d).Compose(release, [Note(1, "x")], null, [E("1", "beta", "node")]);
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal((EnhancementCodes.SpotlightUnknown, "release.yaml", 4, 5), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void First_time_contributors_come_only_from_a_given_list()
    {
        var release = new ReleaseFile { Version = "v1.0.0", PreviousContributors = ["ann"] };
        var model = new ReleaseComposer(CommsConfig.Kubernetes, new DiagnosticBag()).Compose(release, [Note(1, "x")], ["ann", "bob"]);
        Assert.Equal(["bob"], model.Stats.FirstTimeContributors);
    }
}
