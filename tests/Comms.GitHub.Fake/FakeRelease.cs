using System.Globalization;
using System.Text.Json.Nodes;

namespace Comms.GitHub.Fake;

/// <summary>Fills the fake with a release: its pulls, and one merge commit per pull in the compare history.</summary>
public static class FakeRelease
{
    public static void Fill(FakeGitHub fake, IEnumerable<JsonObject> pulls)
    {
        foreach (var pull in pulls)
        {
            fake.Add(pull);
            var number = (int)pull["number"]!;
            var n = number.ToString(CultureInfo.InvariantCulture);
            fake.Commits.Add(new FakeCommit(FakeData.Sha(number), $"Merge pull request #{n} from someone/branch-{n}\n\n{pull["title"]}", number));
        }
    }

    public static void Synthetic(FakeGitHub fake, int count, int first = 1000) =>
        Fill(fake, Enumerable.Range(first, count).Select(n => FakeData.Synthetic(n)));
}
