using System.Globalization;
using Comms.Core.Config;

namespace Comms.Core.Changelog;

/// <summary>SIG display names as Kubernetes prints them: <c>api-machinery</c> is "API Machinery".</summary>
public static class SigNames
{
    public static string Display(string sig, CommsConfig config)
    {
        if (config.SigDisplayNames.TryGetValue(sig, out var name))
        {
            return name;
        }

        var parts = sig.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = config.SigWords.TryGetValue(parts[i], out var word) ? word : TitleCase(parts[i]);
        }

        return string.Join(' ', parts);
    }

    /// <summary>"SIG Node", or "WG LTS" for a working group (<c>wg-lts</c>), as the launch post names who led the work.</summary>
    public static string Group(string sig, CommsConfig config) =>
        sig.StartsWith("wg-", StringComparison.Ordinal) && sig.Length > 3 ? "WG " + Display(sig[3..], config) : "SIG " + Display(sig, config);

    /// <summary>"SIG A, B and C" with the SIGs sorted; empty when there are none.</summary>
    public static string Label(IEnumerable<string> sigs, CommsConfig config)
    {
        var names = sigs.Order(StringComparer.Ordinal).Select(s => Display(s, config)).ToList();
        return names.Count == 0 ? string.Empty : "SIG " + JoinAnd(names);
    }

    /// <summary>Joins with ", " and a final " and ".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
