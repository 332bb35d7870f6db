using System.Diagnostics;
using System.Text;

namespace Comms.TestKit;

/// <summary>
/// Runs the built <c>comms</c> tool (and other programs) as a real process in a given folder, for tests of
/// commands that work on the current folder (init, build of a project, the publish workflow's steps).
/// </summary>
public static class CommsProcess
{
    /// <summary>The tool built from source, beside the test assembly.</summary>
    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "comms.dll");

    public static CliResult Run(string folder, IReadOnlyDictionary<string, string>? env, params string[] args) =>
        Exec("dotnet", folder, env, [ToolDll, .. args]);

    /// <summary>A <c>comms</c> script in <paramref name="binFolder"/> that runs the tool built from source.</summary>
    public static void WriteShim(string binFolder)
    {
        Directory.CreateDirectory(binFolder);
        var shim = Path.Combine(binFolder, "comms");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet \"{ToolDll}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// How a test starts <paramref name="program"/>: in <paramref name="folder"/>, output and errors read as UTF-8, the
    /// .NET banner and telemetry off, <paramref name="env"/> added to the environment.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, string folder, IReadOnlyDictionary<string, string>? env, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public static CliResult Exec(string program, string folder, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var start = StartInfo(program, folder, env, args);
        using var process = ChildProcess.Start(start);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs git in <paramref name="folder"/> and fails the test when it fails.</summary>
    public static string Git(string folder, params string[] args)
    {
        var result = Exec("git", folder, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Test", ["GIT_AUTHOR_EMAIL"] = "test@example.org",
            ["GIT_COMMITTER_NAME"] = "Test", ["GIT_COMMITTER_EMAIL"] = "test@example.org",
            ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        }, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {result.Error}");
        }

        return result.Out;
    }
}
