using System.Text.Json;
using Comms.Core.IO;
using Comms.Core.Model;

namespace Comms.GitHub.Output;

/// <summary>Writes pull requests as a JSON array of GitHub REST pull objects, sorted by number; <c>comms notes --pulls</c> reads it.</summary>
public static class PullWriter
{
    public static string Write(IEnumerable<PullRequest> pulls)
    {
        var list = pulls.OrderBy(p => p.Number).Select(RestPull.From).ToList();
        return JsonSerializer.Serialize(list, GitHubJsonContext.Default.ListRestPull).ReplaceLineEndings("\n") + "\n";
    }

    public static void WriteFile(string path, IEnumerable<PullRequest> pulls) => AtomicFile.WriteAllText(path, Write(pulls));
}
