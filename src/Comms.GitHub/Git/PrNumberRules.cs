using System.Globalization;
using System.Text.RegularExpressions;

namespace Comms.GitHub.Git;

/// <summary>
/// The PR number a commit message names, as Kubernetes reads it: the first match of
/// <c>Merge pull request #N</c>, <c>automated-cherry-pick-of-#N</c>, <c>(#N)</c> followed by a blank line and
/// <c>This reverts commit</c> (the revert PR wins over the reverted one), then <c>(#N)</c>.
/// </summary>
public static partial class PrNumberRules
{
    [GeneratedRegex(@"Merge pull request #(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MergeCommit();

    [GeneratedRegex(@"automated-cherry-pick-of-#(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CherryPick();

    [GeneratedRegex(@"\(#(\d+)\)[ \t]*\r?\n[ \t]*\r?\nThis reverts commit", RegexOptions.CultureInvariant)]
    private static partial Regex Revert();

    [GeneratedRegex(@"\(#(\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Squash();

    private static readonly Regex[] Rules = [MergeCommit(), CherryPick(), Revert(), Squash()];

    public static int? Find(string message)
    {
        foreach (var rule in Rules)
        {
            var match = rule.Match(message);
            if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return number;
            }
        }

        return null;
    }
}
