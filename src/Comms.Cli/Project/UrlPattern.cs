using Comms.Core.Model;

namespace Comms.Cli.Project;

/// <summary>The URL patterns of comms.yaml: <c>{tag}</c> is the release's tag, <c>{version}</c> the same (the release folder's name).</summary>
public static class UrlPattern
{
    public static string Expand(string pattern, string tag) =>
        pattern.Replace("{tag}", Uri.EscapeDataString(tag), StringComparison.Ordinal)
            .Replace("{version}", Uri.EscapeDataString(tag), StringComparison.Ordinal)
            .Replace("{number}", SemVersion.TryParse(tag, out var v) ? v.Text : tag, StringComparison.Ordinal);
}
