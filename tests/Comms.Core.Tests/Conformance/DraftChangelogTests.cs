using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Core.Tests.Conformance;

/// <summary>(b) The strict Kubernetes changelog of sig-release-1.34's draft JSON reproduces its Markdown.</summary>
public sealed class DraftChangelogTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(Repo.Kubernetes, "sig-release-1.34");

    [CorpusFact]
    public void Strict_changelog_reproduces_the_draft_markdown()
    {
        var diagnostics = new DiagnosticBag();
        var notes = NotesJsonReader.ReadFile(Path.Combine(Folder, "release-notes-draft.json"), diagnostics);
        Assert.NotNull(notes);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));

        var rendered = Lines(new KubernetesChangelog(CommsConfig.Kubernetes, new ChangelogOptions { Strict = true }).Render(notes));
        var draft = Lines(File.ReadAllText(Path.Combine(Folder, "release-notes-draft.md")));

        var multiset = MultisetMatches(draft, rendered);
        var lcs = LongestCommonSubsequence(draft, rendered);
        output.WriteLine($"draft lines {draft.Length}, rendered lines {rendered.Length}");
        output.WriteLine($"multiset match {multiset}/{draft.Length} ({100.0 * multiset / draft.Length:F1}%)");
        output.WriteLine($"longest common subsequence {lcs}/{draft.Length} ({100.0 * lcs / draft.Length:F1}%)");
        foreach (var missing in Missing(draft, rendered))
        {
            output.WriteLine($"not reproduced: {(missing.Length > 120 ? missing[..120] + "…" : missing)}");
        }

        Assert.True(multiset * 100 >= draft.Length * 99, $"only {multiset} of {draft.Length} draft lines reproduced");
        Assert.True(lcs <= multiset);
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();

    private static int MultisetMatches(string[] expected, string[] actual)
    {
        var pool = actual.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var matched = 0;
        foreach (var line in expected)
        {
            if (pool.TryGetValue(line, out var left) && left > 0)
            {
                pool[line] = left - 1;
                matched++;
            }
        }

        return matched;
    }

    private static IEnumerable<string> Missing(string[] expected, string[] actual)
    {
        var pool = actual.ToList();
        foreach (var line in expected)
        {
            if (!pool.Remove(line))
            {
                yield return line;
            }
        }
    }

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
