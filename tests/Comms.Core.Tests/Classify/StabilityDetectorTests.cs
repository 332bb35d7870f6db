using Comms.Core.Classify;
using Comms.Core.Model;

namespace Comms.Core.Tests.Classify;

public sealed class StabilityDetectorTests
{
    // text | kinds | expected level ("" for none) | expected feature gate ("" for none)
    public static TheoryData<string, string, string, string> Table() => new()
    {
        { "Promoted the `InPlaceWorkloadResize` feature gate to beta; it is now enabled by default.", "feature", "beta", "InPlaceWorkloadResize" },
        { "Graduated `VMLiveMigration` to GA.", "feature", "stable", "" },
        { "Promoted the feature `OrderedNamespaceDeletion` to GA.", "feature", "stable", "" },
        { "Dynamic Resource Allocation: Graduated core functionality to general availability (GA).", "api-change", "stable", "" },
        { "The `AuthorizeWithSelectors` feature gates graduated to stable and locked on.", "feature", "stable", "AuthorizeWithSelectors" },
        { "Added the alpha `ContainerRestartRules` feature gate.", "feature", "alpha", "ContainerRestartRules" },
        { "Introduced a new alpha API for device taints.", "api-change", "alpha", "" },
        { "Removed the deprecated `--register-schedulable` flag from the agent.", "cleanup", "removed", "" },
        { "The `LegacySidecarContainers` feature gate has been removed from the codebase.", "cleanup", "removed", "LegacySidecarContainers" },
        { "Deprecated the `--generator` flag of `tidectl run`.", "cleanup", "deprecated", "" },
        { "Anything at all with the deprecation label.", "deprecation", "deprecated", "" },
        { "The v1beta1 API is now deprecated and will stop being served in v2.6.", "api-change", "deprecated", "" },
        { "Fixed a bug where the deprecated annotation `volume.beta.io/class` was ignored.", "bug", "", "" },
        { "Fixed a leak when the last Service in a cluster was removed.", "bug", "", "" },
        { "Updated etcd to v3.6.1.", "dependency", "", "" },
        { "Fixed a crash in the v1beta1 conversion of PodSpec.", "bug", "", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Detects_stability_from_kind_and_phrasing(string text, string kind, string level, string feature)
    {
        var note = new ReleaseNote { PrNumber = 1, Text = text, Kinds = [kind] };
        var found = StabilityDetector.Detect(note);
        Assert.Equal(level, found?.Level ?? string.Empty);
        Assert.Equal(feature, found?.Feature ?? string.Empty);
        if (found is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(found.Source));
        }
    }

    [Fact]
    public void A_level_set_by_a_map_wins()
    {
        var note = new ReleaseNote
        {
            PrNumber = 1,
            Text = "Promoted the `X` feature gate to beta.",
            Comms = new NoteComms { Stability = new StabilityInfo("stable", "map pr-1-map.yaml") },
        };
        Assert.Equal("stable", StabilityDetector.Detect(note)!.Level);
    }
}
