using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>A theme is bounded in time as in loops and output, and only regular files are read as templates.</summary>
public sealed class ThemeBudgetTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Nested_loops_that_would_run_for_hours_stop_at_the_time_budget_with_a_located_error()
    {
        // Under the loop limit, each step slow (a string of millions of characters made and dropped): hours in all.
        _dir.File("theme/t.sbn", "start\n{{ for a in 1..900000 }}{{ s = \"x\" | string.pad_left 4000000 }}{{ end }}");
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), TemplateOutput.Markdown) { RenderBudget = TimeSpan.FromSeconds(2) };
        var d = new DiagnosticBag();

        var text = engine.Render("t.sbn", new Dictionary<string, object?>(), d);

        Assert.Null(text);
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal("CM7204", error.Code);
        Assert.True(error.Message.Contains("time budget", StringComparison.Ordinal), error.ToString());
        Assert.EndsWith("t.sbn", error.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("t.sbn")]
    [InlineData("_part.sbn")]
    public async Task A_fifo_as_a_template_or_partial_is_refused_at_once(string fifoName)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _dir.File("theme/t.sbn", "{{ include \"part\" }}");
        var fifo = Path.Combine(_dir.Path, "theme", fifoName);
        File.Delete(fifo);
        CommsProcess.Exec("mkfifo", _dir.Path, null, fifo);
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), TemplateOutput.Markdown);
        var d = new DiagnosticBag();

        var text = await Task.Run(() => engine.Render("t.sbn", new Dictionary<string, object?>(), d)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(text);
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }
}
