using System.Diagnostics;
using Comms.Cli;
using Comms.Core.IO;
using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>A tiny release whose note names its run ("Alpha" or "Beta"), so drafts and pages tell which run wrote them.</summary>
internal static class OutputState
{
    public const string Version = "v1.0.0";

    public static string Pulls(TempDir temp, string run) =>
        temp.File($"{run}.json", "{\"7\": {\"pr_number\": 7, \"text\": \"" + run + " change to the kubelet\", \"kinds\": [\"feature\"], \"sigs\": [\"node\"], \"areas\": [\"kubelet\"]}}");

    /// <summary>A build of the English drafts only (the sample's comms.yaml also asks for German and Japanese), so the staging steps are the same set every run.</summary>
    public static string[] BuildArgs(string pulls, string output, string version = Version) =>
        ["build", "--pulls", pulls, "--version", version, "--out", output, "--locales", "en"];

    /// <summary>Builds in-process (from the repository root, for the default theme) and asserts success.</summary>
    public static void Build(TempDir temp, string run, string output)
    {
        var result = InRepo(() => CommsCli.Run(BuildArgs(Pulls(temp, run), output)));
        Assert.True(result.ExitCode == 0, result.Error);
    }

    public static T InRepo<T>(Func<T> action)
    {
        lock (CwdGate)
        {
            var before = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(Repo.Root);
            try
            {
                return action();
            }
            finally
            {
                Directory.SetCurrentDirectory(before);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> while no other test moves the working folder (a test that compares it before and after).</summary>
    public static T InPlace<T>(Func<T> action)
    {
        lock (CwdGate)
        {
            return action();
        }
    }

    private static readonly Lock CwdGate = new();

    /// <summary>Which runs wrote the drafts and pages (every file that names one).</summary>
    public static SortedSet<string> Runs(string output)
    {
        var runs = new SortedSet<string>(StringComparer.Ordinal);
        // What a reader sees: hidden (staging) entries are not part of it.
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(output, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.'))))
        {
            var text = File.ReadAllText(file);
            foreach (var run in new[] { "Alpha", "Beta" }.Where(r => text.Contains(r + " change", StringComparison.Ordinal)))
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>Asserts the drafts and the site both exist and come from <paramref name="run"/> alone.</summary>
    public static void AssertWholly(string output, string run, string because)
    {
        Assert.True(File.Exists(Path.Combine(output, "site", "release-1.0.0.html")), $"{because}: no site");
        Assert.True(File.Exists(Path.Combine(output, "release-notes", Version, "CHANGELOG.md")), $"{because}: no drafts");
        Assert.Contains(run + " change", File.ReadAllText(Path.Combine(output, "site", "release-1.0.0.html")), StringComparison.Ordinal);
        Assert.Contains(run + " change", File.ReadAllText(Path.Combine(output, "release-notes", Version, "CHANGELOG.md")), StringComparison.Ordinal);
        Assert.Equal([run], Runs(output));
    }

    /// <summary>Hidden entries a build leaves (the lock file, which stays, is not one).</summary>
    public static string[] Leftovers(string output)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(output))!;
        return Directory.EnumerateFileSystemEntries(output, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFileSystemEntries(parent))
            .Where(e => Path.GetFileName(e).StartsWith('.') && Path.GetFileName(e) != OutputLock.FileName)
            .Select(e => Path.GetRelativePath(parent, e))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The real comms command line in a child process, from the repository root.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CommsApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return ChildProcess.Start(start);
    }

    public static (int Code, string Out, string Error) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
