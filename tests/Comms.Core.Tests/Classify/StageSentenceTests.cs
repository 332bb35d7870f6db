using Comms.Core.Classify;
using Comms.Core.Model;

namespace Comms.Core.Tests.Classify;

/// <summary>
/// Real note sentences of Kubernetes releases (the 1.34 draft and relnotes.k8s.io), each with the stage a
/// reader would file it under, or none. The cases that were once misfiled are marked.
/// </summary>
public sealed class StageSentenceTests
{
    // sentence | kind | expected stage ("" for none)
    public static TheoryData<string, string, string> Sentences() => new()
    {
        // The first five are the misfiled cases as reported from later releases (not in the corpus snapshot); the rest
        // are quoted from the corpus. Misfiled before: a removed feature gate is a removal, not a graduation to stable.
        { "kubeadm: Removed the `ControlPlaneKubeletLocalMode` feature gate. It was GA and locked to enabled.", "cleanup", "removed" },
        // Misfiled before: the stage in parentheses is the stage.
        { "Added the `ExtendWebSocketsToKubelet` feature gate (beta, default true) to proxy streaming to the kubelet.", "feature", "beta" },
        // Misfiled before: a deferred removal removes nothing.
        { "Deferred the removal of deprecated kubelet configuration flags to a later release.", "cleanup", "" },
        // Misfiled before: no longer deprecated is not a deprecation.
        { "The `--enable-logs-handler` flag of kube-apiserver is no longer marked deprecated.", "cleanup", "" },
        // Misfiled before: metric promotions are not feature graduations.
        { "Promoted workqueue metrics from ALPHA to BETA.", "feature", "" },
        { "Promoted the `apiserver_authorization_config_controller_automatic_reloads_total` and `apiserver_authorization_config_controller_automatic_reload_last_timestamp_seconds` metrics to BETA.", "feature", "" },
        { "Promoted Linux node pressure stall information (PSI) metrics to beta.", "feature", "" },
        { "Added alpha metrics for compatibility versioning", "feature", "" },
        { "Added a warning when alpha metrics are used with emulated versions.", "feature", "" },
        // Graduations to stable.
        { "Promoted the `SeparateTaintEvictionController` feature gate to GA; it is now enabled unconditionally.", "feature", "stable" },
        { "Promoted the feature `OrderedNamespaceDeletion` to GA.", "feature", "stable" },
        { "Promoted feature-gate `VolumeAttributesClass` to GA", "feature", "stable" },
        { "Graduated configurable endpoints for anonymous authentication using the authentication configuration file to stable.", "feature", "stable" },
        { "kube-apiserver: Promoted the `StructuredAuthenticationConfiguration` feature gate to GA.", "feature", "stable" },
        { "Graduated scheduler `QueueingHint` support to GA (general availability)", "feature", "stable" },
        { "Graduated `ResilientWatchCacheInitialization` to GA.", "feature", "stable" },
        { "Graduated relaxed DNS search string validation to GA. For the Pod API, `.spec.dnsConfig.searches` now allowed an underscore.", "feature", "stable" },
        { "Promoted the `RelaxedEnvironmentVariableValidation` feature gate to GA and locked it in the enabled state by default.", "feature", "stable" },
        { "Graduated the `WinDSR` feature in the kube-proxy to GA. The `WinDSR` feature gate was enabled by default.", "feature", "stable" },
        { "Promoted Job Pod Replacement Policy to general availability. The `JobPodReplacementPolicy` feature gate was locked to `true` and will be removed in a future Kubernetes release.", "feature", "stable" },
        { "Promoted the `KubeletTracing` feature gate to GA.", "feature", "stable" },
        { "kubeadm: graduated the kubeadm specific feature gate `WaitForAllControlPlaneComponents` to GA.", "feature", "stable" },
        { "`PodLifecycleSleepAction` was graduated to GA.", "feature", "stable" },
        { "Graduated the `ConsistentListFromCache` to GA.", "feature", "stable" },
        { "Moved Recover from volume expansion failure to GA.", "feature", "stable" },
        { "Dynamic Resource Allocation: Graduated core functionality to general availability (GA). This newly stable feature uses the _structured parameters_ flavor of DRA.", "feature", "stable" },
        { "Bumped `KubeletCgroupDriverFromCRI` to GA and add metric to track out-of-support CRI implementations.", "feature", "stable" },
        { "kube-apiserver: The AuthenticationConfiguration type accepted in `--authentication-config` files has been promoted to `apiserver.config.k8s.io/v1`.", "api-change", "stable" },
        // New in beta.
        { "kube-apiserver: Promoted the `ExternalServiceAccountTokenSigner` feature to beta, which enabled external signing of service account tokens.", "feature", "beta" },
        { "kubectl: Graduated kuberc support to beta. A `kuberc` configuration file provided a mechanism for customizing `kubectl` behavior.", "feature", "beta" },
        { "kubeadm: Graduated the `NodeLocalCRISocket` feature gate to beta and enabed it by default.", "feature", "beta" },
        { "Promoted `MutableCSINodeAllocatableCount` to beta.", "feature", "beta" },
        { "Graduated the `WatchList` feature gate to beta for kube-apiserver and enabled `WatchListClient` for KCM.", "feature", "beta" },
        { "Graduated `ListFromCacheSnapshot` to beta.", "feature", "beta" },
        { "Promoted the `KubeletPodResourcesDynamicResources` and `KubeletPodResourcesGet` feature gates to beta, which were enabled by default if DRA went to GA.", "feature", "beta" },
        { "Promoted Windows graceful shutdown feature from alpha to beta.", "feature", "beta" },
        { "The `KubeletServiceAccountTokenForCredentialProviders` feature was beta and enabled by default.", "feature", "beta" },
        { "Graduated `PodLevelResources` feature to beta and have it on by default.", "feature", "beta" },
        // New in alpha.
        { "Added a mechanism for configurable container restarts: _container-level restart rules_. This was an alpha feature behind the `ContainerRestartRules` feature gate.", "feature", "alpha" },
        { "Introduced the `admissionregistration.k8s.io/v1beta1/MutatingAdmissionPolicy` API type. To enable, enable the `MutatingAdmissionPolicy` feature gate (which was off by default).", "api-change", "beta" },
        { "kubeadm: Promoted the feature gate `ControlPlaneKubeletLocalMode` to Beta. By default, Kubeadm will use the local kube-apiserver endpoint for the kubelet.", "feature", "beta" },
        { "kube-apiserver: the `--enable-logs-handler` flag and log-serving functionality is deprecated, and scheduled to be removed in v1.19.", "deprecation", "deprecated" },
        { "DRA: Starting with Kubernetes 1.34, the alpha-level `resource.k8s.io/admin-access` label has been updated to `resource.kubernetes.io/admin-access`. Admins using the alpha feature and updating from 1.33 can set both labels.", "api-change", "" },
        { "Demoted KEP-5278 feature gates `ClearingNominatedNodeNameAfterBinding` and `NominatedNodeNameForExpectation` to alpha from beta.", "feature", "" },
        // Removals.
        { "Removed the deprecated `--register-schedulable` command line argument from the kubelet.", "cleanup", "removed" },
        { "Removed deprecated gogo protocol definitions from `k8s.io/cri-api` in favor of `google.golang.org/protobuf`.", "cleanup", "removed" },
        { "Removed generally available feature-gate `PodDisruptionConditions`.", "cleanup", "removed" },
        { "kubelet:  removed the deprecated flag `--cloud-config` from the command line.", "cleanup", "removed" },
        { "The deprecated `LegacySidecarContainers` feature gate was completely removed.", "cleanup", "removed" },
        { "kube-proxy: Removed the iptables CLI wait interval flag.", "cleanup", "removed" },
        { "Removed support for API streaming from the metadata client’s `List() method`.", "cleanup", "removed" },
        { "kube-scheduler: Removed the deprecated scheduler_scheduler_cache_size metric in favor of scheduler_cache_size.", "cleanup", "removed" },
        // Deprecations.
        { "Deprecated the `preferences` field in kubeconfig in favor of `kuberc`.", "deprecation", "deprecated" },
        { "Deprecated `StreamingConnectionIdleTimeout` field of the kubelet config.", "cleanup", "deprecated" },
        { "apimachinery: Deprecated `MessageCountMap` and `CreateAggregateFromMessageCountMap`.", "cleanup", "deprecated" },
        { "Added support for `--cpu`, `--memory` flag to `kubectl autoscale`, started deprecating `--cpu-precent`.", "feature", "deprecated" },
        // None of them.
        { "Replaced deprecated package `k8s.io/utils/pointer` with `k8s.io/utils/ptr` for the kube-aggregator apiregistration.", "cleanup", "" },
        { "kubeadm: Fixed an issue where etcd member promotion failed with an error indicating the member was already promoted.", "bug", "" },
        { "Removed an inaccurate statement about requiring ports when the Pod spec `hostNetwork` field was set.", "documentation", "" },
        { "Stopped removing the CSI JSON file if the volume was already mounted during subsequent errors.", "bug", "" },
        { "Fixed bug that prevented the alpha feature `PodTopologyLabelAdmission` from working due to checking for the incorrect label key.", "bug", "" },
        { "Promoted two `EndpointSlice` tests to conformance to ensure that service proxy implementations rely on `EndpointSlices` instead of `Endpoints`.", "feature", "" },
        { "Promoted the `agnhost` image to v2.56 for Kubernetes e2e testing.", "cleanup", "" },
        { "Removed defunct `make vet` target, please use `make lint` instead.", "cleanup", "" },
        { "kubeadm: Exposed only the non-deprecated klog flags (-v and -vmodule), in line with KEP https://features.k8s.io/2845.", "cleanup", "" },
        { "kube-log-runner: Added the `-log-file-size` parameter to rotate log output into a new file once it reached a certain size. Introduced `-log-file-age` to enable automatic removal of old output files.", "feature", "" },
        { "Reduced the 5s delay before tainting `node.kubernetes.io/unreachable:NoExecute` when a Node became unreachable.", "bug", "" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_sentence_is_filed_under_its_stage(string sentence, string kind, string stage)
    {
        var found = StabilityDetector.Detect(new ReleaseNote { PrNumber = 1, Text = sentence, Kinds = [kind] });
        Assert.True(stage == (found?.Level ?? string.Empty), $"expected \"{stage}\", found \"{found?.Level}\" ({found?.Source})");
    }

    [Fact]
    public void The_table_holds_at_least_forty_real_sentences_of_every_stage()
    {
        var stages = Sentences().Select(row => (string)row[2]).ToArray();
        Assert.True(stages.Length >= 40, $"{stages.Length} sentences");
        foreach (var stage in new[] { "stable", "beta", "alpha", "deprecated", "removed", "" })
        {
            Assert.Contains(stage, stages);
        }
    }
}
