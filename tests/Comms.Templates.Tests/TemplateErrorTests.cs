using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>A theme's template mistakes point at the template file, line and column; nothing is written.</summary>
public sealed class TemplateErrorTests
{
    private static (IReadOnlyList<Cli.Build.ReleaseBuild.Built>? Built, DiagnosticBag Diagnostics, string Output) BuildWithTheme(TempDir temp, string template, string text)
    {
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, template), text);
        var diagnostics = new DiagnosticBag();
        var output = Path.Combine(temp.Path, "out");
        return (SampleBuild.Run(output, diagnostics, theme), diagnostics, output);
    }

    [Fact]
    public void A_field_the_model_lacks_is_an_error_at_its_line_and_column()
    {
        using var temp = new TempDir();
        var (built, diagnostics, output) = BuildWithTheme(temp, "press-brief.sbn", "# {{ project.name }}\n\nSee {{ release.codenam }} now.\n");
        Assert.Null(built);
        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(SampleBuild.Versions.Length, errors.Count); // one per release rendered with the template
        Assert.Single(errors.Select(e => e.ToString()).Distinct());
        var error = errors[0];
        Assert.Equal("CM7202", error.Code);
        Assert.Equal(Path.Combine(temp.Path, "theme", "press-brief.sbn"), error.File);
        Assert.Equal((3, 16), (error.Line, error.Column));
        Assert.Contains("\"codenam\"", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a failed build must not write drafts");
    }

    [Fact]
    public void A_syntax_error_names_the_template_and_place()
    {
        using var temp = new TempDir();
        var (built, diagnostics, _) = BuildWithTheme(temp, "blog-post.sbn", "line one\n{{ for h in highlights }}\n{{ h.text\n{{ end }}\n");
        Assert.Null(built);
        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToArray();
        Assert.True(errors.Length == 1, string.Join("\n", errors.Select(e => e.ToString())));
        var error = errors[0];
        Assert.Equal("CM7201", error.Code);
        Assert.EndsWith("blog-post.sbn", error.File, StringComparison.Ordinal);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.Matches(@"^.+blog-post\.sbn\(\d+,\d+\): error CM7201: template error: ", error.ToString());
    }

    [Fact]
    public void A_user_theme_overrides_one_template_and_keeps_the_others()
    {
        using var temp = new TempDir();
        var (built, diagnostics, _) = BuildWithTheme(temp, "brief-vendor.sbn", "# Vendors of {{ project.name }} {{ release.version }}: {{ audience.count }}\n");
        Assert.NotNull(built);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var release = built!.Single(r => r.Input.Version == "v2.4.0");
        Assert.Equal($"# Vendors of Tidewater v2.4.0: {release.Model.ForAudience("vendor").Count()}\n", release.Drafts["brief-vendor.md"]);
        Assert.StartsWith("# Tidewater v2.4 for end users", release.Drafts["brief-end-user.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_theme_overrides_one_partial_and_every_brief_uses_it()
    {
        using var temp = new TempDir();
        var (built, diagnostics, _) = BuildWithTheme(temp, "_brief-item.sbn", "* PR {{ n.pr_number }}");
        Assert.NotNull(built);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var release = built!.Single(r => r.Input.Version == "v2.4.0");
        foreach (var audience in new[] { "vendor", "end-user", "developer" })
        {
            var brief = release.Drafts[$"brief-{audience}.md"];
            var items = brief.Split('\n').Count(l => l.StartsWith("* PR ", StringComparison.Ordinal));
            Assert.Equal(release.Model.ForAudience(audience).Count(), items);
        }

        Assert.Contains("## Spotlight on key updates", release.Drafts["blog-post.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_cannot_read_dotnet_members_of_model_values()
    {
        using var temp = new TempDir();
        var (built, diagnostics, _) = BuildWithTheme(temp, "press-brief.sbn", "{{ project.name.Length }}\n");
        Assert.Null(built);
        var error = diagnostics.Items.First(d => d.Severity == Severity.Error);
        Assert.Equal("CM7202", error.Code);
        Assert.Contains("\"Length\"", error.Message, StringComparison.Ordinal);
    }
}
