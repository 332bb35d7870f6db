using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Templates.Tests;

/// <summary>The release team's edited 1.34 notes render into every brief and the blog post without an error.</summary>
public sealed class KubernetesConformanceTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Sig_release_1_34_draft_renders_all_drafts_without_errors()
    {
        using var temp = new TempDir();
        var diagnostics = new DiagnosticBag();
        var notes = Path.Combine(Repo.Kubernetes, "sig-release-1.34", "release-notes-draft.json");
        var request = new BuildRequest([new ReleaseInput("v1.34.0", notes, null, null, Path.Combine(temp.Path, "v1.34.0"))],
            temp.Path, Path.Combine(temp.Path, "site"), ConfigPath: null,
            ThemeFolder: null, RepoRoot: Repo.Root);
        var built = new ReleaseBuild(request, diagnostics).Run();

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var release = Assert.Single(built!);
        foreach (var draft in new[] { "blog-post.md", "brief-vendor.md", "brief-end-user.md", "brief-developer.md" })
        {
            Assert.Contains("([#", release.Drafts[draft], StringComparison.Ordinal);
        }

        foreach (var audience in new[] { "vendor", "end-user", "developer" })
        {
            var count = release.Model.ForAudience(audience).Count();
            output.WriteLine($"{audience}: {count}");
            Assert.True(count > 0);
        }

        output.WriteLine($"notes: {release.Model.Notes.Count}, unassigned: {release.Model.Notes.Count(n => n.Comms.Audiences.Count == 0)}");
    }
}
