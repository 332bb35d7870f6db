using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>The one template engine: strict, located, bounded, escaping in HTML, and kept inside its theme.</summary>
public sealed class ScribanEngineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string? Text, DiagnosticBag Diagnostics) Render(string template, object? model = null, TemplateOutput output = TemplateOutput.Markdown, params (string Name, string Text)[] files)
    {
        _dir.File("theme/t.sbn", template);
        foreach (var (name, text) in files)
        {
            _dir.File("theme/" + name, text);
        }

        var d = new DiagnosticBag();
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), output);
        return (engine.Render("t.sbn", model ?? new Dictionary<string, object?>(), d), d);
    }

    private static Diagnostic Error(DiagnosticBag d) => Assert.Single(d.Items, i => i.Severity == Severity.Error);

    private static Dictionary<string, object?> Model(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void An_unknown_variable_is_CM7202_at_its_line_and_column()
    {
        var (text, d) = Render("one\n  {{ projekt.name }}\n", Model(("project", Model(("name", "Tidewater")))));
        Assert.Null(text);
        var error = Error(d);
        Assert.Equal(("CM7202", 2, 6), (error.Code, error.Line, error.Column));
        Assert.EndsWith("t.sbn", error.File, StringComparison.Ordinal);
        Assert.Contains("\"projekt\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_CM7202_even_inside_an_if()
    {
        var (text, d) = Render("{{ if project.codename }}x{{ end }}", Model(("project", Model(("name", "T")))));
        Assert.Null(text);
        Assert.Equal(("CM7202", 1, 15), (Error(d).Code, Error(d).Line, Error(d).Column));
    }

    [Fact]
    public void A_wrong_argument_count_is_located()
    {
        var (text, d) = Render("\n{{ count 3 }}");
        Assert.Null(text);
        var error = Error(d);
        Assert.Equal(("CM7201", 2), (error.Code, error.Line));
        Assert.Contains("arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_is_located()
    {
        var (text, d) = Render("a\nb {{ for x in y }}\n");
        Assert.Null(text);
        var error = Error(d);
        Assert.Equal(("CM7201", 2), (error.Code, error.Line));
        Assert.Matches(@"t\.sbn\(2,\d+\): error CM7201: template error: ", error.ToString());
    }

    [Fact]
    public void Records_are_seen_as_their_properties_only()
    {
        var (text, d) = Render("{{ v.Name }} {{ v.Items | array.size }}", Model(("v", new Sample("Ann", ["a", "b"]))));
        Assert.Equal("Ann 2", text);
        Assert.False(d.HasErrors);
        var (_, methods) = Render("{{ v.ToString }}", Model(("v", new Sample("Ann", []))));
        Assert.Equal("CM7202", Error(methods).Code);
    }

    private sealed record Sample(string Name, IReadOnlyList<string> Items) : IScriptFields
    {
        public IEnumerable<KeyValuePair<string, object?>> ScriptFields() => [new("Name", Name), new("Items", Items)];
    }

    private sealed record Unlisted(string Name);

    [Fact]
    public void A_typed_model_lists_its_fields_no_reflection()
    {
        // The native tool is trimmed: a model type that does not list its fields is refused in every build, not read by reflection.
        var e = Assert.Throws<NotSupportedException>(() => Render("{{ v.Name }}", Model(("v", new Unlisted("Ann")))));
        Assert.Contains("Unlisted", e.Message, StringComparison.Ordinal);
        var (text, _) = Render("{{ v.Title }} {{ v.Count }}", Model(("v", new ScriptFields { { "Title", "T" }, { "Count", 2 } })));
        Assert.Equal("T 2", text);
    }

    [Fact]
    public void Html_output_escapes_every_value_but_safe_html()
    {
        var model = Model(("text", "<img src=x onerror=alert(1)> & \"q\" 'a' `b`"), ("safe", new SafeHtml("<em>ok</em>")));
        var (html, _) = Render("<p title=\"{{ text }}\">{{ text }}</p>{{ safe }}{{ text | string.upcase }}", model, TemplateOutput.Html);
        Assert.Equal("<p title=\"&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;q&quot; &#x27;a&#x27; &#x60;b&#x60;\">&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;q&quot; &#x27;a&#x27; &#x60;b&#x60;</p><em>ok</em>&lt;IMG SRC&#x3D;X ONERROR&#x3D;ALERT(1)&gt; &amp; &quot;Q&quot; &#x27;A&#x27; &#x60;B&#x60;", html);
        var (markdown, _) = Render("{{ text }}", model);
        Assert.Equal("<img src=x onerror=alert(1)> & \"q\" 'a' `b`", markdown);
    }

    [Fact]
    public void A_partial_is_escaped_once_not_twice()
    {
        var (html, d) = Render("<ul>{{ for x in items }}{{ include \"item\" }}{{ end }}</ul>", Model(("items", new[] { "<a>", "b&c" })), TemplateOutput.Html,
            ("_item.sbn", "<li>{{ x }}</li>"));
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal("<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>", html);
    }

    [Theory]
    [InlineData("../t")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    public void An_include_outside_the_theme_is_refused_at_its_place(string name)
    {
        var (text, d) = Render($"x\n{{{{ include \"{name}\" }}}}");
        Assert.Null(text);
        var error = Error(d);
        Assert.Equal(("CM7203", 2), (error.Code, error.Line));
    }

    [Fact]
    public void A_partial_linked_out_of_the_theme_is_refused()
    {
        var secret = _dir.File("outside/secret.sbn", "SECRET");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "theme"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "theme", "_leak.sbn"), secret);
        var (text, d) = Render("{{ include \"leak\" }}");
        Assert.Null(text);
        Assert.Equal("CM7203", Error(d).Code);
        Assert.DoesNotContain("SECRET", string.Join("\n", d.Items), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_linked_out_of_the_theme_is_refused()
    {
        var secret = _dir.File("outside/passwd", "root:x:0:0");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "theme"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "theme", "blog-post.sbn"), secret);
        var d = new DiagnosticBag();
        var engine = new ScribanEngine(new Theme([Path.Combine(_dir.Path, "theme")]), TemplateOutput.Markdown);
        Assert.Null(engine.Render("blog-post.sbn", Model(), d));
        Assert.Equal("CM7203", Error(d).Code);
    }

    [Fact]
    public void A_partial_that_includes_itself_fails_at_its_place_without_hanging()
    {
        var (text, d) = Render("{{ include \"self\" }}", files: ("_self.sbn", "again {{ include \"self\" }}"));
        Assert.Null(text);
        var error = Error(d);
        Assert.Equal("CM7204", error.Code);
        Assert.EndsWith("_self.sbn", error.File, StringComparison.Ordinal);
        Assert.Equal((1, 10), (error.Line, error.Column));
    }

    [Fact]
    public void Loops_are_limited_but_a_100000_note_site_fits()
    {
        var (text, d) = Render("{{ for i in 1..100000 }}.{{ end }}");
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(100_000, text!.Length);
        var (runaway, limited) = Render("{{ for i in 1..2000000 }}.{{ end }}");
        Assert.Null(runaway);
        Assert.Equal("CM7204", Error(limited).Code);
    }

    [Fact]
    public void Nested_loops_that_would_exhaust_memory_stop_at_the_output_limit()
    {
        var (text, d) = Render("{{ for a in 1..1000 }}{{ for b in 1..1000 }}{{ for c in 1..1000 }}..........{{ end }}{{ end }}{{ end }}");
        Assert.Null(text);
        Assert.Equal("CM7204", Error(d).Code);
    }

    [Fact]
    public void Empty_lists_zero_and_empty_text_are_false()
    {
        var (text, _) = Render("{{ if list }}L{{ end }}{{ if zero }}Z{{ end }}{{ if empty }}E{{ end }}{{ if none }}N{{ end }}{{ if one }}1{{ end }}",
            Model(("list", Array.Empty<string>()), ("zero", 0), ("empty", string.Empty), ("none", null), ("one", 1)));
        Assert.Equal("1", text);
    }

    [Theory]
    [InlineData("{{ count 42 \"enhancement\" }}", "42 enhancements")]
    [InlineData("{{ count 1 \"enhancement\" }}", "1 enhancement")]
    [InlineData("{{ count 0 \"special interest group\" }}", "no special interest groups")]
    [InlineData("{{ count list \"item\" }}", "3 items")]
    [InlineData("{{ join list }}", "SIG Node, SIG Apps and SIG Storage")]
    [InlineData("{{ join two }}", "SIG Node and SIG Apps")]
    [InlineData("{{ join one }}", "SIG Node")]
    [InlineData("{{ format_date \"2026-04-22\" }}", "April 22, 2026")]
    [InlineData("{{ format_date \"2026-04-22\" \"yyyy-MM-dd\" }}", "2026-04-22")]
    [InlineData("{{ format_date \"2026-04-22T16:00:00Z\" \"d MMMM yyyy HH:mm\" }}", "22 April 2026 16:00")]
    [InlineData("{{ ordinal 21 }}", "21st")]
    [InlineData("{{ ordinal 112 }}", "112th")]
    [InlineData("{{ words 3 }}", "three")]
    [InlineData("{{ plain \"Enabled `PodReadinessGates` by [default](https://x).\" }}", "Enabled pod readiness gates by default.")]
    [InlineData("{{ headline \"Promoted the DRA extended resource feature to GA in `1.37`.\" }}", "Promoted the DRA extended resource feature to GA in 1.37")]
    [InlineData("{{ first_sentence \"One thing. Two things.\" }}", "One thing.")]
    [InlineData("{{ headline \"Promoted `InPlacePodVerticalScaling` to GA. More text.\" }}", "Promoted in place pod vertical scaling to GA")]
    [InlineData("{{ item \"- first\\nsecond\" }}", "first\n  second")]
    [InlineData("{{ indent \"a\\nb\" }}", "a\n  b")]
    public void Every_function_does_what_docs_templates_md_says(string template, string expected)
    {
        var model = Model(("list", new[] { "SIG Node", "SIG Apps", "SIG Storage" }), ("two", new[] { "SIG Node", "SIG Apps" }), ("one", new[] { "SIG Node" }));
        var (text, d) = Render(template, model);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Assert.Equal(expected, text);
    }
}
