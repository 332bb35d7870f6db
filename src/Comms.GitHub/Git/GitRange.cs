using System.Diagnostics;
using System.Text;
using Comms.Core.Diagnostics;

namespace Comms.GitHub.Git;

/// <summary>A commit on the first-parent history of the release and the PR its message names.</summary>
public sealed record RangeCommit(string Sha, int? PullNumber, string Subject);

/// <summary>
/// Walks the first-parent history from <c>to</c> back to where it meets <c>from</c>'s history with one
/// <c>git log</c> process, and reads PR numbers from the messages (<see cref="PrNumberRules"/>).
/// </summary>
public static class GitRange
{
    private const char RecordEnd = '\u001e';
    private const char FieldEnd = '\u001f';

    public static IReadOnlyList<RangeCommit> Walk(string clone, string from, string to, DiagnosticBag diagnostics, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "-C", clone, "log", "--first-parent", "--no-color", "--format=%H%x1f%B%x1e", "--end-of-options", $"{from}..{to}", "--" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            diagnostics.Error(GitHubCodes.GitFailed, "cannot run git: install git, or leave out --git to read the range from GitHub", clone);
            return [];
        }

        using (process)
        using (ct.Register(() => TryKill(process)))
        {
            var errorTask = process.StandardError.ReadToEndAsync(ct);
            var commits = Parse(process.StandardOutput);
            process.WaitForExit();
            var error = errorTask.GetAwaiter().GetResult().Trim();
            ct.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                var code = error.Contains("unknown revision", StringComparison.Ordinal) || error.Contains("bad revision", StringComparison.Ordinal) ||
                           error.Contains("ambiguous argument", StringComparison.Ordinal)
                    ? GitHubCodes.GitRefUnknown
                    : GitHubCodes.GitFailed;
                var first = error.Split('\n')[0].Trim();
                diagnostics.Error(code, code == GitHubCodes.GitRefUnknown
                    ? $"git does not know {from} or {to} ({first}); fetch the tags (git fetch --tags) or check the refs"
                    : $"git log failed: {first}", clone);
                return [];
            }

            return commits;
        }
    }

    /// <summary>Reads <c>sha US message RS</c> records as they stream, so memory stays small on long histories.</summary>
    internal static List<RangeCommit> Parse(TextReader reader)
    {
        var commits = new List<RangeCommit>();
        var record = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            int end;
            while ((end = span.IndexOf(RecordEnd)) >= 0)
            {
                record.Append(span[..end]);
                Add(record.ToString(), commits);
                record.Clear();
                span = span[(end + 1)..];
            }

            record.Append(span);
        }

        Add(record.ToString(), commits);
        return commits;
    }

    private static void Add(string record, List<RangeCommit> commits)
    {
        record = record.TrimStart('\n', '\r');
        var split = record.IndexOf(FieldEnd, StringComparison.Ordinal);
        if (split <= 0)
        {
            return;
        }

        var message = record[(split + 1)..];
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        commits.Add(new RangeCommit(record[..split], PrNumberRules.Find(message), newline < 0 ? message.Trim() : message[..newline].Trim()));
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
