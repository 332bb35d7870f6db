using Comms.Core.Diagnostics;
using Comms.Core.Sources;
using Comms.GitHub.Fake;
using Comms.GitHub.Output;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

public sealed class RoundTripTests
{
    [CorpusFact]
    public async Task Collected_corpus_pulls_match_the_REST_files_and_read_back_unchanged()
    {
        await using var harness = await Harness.StartAsync();
        var folder = Path.Combine(Repo.Kubernetes, "pulls-v1.25.3");
        FakeRelease.Fill(harness.Fake, FakeData.LoadFolder(folder));
        var (collected, _) = await harness.CollectAsync();
        var output = Path.Combine(harness.TempPath, "pulls.json");
        PullWriter.WriteFile(output, collected);

        var direct = PullFileReader.Read(folder, new DiagnosticBag()).Pulls;
        var back = PullFileReader.Read(output, new DiagnosticBag()).Pulls;

        Assert.Equal(127, back.Count);
        Assert.Equal(Strip(direct), Strip(back));
        Assert.Equal(Strip(collected), Strip(back));
    }

    private static object[] Strip(IEnumerable<Core.Model.PullRequest> pulls) =>
        pulls.OrderBy(p => p.Number)
            .Select(p => (object)(p with { Source = null, Labels = [], Body = p.Body }, string.Join('|', p.Labels)))
            .ToArray();
}
