using Comms.Core.Compose;
using Comms.Core.Enhancements;
using Comms.Core.Model;
using Comms.TestKit;

namespace Comms.Core.Tests.Story;

/// <summary>
/// The story's rules on real note sentences (from Kubernetes release notes): what proves a stage, what only touches
/// a gate, what goes away and what does not.
/// </summary>
public sealed class StoryRuleTests
{
    private static ReleaseNote Note(string text, params string[] kinds) => new()
    {
        PrNumber = 1,
        Text = text,
        Kinds = kinds,
    };

    [Theory]
    [InlineData("Promoted the feature `OrderedNamespaceDeletion` to GA.", "stable", "graduation")]
    [InlineData("Graduated configurable endpoints for anonymous authentication using the authentication configuration file to stable.", "stable", "graduation")]
    [InlineData("Bumped `KubeletCgroupDriverFromCRI` to GA and add metric to track out-of-support CRI implementations.", "stable", "graduation")]
    [InlineData("`MultiCIDRServiceAllocator` was locked and enabled by default, `DisableAllocatorDualWrite` was enabled by default.", "stable", "gate locked")]
    [InlineData("Graduated `PodLevelResources` feature to beta and have it on by default.", "beta", "graduation")]
    [InlineData("The `KubeletServiceAccountTokenForCredentialProviders` feature was beta and enabled by default.", "beta", "graduation")]
    [InlineData("kubectl: Graduated kuberc support to beta.", "beta", "graduation")]
    [InlineData("Added a mechanism for configurable container restarts: _container-level restart rules_. This was an alpha feature behind the `ContainerRestartRules` feature gate.", "alpha", "introduction")]
    [InlineData("Added a new `FileKeyRef` field to containers, allowing them to load variables from files by setting this field. Introduced the `EnvFiles` feature gate to govern activation of this functionality.", "alpha", "introduction")]
    [InlineData("Enabled kube-apiserver support for `PodCertificateRequest` and `PodCertificate` projected volumes (behind the `PodCertificateRequest` feature gate).", "alpha", "introduction")]
    public void A_note_that_says_a_stage_proves_it(string text, string stage, string what)
    {
        var claim = StageEvidence.Claim(Note(text, "feature"));
        Assert.NotNull(claim);
        Assert.Equal(stage, claim.Stage);
        Assert.Equal(what, claim.What);
    }

    [Theory]
    [InlineData("kubelet: Fixed a bug that caused an unexpected `NodeResizeError` condition to appear in the PVC status when the CSI driver did not support node volume expansion.")]
    [InlineData("Changed underlying logic for `Eviction Manager` helper functions.")]
    [InlineData("Added a `container_swap_limit_bytes` metric to expose the swap limit assigned to containers under the `LimitedSwap` swap behavior.")]
    [InlineData("DRA: Ensured that ResourceClaims requesting a fixed number of devices with `adminAccess` were no longer allocated the same device multiple times.")]
    [InlineData("Fixed the problem of validation error when specifying resource requirements at the container level for a resource not supported at the pod level.")]
    [InlineData("Prevented any type of CPU/Memory alignment or hint generation with the Topology Manager when pod-level resources were used in the Pod spec.")]
    public void A_note_that_only_touches_a_gate_proves_no_stage(string text) =>
        Assert.Null(StageEvidence.Claim(Note(text, "bug")));

    [Theory]
    [InlineData("kubelet: removed the deprecated flag `--cloud-config` from the command line.", "removed")]
    [InlineData("Removed the deprecated `--register-schedulable` command line argument from the kubelet.", "removed")]
    [InlineData("The deprecated `LegacySidecarContainers` feature gate was completely removed.", "removed")]
    [InlineData("Deprecated the `preferences` field in kubeconfig in favor of `kuberc`.", "deprecated")]
    [InlineData("Deprecated the `tidewater.io/ingress-class` annotation in favour of the `spec.ingressClassName` field of Ingress; `tide-apiserver` now returns a warning when an Ingress is created with the annotation.", "deprecated")]
    [InlineData("Added support for `--cpu`, `--memory` flag to `kubectl autoscale`, started deprecating `--cpu-precent`.", "deprecated")]
    [InlineData("DRA kubelet: gRPC API graduated to v1, v1beta1 was deprecated starting in 1.34.", "deprecated")]
    public void A_note_that_takes_something_away_is_a_deprecation_or_removal(string text, string level) =>
        Assert.Equal(level, GoingAwayComposer.Classify(Note(text, "deprecation")));

    [Theory]
    [InlineData("Added context-aware APIs to client-go.")]
    [InlineData("Removed the KubeletMinVersion label from the DRA e2e test.")]
    [InlineData("`AppArmor` profiles specified in the Pod or container `SecurityContext` were no longer copied to deprecated `AppArmor` annotations.")]
    [InlineData("Replaced the deprecated `wait.Poll` calls in the scheduler.")]
    [InlineData("The `--foo` flag is no longer deprecated.")]
    [InlineData("Fixed the Azure provider deleting the shared load balancer's outbound rule when the last Service of type `LoadBalancer` in a cluster was removed.")]
    public void A_note_labelled_deprecation_that_takes_nothing_away_is_neither(string text) =>
        Assert.Null(GoingAwayComposer.Classify(Note(text, "deprecation")));

