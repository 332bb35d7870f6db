using System.Globalization;
using Comms.Core.Model;

namespace Comms.Core.Config;

/// <summary>
/// The URL patterns of comms.yaml (<c>changelog_url</c>, <c>download_url</c>): <c>{tag}</c> and <c>{version}</c>
/// are the release's tag (the release folder's name, e.g. <c>v1.34.0</c>), <c>{number}</c> the same without
/// the <c>v</c> (<c>1.34.0</c>), <c>{minor}</c> its major.minor (<c>1.34</c>).
/// </summary>
public static class UrlPattern
{
    public static string Expand(string pattern, string tag)
    {
        var parsed = SemVersion.TryParse(tag, out var v);
        var minor = parsed && v.Numbers.Count >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{v.Numbers[0]}.{v.Numbers[1]}") : tag;
        return pattern.Replace("{tag}", Uri.EscapeDataString(tag), StringComparison.Ordinal)
            .Replace("{version}", Uri.EscapeDataString(tag), StringComparison.Ordinal)
            .Replace("{number}", Uri.EscapeDataString(parsed ? v.Text : tag), StringComparison.Ordinal)
            .Replace("{minor}", Uri.EscapeDataString(minor), StringComparison.Ordinal);
    }
}
