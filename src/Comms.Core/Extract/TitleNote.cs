using System.Text.RegularExpressions;
using Comms.Core.Config;

namespace Comms.Core.Extract;

/// <summary>
/// A pull-request title read as a note: a Conventional Commit prefix (<c>feat(api)!: add x</c>) gives the kind, the
/// scope (an area) and whether it breaks; the rest, its first letter capitalised, is the text.
/// </summary>
public sealed partial record TitleNote(string Text, string? Kind, string? Scope, bool Breaking)
{
    public static TitleNote Read(string? title, NotesConfig rules)
    {
        var text = (title ?? string.Empty).Trim();
        var match = Prefix().Match(text);
        if (!match.Success)
        {
            return new TitleNote(Capitalise(text), null, null, false);
        }

        var type = match.Groups["type"].Value.ToLowerInvariant();
        var kind = rules.TitlePrefixes.TryGetValue(type, out var k) ? k : null;
        if (kind is null)
        {
            // Not a type the project knows ("Note: ..."): the title stays as it is.
            return new TitleNote(Capitalise(text), null, null, false);
        }

        var scope = match.Groups["scope"].Success ? match.Groups["scope"].Value.Trim().ToLowerInvariant() : null;
        return new TitleNote(Capitalise(match.Groups["rest"].Value.Trim()), kind, string.IsNullOrEmpty(scope) ? null : scope, match.Groups["bang"].Success);
    }

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]{0,50})\))?(?<bang>!)?:\s+(?<rest>\S.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Prefix();
}
