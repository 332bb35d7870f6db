using System.Diagnostics;
using System.Globalization;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site;

// Builds the site for every release in ../shared/corpus/kubernetes/relnotes and prints wall time and peak memory.
// Usage: dotnet run -c Release --project bench/Comms.Bench.Site [-- <corpus relnotes folder> <output folder>]
var repo = FindRepo();
var relnotes = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "kubernetes", "relnotes"));
var output = args.Length > 1 ? args[1] : Path.Combine(repo, "artifacts", "bench-site", "site");
if (!Directory.Exists(relnotes))
{
    Console.Error.WriteLine($"bench: the corpus is not at {relnotes}");
    return 1;
}

var clock = Stopwatch.StartNew();
var d = new DiagnosticBag();
var releases = Directory.GetFiles(relnotes, "release-notes-*.json")
    .Select(f => SiteLoader.LoadRelease(Path.GetFileNameWithoutExtension(f)["release-notes-".Length..], f, d, withFolder: false))
    .OfType<SiteRelease>().ToArray();
var loaded = clock.Elapsed;
var ok = SiteBuilder.Build(new SiteRequest
{
    OutputFolder = output,
    Releases = releases,
    Config = CommsConfig.Kubernetes,
    ThemeFolders = [Path.Combine(repo, "themes", "default")],
}, d);
clock.Stop();
foreach (var diagnostic in d.Sorted().Where(x => x.Severity >= Severity.Warning))
{
    Console.Error.WriteLine(diagnostic);
}

var files = Directory.Exists(output) ? Directory.GetFiles(output, "*", SearchOption.AllDirectories) : [];
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"releases={releases.Length} notes={releases.Sum(r => r.Notes.Count)} files={files.Length} bytes={files.Sum(f => new FileInfo(f).Length)} " +
    $"load_s={loaded.TotalSeconds:F2} total_s={clock.Elapsed.TotalSeconds:F2} peak_working_set_mb={process.PeakWorkingSet64 / (1024.0 * 1024):F0} ok={ok}"));
return ok ? 0 : 1;

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Comms.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
