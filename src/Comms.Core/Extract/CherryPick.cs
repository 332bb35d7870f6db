using System.Globalization;
using System.Text.RegularExpressions;

namespace Comms.Core.Extract;

/// <summary>
/// The one cherry-pick rule, used by collection and extraction alike: a PR opened by one of the configured bots
/// (<c>notes.cherry_pick_bots</c>) whose body says "cherry pick of #N" (with or without "automated") takes PR #N's author.
/// </summary>
public static partial class CherryPick
{
    [GeneratedRegex(@"(?:automated[ -])?cherry[ -]pick of #(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();

    /// <summary>The original PR's number, when <paramref name="author"/> is a cherry-pick bot and the body names it.</summary>
    public static int? OriginalOf(string? author, string? body, IReadOnlyList<string> bots) =>
        author is not null && bots.Contains(author, StringComparer.OrdinalIgnoreCase) &&
        Pattern().Match(body ?? string.Empty) is { Success: true } match &&
        int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
}
