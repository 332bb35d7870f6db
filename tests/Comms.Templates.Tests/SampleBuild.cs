using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>Builds the sample in content/ once, into a temporary folder, for every test that reads its drafts.</summary>
public sealed class SampleBuild : IDisposable
{
    private readonly TempDir _temp = new();

    public SampleBuild()
    {
        Result = Run(_temp.Path, Diagnostics);
    }

    public DiagnosticBag Diagnostics { get; } = new();

    public IReadOnlyList<ReleaseBuild.Built>? Result { get; }

    public static string[] Versions =>
        Directory.EnumerateDirectories(Path.Combine(Repo.Root, "content", "sample", "releases"))
            .Select(d => Path.GetFileName(d)!)
            .Order(VersionOrder.Instance)
            .ToArray();

    public static IReadOnlyList<ReleaseBuild.Built>? Run(string output, DiagnosticBag diagnostics, string? theme = null, Func<ReleaseInput, ReleaseInput>? adjust = null, string? config = null,
        IReadOnlyList<string>? locales = null)
    {
        var releases = Versions.Select(v => new ReleaseInput(
                v,
                Path.Combine(Repo.Root, "content", "sample", "releases", v, "pulls"),
                Path.Combine(Repo.Root, "release-notes", v, "maps") is var maps && Directory.Exists(maps) ? maps : null,
                Path.Combine(Repo.Root, "release-notes", v, "release.yaml"),
                Path.Combine(output, "release-notes", v)))
            .Select(r => adjust is null ? r : adjust(r))
            .ToArray();
        var request = new BuildRequest(releases, Path.Combine(output, "release-notes"), Path.Combine(output, "site"),
            config ?? Path.Combine(Repo.Root, "content", "comms.yaml"), theme, Repo.Root) { Locales = locales };
        return new ReleaseBuild(request, diagnostics).Run();
    }

    public string Draft(string version, string name) =>
        Result!.Single(r => r.Input.Version == version).Drafts[name];

    public void Dispose() => _temp.Dispose();
}