    [Theory]
    [InlineData("kubelet:  removed the deprecated flag `--cloud-config` from the command line.", "kubelet: removed the deprecated flag `--cloud-config` from the command line")]
    [InlineData("kube-proxy: Removed the iptables CLI wait interval flag.", "kube-proxy: Removed the iptables CLI wait interval flag")]
    [InlineData("removed the legacy scheduler policy file.", "Removed the legacy scheduler policy file")]
    [InlineData("This enhancement deprecates PreferClose and replaces it with PreferSameZone.", "Deprecates PreferClose and replaces it with PreferSameZone")]
    [InlineData("The KEP removes the in-tree plugin.", "Removes the in-tree plugin")]
    [InlineData("The enhancement of the scheduler is deprecated.", "The enhancement of the scheduler is deprecated")]
    [InlineData("Removed the legacy flags, the old fields, etc.", "Removed the legacy flags, the old fields, etc.")]
    [InlineData("`--foo` is deprecated...", "`--foo` is deprecated...")]
    [InlineData("Graceful Node Shutdown on Windows", "Graceful Node Shutdown on Windows")]
    public void A_going_away_headline_reads_as_a_heading(string title, string headline) =>
        Assert.Equal(headline, GoingAwayComposer.Headline(title));

    [Theory]
    [InlineData("kubelet:  removed the `--foo` flag. Use `--bar` instead.", "kubelet: removed the `--foo` flag")]
    [InlineData("- Graduated [the thing](https://example.org/x) to GA. More words.", "Graduated the thing to GA")]
    [InlineData("Added a field\n\nwith a second paragraph.", "Added a field")]
    public void A_notes_headline_is_its_first_sentence_in_plain_words(string text, string title) =>
        Assert.Equal(title, HighlightTitle.Of(text));

    [Theory]
    [InlineData("v1.34", "v1.34")]
    [InlineData("1.34", "v1.34")]
    [InlineData("\"1.34\"", "v1.34")]
    [InlineData("v1.34.0", "v1.34")]
    [InlineData("V1.34", "v1.34")]
    [InlineData("", null)]
    [InlineData("TBD", null)]
    public void Milestones_are_read_in_any_spelling(string raw, string? expected) =>
        Assert.Equal(expected, KepReader.NormalizeMilestone(raw));

    [Fact]
    public void A_proposal_says_what_goes_away_and_when()
    {
        const string readme = "## Summary\n\nThis enhancement adds the ability for the runtime to tell the kubelet which cgroup driver to use.\n\n" +
                              "## Design\n\nThe configurations flags (and the related fallback behavior) will be removed in\nKubernetes 1.38. This aligns well with containerd v1.7 going out of support.\n\n" +
                              "###### Is the rollout accompanied by any deprecations and/or removals of features, APIs, fields of API types, flags, etc.?\n\n" +
                              "Yes, the CgroupDriver field of the Kubelet configuration (and the corresponding `--cgroup-driver` flag) will be marked as deprecated.\n\n" +
                              "###### Next question\n\nNo.\n";
        var going = KepSummary.GoingAway(readme, KepSummary.FromReadme(readme));
        Assert.NotNull(going);
        Assert.StartsWith("the CgroupDriver field", going.Value.What, StringComparison.Ordinal);
        Assert.Contains("removed in Kubernetes 1.38", going.Value.When, StringComparison.Ordinal);
        Assert.Contains("containerd", going.Value.When, StringComparison.Ordinal);

        Assert.Null(KepSummary.GoingAway("## Summary\n\nAdds a thing.\n\n###### Is the rollout accompanied by any deprecations and/or removals of features?\n\n<!-- comment -->\nNo.\n", "Adds a thing."));
    }

    [Fact]
    public void Enhancements_of_one_family_make_one_story()
    {
        Enhancement E(string id, string title) => new() { Id = id, Title = title, Stage = "beta", Source = "kep" };
        Assert.Equal("DRA", SpotlightPicker.StoryKey(E("1", "DRA Prioritized List")));
        Assert.Equal("DRA", SpotlightPicker.StoryKey(E("2", "DRA: Admin Access")));
        Assert.Null(SpotlightPicker.StoryKey(E("3", "Pod Level Resource Specifications")));
        Assert.Null(SpotlightPicker.StoryKey(E("4", "KYAML")));
        Assert.Equal("Workload scheduling", SpotlightPicker.StoryKey(E("5", "Gang scheduling") with { Story = "Workload scheduling" }));
    }

    [Fact]
    public void A_story_named_in_enhancements_yaml_is_spotlighted_as_one()
    {
        var d = new Comms.Core.Diagnostics.DiagnosticBag();
        var edits = EnhancementFileReader.Read(
            "enhancements:\n  - id: \"1\"\n    title: Gang scheduling\n    stage: beta\n    story: Workload-aware scheduling\n" +
            "  - id: \"2\"\n    title: Topology-aware placement\n    stage: alpha\n    story: Workload-aware scheduling\n" +
            "  - id: \"3\"\n    title: Pod certificates\n    stage: alpha\n", "enhancements.yaml", d);
        Assert.NotNull(edits);
        var set = EnhancementFileReader.Apply(EnhancementSet.Empty, edits, "enhancements.yaml", d);
        var model = new ReleaseComposer(Comms.Core.Config.CommsConfig.Kubernetes, d).Compose(new ReleaseFile { Version = "v1.40.0" }, [], null, set.Enhancements, set.Excluded);
        var story = Assert.Single(model.SpotlightRanking, c => c.Story is not null);
        Assert.Equal("Workload-aware scheduling", story.Story);
        Assert.Equal(["1", "2"], story.Members.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, model.SpotlightRanking.Count);
        Assert.Contains("a story of 2 enhancements", story.Reason, StringComparison.Ordinal);
    }
}
