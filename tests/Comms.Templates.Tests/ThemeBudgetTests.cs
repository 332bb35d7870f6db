using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>A theme is bounded in time and memory as in loops and output, and only regular files are read as templates.</summary>
public sealed class ThemeBudgetTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Nested_loops_that_would_run_for_hours_stop_at_the_time_budget_with_a_located_error()
    {
        // Under the loop limit and the memory budget, each step slow (a search through millions of characters, nothing
        // allocated): hours in all.
        _dir.File("theme/t.sbn", "{{ s = \"x\" | string.pad_left 4000000 }}start\n{{ for a in 1..900000 }}{{ b = s | string.contains \"y\" }}{{ end }}");
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

    private (string? Text, Diagnostic? Error, long Allocated) RenderMeasured(string template, long? memoryBudget = null, TemplateOutput output = TemplateOutput.Markdown, object? model = null)
    {
        _dir.File("theme/t.sbn", template);
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), output) { MemoryBudget = memoryBudget ?? ScribanEngine.DefaultMemoryBudget };
        var d = new DiagnosticBag();
        var before = GC.GetAllocatedBytesForCurrentThread(); // the render runs on this thread
        var text = engine.Render("t.sbn", model ?? new Dictionary<string, object?>(), d);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (text, d.Items.SingleOrDefault(i => i.Severity == Severity.Error), allocated);
    }

    private const long MiB = 1L << 20;

    [Theory]
    [InlineData("{{ s = \"x\" | string.pad_left 1000000000 }}", 1, 30)] // one 2 GB string asked for at once (located at the width)
    [InlineData("{{ s = \"\" | string.pad_left 100000 | string.replace \" \" \"x\"\nt = s | string.replace \"x\" s }}", 2, 9)] // 10^10 characters by replacement
    [InlineData("{{ s = \"x\"\nfor i in 1..40\n  s = s + s\nend }}", 3, 7)] // doubling
    [InlineData("{{ a = 1..100000 | array.join \",\"\nfor i in 1..20\n  a = a + a\nend }}", 3, 7)]
    public void A_theme_that_builds_a_huge_string_stops_at_the_string_limit_with_a_located_error(string template, int line, int column)
    {
        var (text, error, allocated) = RenderMeasured(template);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Equal("CM7204", error.Code);
        Assert.EndsWith("t.sbn", error.File, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        // Stopped before the string was made: far below what it asked for, and below the memory budget.
        Assert.True(allocated < ScribanEngine.DefaultMemoryBudget, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void A_theme_that_fills_a_list_in_a_loop_stops_at_its_memory_budget_with_a_located_error()
    {
        // 200 KB per item, a million items allowed by the loop limit: 200 GB if nothing stopped it.
        var (text, error, allocated) = RenderMeasured("{{ a = []\nfor i in 1..1000000\n  a[i] = \"x\" | string.pad_left 100000\nend }}", memoryBudget: 64 * MiB);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Equal("CM7204", error.Code);
        Assert.Contains("memory budget of 64 MiB", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("t.sbn", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.True(allocated < 64 * MiB + 8 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void A_theme_that_keeps_many_large_strings_without_a_loop_stops_at_its_memory_budget()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"a{i} = s + \"{i}\""));
        var (text, error, allocated) = RenderMeasured("{{ s = \"x\" | string.pad_left 4000000\n" + lines + " }}", memoryBudget: 64 * MiB);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Equal("CM7204", error.Code);
        Assert.Contains("memory budget", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 2, 41);
        Assert.True(allocated < 64 * MiB + 2 * 8 * MiB + 8 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void The_memory_budget_is_per_render_so_many_small_renders_and_one_long_page_fit()
    {
        _dir.File("theme/item.sbn", "{{ s = \"x\" | string.pad_left 2000000 }}{{ s | string.size }}");
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), TemplateOutput.Html) { MemoryBudget = 32 * MiB };
        var d = new DiagnosticBag();

        // 40 renders of about 4 MB each: 160 MB in all, each far under its 32 MiB.
        var items = engine.RenderEach("item.sbn", Enumerable.Range(0, 40).Select(_ => (object)new Dictionary<string, object?>()).ToArray(), d);

        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.All(items!, i => Assert.Equal("2000000", i));

        // A page body longer than Scriban's default string limit (1 MB) is written whole, never cut to "...".
        var body = string.Concat(Enumerable.Repeat("<p>note</p>", 400_000));
        var (page, error, _) = RenderMeasured("<main>{{ body }}</main>", output: TemplateOutput.Html,
            model: new Dictionary<string, object?> { ["body"] = new SafeHtml(body) });
        Assert.Null(error);
        Assert.Equal("<main>" + body + "</main>", page);
        var (markdown, error2, _) = RenderMeasured("{{ body }}", model: new Dictionary<string, object?> { ["body"] = body });
        Assert.Null(error2);
        Assert.Equal(body, markdown);
    }
}
