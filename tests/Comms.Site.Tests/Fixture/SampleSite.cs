using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Site.Tests.Fixture;

/// <summary>The site of the committed sample (Tidewater: release-notes/ and content/comms.yaml of the repository).</summary>
public static class SampleSite
{
    public static string Build(TempDir dir, bool withSiteUrl = true)
    {
        var d = new DiagnosticBag();
        var config = ConfigLoader.Load(Path.Combine(Repo.Root, "content", "comms.yaml"), d) ?? CommsConfig.Kubernetes;
        config = withSiteUrl ? config : config with { SiteUrl = null };
        var output = Path.Combine(dir.Path, "site");
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = output,
            Releases = SiteLoader.Load(Path.Combine(Repo.Root, "release-notes"), config, d),
            Config = config,
            ThemeFolders = [Sites.DefaultTheme],
        }, d);
        Assert.True(ok && !d.HasErrors, string.Join("\n", d.Sorted()));
        return output;
    }
}
