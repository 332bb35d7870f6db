using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comms.Core.Diagnostics;
using Comms.GitHub;
using Comms.GitHub.Fake;
using Comms.GitHub.Git;

// Requests per PR (cold and warm) against the fake GitHub, and the local range walk beside git log itself.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var work = Path.Combine(Path.GetTempPath(), "comms-bench-collect-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    Console.WriteLine("| release | run | range | requests | of which range | requests per PR | PRs per request |");
    Console.WriteLine("|---:|---|---|---:|---:|---:|---:|");
    foreach (var size in new[] { 1_000, 10_000 })
    {
        await using var fake = await FakeGitHub.StartAsync();
        FakeRelease.Synthetic(fake, size);
        var cache = Path.Combine(work, "cache-" + size.ToString(CultureInfo.InvariantCulture));
        foreach (var run in new[] { "cold", "warm" })
        {
            fake.ResetCounters();
            var diagnostics = new DiagnosticBag();
            var pulls = await GitHubCollector.CollectAsync(new CollectRequest
            {
                Repo = "example/project", From = "v1.0.0", To = "v1.1.0", ApiUrl = fake.ApiUrl, Token = fake.Token, CacheDir = cache,
            }, diagnostics);
            if (pulls.Count != size || diagnostics.HasErrors)
            {
                throw new InvalidOperationException($"collected {pulls.Count} of {size}: {string.Join('\n', diagnostics.Items)}");
            }

            var range = (size + 99) / 100;
            foreach (var (mode, requests) in new[] { ("GraphQL compare", fake.Requests), ("local clone (--git)", fake.Requests - range) })
            {
                Console.WriteLine($"| {size:N0} | {run} | {mode} | {requests} | {(mode.StartsWith("local", StringComparison.Ordinal) ? 0 : range)} | {(double)requests / size:0.0000} | {(double)size / requests:0.0} |");
            }
        }

        Console.WriteLine($"| {size:N0} | any | Kubernetes tool (one REST call per PR) | {size} | 0 | 1.0000 | 1.0 |");
    }

    var repo = Path.Combine(work, "repo");
    const int merges = 10_000;
    MakeRepo(repo, merges);
    var gitTimes = new List<double>();
    var walkTimes = new List<double>();
    var found = 0;
    for (var i = 0; i < 7; i++)
    {
        gitTimes.Add(Time(() => RunGit(repo, "log", "--first-parent", "--format=%H%x1f%B%x1e", "v0..main")));
        walkTimes.Add(Time(() => found = GitRange.Walk(repo, "v0", "main", new DiagnosticBag()).Count(c => c.PullNumber is not null)));
    }

    Console.WriteLine();
    Console.WriteLine($"Range walk over {merges:N0} merge commits ({found:N0} PRs found), median of 7:");
    Console.WriteLine($"- git log --first-parent: {Median(gitTimes):0} ms");
    Console.WriteLine($"- comms range walk: {Median(walkTimes):0} ms ({Median(walkTimes) / Median(gitTimes):0.00}x)");
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

static void RunGit(string repo, params string[] args)
{
    var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardInput = true, WorkingDirectory = repo };
    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    process.StandardOutput.BaseStream.CopyTo(Stream.Null);
    process.WaitForExit();
}

// A repository of `count` merge commits (each merging a one-commit branch), written with git fast-import.
static void MakeRepo(string repo, int count)
{
    Directory.CreateDirectory(repo);
    RunGit(repo, "init", "-q", "-b", "main");
    var stream = new StringBuilder();
    void Commit(string branch, int mark, string message, int? from, int? merge, string file)
    {
        var bytes = Encoding.UTF8.GetByteCount(message);
        stream.Append($"commit refs/heads/{branch}\nmark :{mark}\ncommitter Bench <bench@example.com> {1_700_000_000 + mark} +0000\ndata {bytes}\n{message}\n");
        if (from is { } f)
        {
            stream.Append($"from :{f}\n");
        }

        if (merge is { } m)
        {
            stream.Append($"merge :{m}\n");
        }

        stream.Append($"M 644 inline {file}\ndata {mark.ToString(CultureInfo.InvariantCulture).Length}\n{mark}\n\n");
    }

    Commit("main", 1, "Initial commit", null, null, "base.txt");
    stream.Append("reset refs/tags/v0\nfrom :1\n\n");
    var main = 1;
    for (var i = 1; i <= count; i++)
    {
        Commit("side", 2 * i, $"Change {i}\n\nDetails of change {i}.", main, null, $"f{i % 100}.txt");
        Commit("main", 2 * i + 1, $"Merge pull request #{i} from dev/branch-{i}\n\nChange {i}", main, 2 * i, "merges.txt");
        main = 2 * i + 1;
    }

    var start = new ProcessStartInfo("git") { RedirectStandardInput = true, RedirectStandardError = true, WorkingDirectory = repo };
    start.ArgumentList.Add("fast-import");
    start.ArgumentList.Add("--quiet");
    using var process = Process.Start(start)!;
    process.StandardInput.Write(stream.ToString());
    process.StandardInput.Close();
    process.StandardError.ReadToEnd();
    process.WaitForExit();
}
