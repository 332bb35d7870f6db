using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Comms.TestKit;

/// <summary>
/// Approved-file (snapshot) testing: compares text with <c>&lt;name&gt;.approved.&lt;ext&gt;</c> in an
/// <c>Approved</c> folder beside the calling test file. On a difference it writes
/// <c>&lt;name&gt;.received.&lt;ext&gt;</c> next to it and fails with the first differing lines; approve
/// a change by renaming received to approved (or run with <c>COMMS_APPROVE=1</c>).
/// </summary>
public static class Approvals
{
    public static void Verify(string text, string name, string extension = "md", [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        Directory.CreateDirectory(folder);
        var approved = Path.Combine(folder, $"{name}.approved.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("COMMS_APPROVE") == "1")
        {
            File.WriteAllText(approved, text, new UTF8Encoding(false));
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, text, new UTF8Encoding(false));
        throw new XunitException(expected is null
            ? $"No approved file yet: review {received} and rename it to {Path.GetFileName(approved)}."
            : $"Output differs from {approved} (received: {received}).\n{FirstDifference(expected, text)}");
    }

    /// <summary>
    /// Approved digests for outputs built from data the repository must not hold (the corpus): the approved file lists
    /// each output's SHA-256, never its text. On a difference the outputs are written under the system's temporary
    /// folder for review and the test names the files that changed; <c>COMMS_APPROVE=1</c> approves them.
    /// </summary>
    public static void VerifyDigests(IReadOnlyDictionary<string, string> outputs, string name, [CallerFilePath] string testFile = "")
    {
        var lines = outputs.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(p.Value.Replace("\r\n", "\n", StringComparison.Ordinal))))}  {p.Key}")
            .ToArray();
        var text = string.Join('\n', lines) + "\n";
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        var approved = Path.Combine(folder, $"{name}.approved.sha256");
        if (Environment.GetEnvironmentVariable("COMMS_APPROVE") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approved, text, new UTF8Encoding(false));
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == text)
        {
            return;
        }

        var review = Path.Combine(Path.GetTempPath(), "comms-received", name);
        foreach (var (file, content) in outputs)
        {
            var path = Path.Combine(review, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(false));
        }

        var before = (expected ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var changed = lines.Where(l => !before.Contains(l)).Select(l => l[66..]).ToArray();
        var gone = before.Select(l => l.Length > 66 ? l[66..] : l).Except(lines.Select(l => l[66..]), StringComparer.Ordinal).ToArray();
        throw new XunitException(expected is null
            ? $"No approved digests yet: review the outputs in {review} and run with COMMS_APPROVE=1."
            : $"Outputs differ from {approved}: changed {string.Join(", ", changed)}{(gone.Length > 0 ? $"; no longer made {string.Join(", ", gone)}" : string.Empty)}. Review them in {review}.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return $"first difference at line {i + 1}:\n- approved: {left}\n+ received: {right}";
            }
        }

        return "the files differ only in line endings";
    }
}
