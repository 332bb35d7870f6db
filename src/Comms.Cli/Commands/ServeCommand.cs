using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Comms.Cli.Build;
using Comms.Cli.Serve;

namespace Comms.Cli.Commands;

/// <summary><c>comms serve</c>: builds, serves the site and drafts on 127.0.0.1, rebuilds on every edit and reloads open pages.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8484, HelpName = "N" };
        var pulls = new Option<string?>("--pulls") { Description = "Pull requests of the release being edited (default: each release's pulls on disk, or the sample's).", HelpName = "dir|file" };
        var version = new Option<string?>("--version") { Description = "Preview this release only.", HelpName = "v" };
        CommonOptions.ValidateVersion(version);
        var output = new Option<string>("--out") { Description = "Where the preview's drafts and site are built (never the release-notes folder).", DefaultValueFactory = _ => Path.Combine("artifacts", "serve"), HelpName = "dir" };
        var theme = new Option<string?>("--theme") { Description = "A theme folder whose templates override the default theme's (watched too).", HelpName = "dir" };
        var config = CommonOptions.Config();
        var asPublished = new Option<bool>("--as-published")
        {
            Description = "Hold back the pages the published site would hold back (drafts, embargoed or undated press briefs, pages with placeholders). By default the preview shows them with a DRAFT banner.",
        };
        var command = new Command("serve",
            "Preview while editing: build the drafts and the site, serve them on http://127.0.0.1:<port>/ (drafts under /drafts/, Markdown shown as its page with placeholders highlighted; ?raw for the Markdown), " +
            "watch content/, release-notes/, themes/ and the pulls, rebuild what changed and reload open pages. A failed build shows " +
            "its errors in the page while the last good site stays served. Ctrl-C stops.\n\nExample:\n  comms serve --port 8484")
        {
            port, pulls, version, output, theme, config, asPublished,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535");
            }
        });
        command.SetAction(parse => Run(cli, parse.GetValue(port), parse.GetValue(pulls), parse.GetValue(version), parse.GetValue(output)!,
            parse.GetValue(theme), parse.GetValue(config), !parse.GetValue(asPublished)));
        return command;
    }

    private static int Run(CliContext cli, int port, string? pulls, string? version, string output, string? theme, string? config, bool includeDrafts)
    {
        BuildRequest? request;
        string? problem = null;
        if (ProjectBuild.IsProject())
        {
            request = ProjectBuild.LocalRequest(new ProjectBuild.Options(pulls, version, output, null, theme, config, false), out problem);
        }
        else
        {
            request = BuildCommand.Request(pulls, pulls is null ? null : version, output, null, null, theme, config);
            if (request is not null && pulls is null && version is not null)
            {
                request = request with { Releases = request.Releases.Where(r => r.Version == version).ToArray() };
            }

            problem = request is null || request.Releases.Count == 0 ? "nothing to preview: pass --pulls and --version, or run `comms init` and give the release its pulls" : null;
        }

        if (request is null || problem is not null)
        {
            cli.Error.WriteLine($"comms: error CM0003: {problem}");
            return ExitCodes.UsageError;
        }

        // The preview shows what the published site holds back, marked DRAFT; the published site still holds it back.
        request = request with { IncludeDrafts = includeDrafts };
        var root = Directory.GetCurrentDirectory();
        var watch = new List<string> { "content", "release-notes", "themes" };
        watch.AddRange(request.Releases.Select(r => r.Pulls));
        watch.AddRange(request.Releases.Select(r => r.Maps).OfType<string>());
        watch.AddRange(new[] { theme, config }.OfType<string>());
        if (OutputProblem(root, request, watch) is { } outside)
        {
            cli.Error.WriteLine($"comms: error CM0003: {outside}");
            return ExitCodes.UsageError;
        }

        using var stop = new CancellationTokenSource();
        void Stop()
        {
            // The preview stops by itself (at most a second for open live-reload connections); the program's stop waits for it.
            Core.IO.StopGate.MarkStopping();
            stop.Cancel();
        }

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Stop();
        };
        Console.CancelKeyPress += onCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Stop();
        });
        cli.Interrupt.Cooperate = true;

        // Signals are taken from here on, so one during the first build stops the preview cleanly too.
        // Builds look at the signal too, and the first runs beside this thread, so a signal during it ends the preview at once.
        using var rebuilder = new Rebuilder(request with { Cancel = stop.Token }, root, watch, TimeSpan.FromMilliseconds(150));
        rebuilder.Built += state => Report(cli, state);
        Task.Run(rebuilder.BuildAllAsync).WaitAsync(stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        try
        {
            if (stop.IsCancellationRequested)
            {
                return Stopped(cli);
            }

            var host = ServeHost.StartAsync(rebuilder, request.SiteFolder, request.ReleaseNotesRoot, port).GetAwaiter().GetResult();
            cli.Out.WriteLine($"Serving {host.Url} (drafts at {host.Url}drafts/); watching for changes. Ctrl-C stops.");
            cli.Out.Flush();
            try
            {
                stop.Token.WaitHandle.WaitOne();
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (IOException e) when (!stop.IsCancellationRequested)
        {
            cli.Error.WriteLine($"comms: error CM0008: cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ({e.Message}); pick another --port, or --port 0 for a free one");
            return ExitCodes.UsageError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return Stopped(cli);
    }

    /// <summary>
    /// Stopped by Ctrl-C or SIGTERM: a build still running beside is left to end with the process, never inside its commit
    /// (waited for), so every output is whole; what it staged is removed by the next run.
    /// </summary>
    private static int Stopped(CliContext cli)
    {
        Core.IO.StopGate.Close(TimeSpan.FromSeconds(5));
        cli.Out.WriteLine("Stopped.");
        return ExitCodes.Interrupted;
    }

    /// <summary>
    /// The preview writes only where nothing it watches lives: an output inside a watched folder would rebuild for ever,
    /// and one that reaches the project's own release-notes/ would overwrite the drafts being edited.
    /// </summary>
    internal static string? OutputProblem(string root, BuildRequest request, IEnumerable<string> watch)
    {
        var outputs = request.Releases.Select(r => r.DraftsFolder).Append(request.SiteFolder).Append(request.ReleaseNotesRoot)
            .Select(p => Core.IO.OutputPaths.RealPath(Path.GetFullPath(p, root))).Distinct(StringComparer.Ordinal).ToArray();
        var projectNotes = Core.IO.OutputPaths.RealPath(Path.Combine(root, "release-notes"));
        foreach (var output in outputs)
        {
            if (Core.IO.OutputPaths.IsInside(projectNotes, output) || Core.IO.OutputPaths.IsInside(output, projectNotes))
            {
                return $"the preview would write to {Path.GetRelativePath(root, output)}, which holds the project's own release notes; give --out a folder of its own (default artifacts/serve)";
            }

            foreach (var watched in watch.Select(w => Core.IO.OutputPaths.RealPath(Path.GetFullPath(w, root))))
            {
                if (Core.IO.OutputPaths.IsInside(watched, output) || Core.IO.OutputPaths.IsInside(output, watched))
                {
                    return $"--out leads to {Path.GetRelativePath(root, output)}, which is or holds the watched {Path.GetRelativePath(root, watched)}: every build would start the next; give --out a folder outside it (default artifacts/serve)";
                }
            }
        }

        return null;
    }

    private static void Report(CliContext cli, BuildState state)
    {
        var what = string.Join(", ", state.Versions);
        if (state.Ok)
        {
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build {state.Number}: built {what} in {state.Milliseconds} ms"));
        }
        else
        {
            foreach (var line in state.Diagnostics)
            {
                cli.Error.WriteLine(line);
            }

            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build {state.Number}: failed after {state.Milliseconds} ms; still serving the last good site"));
        }

        cli.Out.Flush();
    }
}
