using System.Diagnostics;
using Comms.Cli;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// The native tool (NativeAOT) builds the sample byte for byte as the JIT-compiled tool does: every draft, the whole site
/// and the console output. Publishing it takes minutes, so the suite does not publish: the test runs when a published tool
/// is there (<c>COMMS_NATIVE</c> names it, else <c>artifacts/native/comms</c> from
/// <c>dotnet publish src/Comms.Cli -c Release -r linux-x64 -o artifacts/native</c>) and is skipped with that message
/// otherwise. <c>bench/native/check.sh</c> publishes it and checks more (1,000 synthetic PRs, <c>comms serve</c>).
/// </summary>
public sealed class NativeToolTests
{
    [NativeFact]
    public void The_native_tool_builds_the_sample_as_the_JIT_tool_does()
    {
        using var temp = new TempDir();
        var jit = SampleCopy(Path.Combine(temp.Path, "jit"));
        var native = SampleCopy(Path.Combine(temp.Path, "native"));
        string[] build = ["build", "--now", "2026-12-01T00:00:00Z"];
        var fromJit = Run("dotnet", [typeof(CommsApp).Assembly.Location, .. build], jit);
        var fromNative = Run(NativeFactAttribute.Tool!, build, native);

        Assert.Equal(fromJit, fromNative);
        var files = Files(jit);
        Assert.Equal(files, Files(native));
        Assert.Contains(Path.Combine("release-notes", "v2.4.0", "CHANGELOG.md"), files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(jit, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native, file))), $"{file} differs");
        }
    }

    /// <summary>The sample project as committed (its content, release notes and theme) in a folder of its own.</summary>
    private static string SampleCopy(string folder)
    {
        foreach (var part in new[] { "content", "release-notes", "themes" })
        {
            var from = Path.Combine(Repo.Root, part);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(folder, part, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return folder;
    }

    private static string[] Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();

    private static (int Code, string Out, string Error) Run(string tool, IEnumerable<string> args, string folder)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}

/// <summary>A fact that runs only when a published native tool is there (see <see cref="NativeToolTests"/>).</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public static string? Tool { get; } =
        Environment.GetEnvironmentVariable("COMMS_NATIVE") is { Length: > 0 } named ? Path.GetFullPath(named)
        : File.Exists(Path.Combine(Repo.Root, "artifacts", "native", "comms")) ? Path.Combine(Repo.Root, "artifacts", "native", "comms")
        : null;

    public NativeFactAttribute()
    {
        if (Tool is null || !File.Exists(Tool))
        {
            Skip = "No published native tool: run `dotnet publish src/Comms.Cli -c Release -r linux-x64 -o artifacts/native` " +
                   "(or set COMMS_NATIVE to one) to compare it with the JIT-compiled tool.";
        }
    }
}
