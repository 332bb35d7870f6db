using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Comms.TestKit;

/// <summary><c>comms serve --port 0</c> as a real process in a folder: its URL once it serves, its output lines, killed on dispose.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, string url, ConcurrentQueue<string> log)
    {
        _process = process;
        Url = url;
        Log = log;
    }

    public string Url { get; }

    /// <summary>Every line written so far, standard output and error.</summary>
    public ConcurrentQueue<string> Log { get; }

    [GeneratedRegex(@"Serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();

    public static async Task<ServeProcess> StartAsync(string folder, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CommsProcess.ToolDll, "serve", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = ChildProcess.Start(start);
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                serving.TrySetException(new InvalidOperationException("comms serve exited:\n" + string.Join('\n', log)));
                return;
            }

            log.Enqueue(e.Data);
            if (ServingLine().Match(e.Data) is { Success: true } m)
            {
                serving.TrySetResult(m.Groups[1].Value);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServeProcess(process, await serving.Task.WaitAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false), log);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
