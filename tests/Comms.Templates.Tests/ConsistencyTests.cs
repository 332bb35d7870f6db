using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>release.yaml mistakes that would put something false in front of the press are caught.</summary>
public sealed class ConsistencyTests
{
    private static (IReadOnlyList<ReleaseBuild.Built>? Built, DiagnosticBag Diagnostics) BuildWithRelease(TempDir temp, string releaseYaml)
    {
        var file = temp.File("release.yaml", releaseYaml);
        var diagnostics = new DiagnosticBag();
        var built = SampleBuild.Run(Path.Combine(temp.Path, "out"), diagnostics, adjust: r => r.Version == "v2.4.0" ? r with { ReleaseFile = file } : r);
        return (built, diagnostics);
    }

    [Fact]
    public void A_highlight_naming_a_pr_outside_the_release_is_an_error_at_its_line()
    {
        using var temp = new TempDir();
        var (built, diagnostics) = BuildWithRelease(temp, "version: v2.4.0\nrelease_date: 2026-12-08\nhighlights:\n  - pr: 3547\n  - pr: 99999\n");
        Assert.Null(built);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal("CM7102", error.Code);
        Assert.Equal((5, 5), (error.Line, error.Column));
        Assert.Contains("#99999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embargo_after_the_release_date_is_an_error()
    {
        using var temp = new TempDir();
        var (built, diagnostics) = BuildWithRelease(temp, "version: v2.4.0\nrelease_date: 2026-12-08\nembargo: 2026-12-09T16:00:00Z\n");
        Assert.Null(built);
        Assert.Contains(diagnostics.Items, d => d.Code == "CM7105" && d.Severity == Severity.Error);
    }

    [Fact]
    public void A_quote_citing_a_pr_outside_the_release_is_a_warning()
    {
        using var temp = new TempDir();
        var (built, diagnostics) = BuildWithRelease(temp,
            "version: v2.4.0\nquotes:\n  - name: Ada Example\n    role: Lead\n    text: \"We finally shipped #3547 and #12.\"\n");
        Assert.NotNull(built);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "CM7103");
        Assert.Contains("#12,", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public void A_reverted_pr_still_named_in_a_draft_is_a_warning()
    {
        using var temp = new TempDir();
        var pulls = Path.Combine(temp.Path, "pulls");
        Directory.CreateDirectory(pulls);
        File.WriteAllText(Path.Combine(pulls, "a.json"), Pull(501, "Add the frobnicator", "Added the `Frobnicator` alpha feature gate.", "kind/feature"));
        File.WriteAllText(Path.Combine(pulls, "b.json"), Pull(502, "Revert \\\"Add the frobnicator\\\"", "Reverted #501: the frobnicator broke upgrades.", "kind/bug"));
        var diagnostics = new DiagnosticBag();
        var request = new BuildRequest([new ReleaseInput("v9.9.0", pulls, null, null, Path.Combine(temp.Path, "v9.9.0"))],
            temp.Path, Path.Combine(temp.Path, "site"), Path.Combine(Repo.Root, "content", "comms.yaml"), null, Repo.Root);
        var built = new ReleaseBuild(request, diagnostics).Run();
        Assert.NotNull(built);
        Assert.Contains(diagnostics.Items, d => d.Code == "CM7104" && d.Message.Contains("#501", StringComparison.Ordinal) && d.File == "blog-post.md");
    }

    private static string Pull(int number, string title, string note, string kind) =>
        $$"""
        {"number": {{number}}, "title": "{{title}}", "body": "```release-note\r\n{{note}}\r\n```", "labels": [{"name": "{{kind}}"}, {"name": "sig/node"}],
         "user": {"login": "someone"}, "merged_at": "2026-11-01T10:00:00Z", "merge_commit_sha": "abc", "html_url": "https://github.com/tidewater-io/tidewater/pull/{{number}}"}
        """;
}
