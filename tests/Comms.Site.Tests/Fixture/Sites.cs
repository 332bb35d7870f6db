using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Site.Tests.Fixture;

/// <summary>Builds sites for tests: the sample release, plus a few real Kubernetes releases when the corpus is present.</summary>
public static class Sites
{
    public static readonly string DefaultTheme = Path.Combine(Repo.Root, "themes", "default");

    public static readonly string[] CorpusVersions = ["1.26.0", "1.27.0-rc.0", "1.27.0", "1.28.0-alpha.1"];

    public static IReadOnlyList<SiteRelease> CorpusReleases(DiagnosticBag d) =>
        CorpusVersions.Select(v => SiteLoader.LoadRelease(v, Path.Combine(Repo.Kubernetes, "relnotes", $"release-notes-{v}.json"), d, withFolder: false))
            .OfType<SiteRelease>().ToArray();

    /// <summary>Builds the sample (and the corpus releases if asked) into <c>dir/out/site</c>; fails the test on any error.</summary>
    public static string Build(TempDir dir, bool withCorpus, CommsConfig? config = null, IReadOnlyList<string>? themes = null)
    {
        SampleRelease.Write(dir);
        var d = new DiagnosticBag();
        var releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), config ?? CommsConfig.Kubernetes, d).ToList();
        if (withCorpus && Repo.HasCorpus)
        {
            releases.AddRange(CorpusReleases(d));
        }

        var output = Path.Combine(dir.Path, "out", "site");
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = output,
            Releases = releases,
            Config = config ?? CommsConfig.Kubernetes,
            ThemeFolders = themes ?? [DefaultTheme],
        }, d);
        Assert.True(ok && !d.HasErrors, string.Join("\n", d.Sorted()));
        return output;
    }
}
