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

    /// <summary>
    /// "SIG Node", "WG Device Management", "Security Response Committee": the name the project's list of groups gives;
    /// a key the list does not hold is shown as written (the build warns about it), never made into a group name.
    /// </summary>
    public static string Group(string sig, CommsConfig config)
    {
        if (config.SigDisplayNames.TryGetValue(sig, out var name))
        {
            return "SIG " + name;
        }

        return config.Groups.Find(sig)?.Display ?? sig;
    }

    /// <summary>Whether the project's list of groups (or comms.yaml's names) knows the key.</summary>
    public static bool Known(string sig, CommsConfig config) => config.SigDisplayNames.ContainsKey(sig) || config.Groups.Find(sig) is not null;

    /// <summary>The Kubernetes changelog's label, "[SIG A, B and C]", as the release-notes tool writes it (title-cased keys).</summary>
    public static string ChangelogLabel(IEnumerable<string> sigs, CommsConfig config)
    {
        var names = sigs.Order(StringComparer.Ordinal).Select(s => Display(s, config)).ToList();
        return names.Count == 0 ? string.Empty : "SIG " + JoinAnd(names);
    }

    /// <summary>"SIG A, B and C" with the SIGs sorted (each group by its own name when they are not all SIGs); empty when there are none.</summary>
    public static string Label(IEnumerable<string> sigs, CommsConfig config)
    {
        var keys = sigs.Order(StringComparer.Ordinal).ToList();
        var groups = keys.Select(k => Group(k, config)).ToList();
        if (groups.Count > 0 && groups.All(g => g.StartsWith("SIG ", StringComparison.Ordinal)))
        {
            return "SIG " + JoinAnd(groups.Select(g => g[4..]).ToList());
        }

        return JoinAnd(groups);
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
