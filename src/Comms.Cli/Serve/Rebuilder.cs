using System.Diagnostics;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Cli.Serve;

/// <summary>
/// Watches the inputs of a build and rebuilds what changed, debounced: a change under a release's folder or
/// pulls rebuilds that release and the later ones (first-time contributors depend on earlier releases);
/// a change to the settings or the theme rebuilds everything. A failed build keeps the last good outputs.
/// </summary>
public sealed class Rebuilder : IDisposable
{
    private readonly BuildRequest _request;
    private readonly string _root;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Timer _timer;
    private HashSet<string>? _pending;
    private bool _all;
    private int _number;

    public Rebuilder(BuildRequest request, string root, IEnumerable<string> watch, TimeSpan debounce)
    {
        _request = request;
        _root = Path.GetFullPath(root);
        _debounce = debounce;
        _timer = new Timer(_ => _ = RebuildPendingAsync());
        foreach (var folder in watch.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var isFile = File.Exists(folder);
            var dir = isFile ? Path.GetDirectoryName(folder)! : folder;
            if (!Directory.Exists(dir))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(dir)
            {
                IncludeSubdirectories = !isFile,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            if (isFile)
            {
                watcher.Filter = Path.GetFileName(folder);
            }

            watcher.Changed += (_, e) => Changed(e.FullPath);
            watcher.Created += (_, e) => Changed(e.FullPath);
            watcher.Deleted += (_, e) => Changed(e.FullPath);
            watcher.Renamed += (_, e) => Changed(e.FullPath);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public BuildState State { get; private set; } = new(0, false, ["not built yet"], 0, []);

    /// <summary>Raised after every build, good or bad.</summary>
    public event Action<BuildState>? Built;

    /// <summary>Builds every release now (the first build).</summary>
    public Task<BuildState> BuildAllAsync() => BuildAsync(null);

    /// <summary>Called for each changed path; starts (or restarts) the debounce.</summary>
    public void Changed(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            var version = VersionOf(Path.GetFullPath(path));
            if (version is null)
            {
                _all = true;
            }
            else
            {
                (_pending ??= new HashSet<string>(StringComparer.Ordinal)).Add(version);
            }

            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private string? VersionOf(string path)
    {
        foreach (var release in _request.Releases)
        {
            var folder = Path.GetFullPath(Path.Combine(_root, "release-notes", release.Version));
            if (IsUnder(path, folder) || IsUnder(path, Path.GetFullPath(release.Pulls)) || (release.Maps is not null && IsUnder(path, Path.GetFullPath(release.Maps))))
            {
                return release.Version;
            }
        }

        return null;
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private async Task RebuildPendingAsync()
    {
        HashSet<string>? versions;
        lock (_gate)
        {
            versions = _all ? null : _pending;
            if (!_all && _pending is null)
            {
                return;
            }

            _all = false;
            _pending = null;
        }

        await BuildAsync(versions).ConfigureAwait(false);
    }

    private async Task<BuildState> BuildAsync(HashSet<string>? versions)
    {
        await _building.WaitAsync().ConfigureAwait(false);
        try
        {
            var releases = _request.Releases;
            if (versions is not null && State.Ok)
            {
                var first = versions.Min(VersionOrder.Instance)!;
                releases = releases.Where(r => VersionOrder.Instance.Compare(r.Version, first) >= 0).ToArray();
            }

            var clock = Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            IReadOnlyList<ReleaseBuild.Built>? built;
            try
            {
                built = new ReleaseBuild(_request with { Releases = releases }, diagnostics).Run();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(Codes.OutputFailed, e.Message);
                built = null;
            }
            catch (OperationCanceledException) when (_request.Cancel.IsCancellationRequested)
            {
                // The preview is stopping (a signal): no state to report, the staging is already removed.
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never a failure nobody sees: the rebuild ran on a timer, so an exception here would vanish and the
                // preview would go on showing the last good site as if it were current.
                diagnostics.Error("CM9999", $"unexpected failure ({e.GetType().Name}: {ConsoleText.Clean(e.Message)}); still serving the last good site. Please report this with the files you changed.");
                built = null;
            }

            clock.Stop();
            var lines = diagnostics.Sorted().Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray();
            if (built is null && lines.Length == 0)
            {
                // Stopped by its warnings (warnings as errors): they are the reason, so they are shown as such.
                lines = diagnostics.Sorted().Where(d => d.Severity == Severity.Warning).Select(d => d.ToString())
                    .DefaultIfEmpty("comms: error CM9999: the build stopped without saying why; still serving the last good site").ToArray();
            }
            State = new BuildState(++_number, built is not null, lines, clock.ElapsedMilliseconds, releases.Select(r => r.Version).ToArray())
            {
                Warnings = diagnostics.Sorted().Where(d => d.Severity == Severity.Warning).Select(d => d.ToString()).ToArray(),
            };
            Built?.Invoke(State);
            return State;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
        _building.Dispose();
    }
}
