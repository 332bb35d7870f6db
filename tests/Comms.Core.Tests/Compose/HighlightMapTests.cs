using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Edit;
using Comms.Core.Model;

namespace Comms.Core.Tests.Compose;

public sealed class HighlightMapTests
{
    private static ReleaseNote Graduation(int pr) => new()
    {
        PrNumber = pr,
        Text = "Promoted the `Widget` feature gate to GA.",
        Kinds = ["feature"],
        Comms = new NoteComms { Stability = new StabilityInfo("stable", "text") },
    };

    private static IReadOnlyList<ReleaseNote> Mapped(string yaml, params ReleaseNote[] notes)
    {
        var diagnostics = new DiagnosticBag();
        var maps = MapReader.Read(yaml, "pr-map.yaml", diagnostics);
        var applied = new MapApplier(CommsConfig.Kubernetes, diagnostics).Apply(notes, maps);
        Assert.Empty(diagnostics.Items);
        return applied;
    }

    [Fact]
    public void Highlight_false_in_a_map_keeps_a_note_out_of_the_automatic_pick()
    {
        var notes = Mapped("pr: 1\nhighlight: false\n", Graduation(1), Graduation(2));
        var picked = HighlightPicker.Pick(notes);
        Assert.Equal([2], picked.Select(h => h.Note!.PrNumber));
    }

    [Fact]
    public void Highlight_true_in_a_map_makes_a_manual_highlight_that_wins_over_scoring()
    {
        var notes = Mapped("pr: 1\nhighlight: true\n", Graduation(1), Graduation(2));
        var model = new ReleaseComposer(CommsConfig.Kubernetes, new DiagnosticBag()).Compose(new ReleaseFile { Version = "v1.0.0" }, notes);
        var highlight = Assert.Single(model.Highlights);
        Assert.Equal(1, highlight.Note!.PrNumber);
        Assert.True(highlight.Manual);
    }
}
