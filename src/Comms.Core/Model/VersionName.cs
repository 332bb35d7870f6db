using System.Text.RegularExpressions;

namespace Comms.Core.Model;

/// <summary>
/// What a release may be called where the name becomes a folder or a page: Semantic Versioning 2.0.0 with an
/// optional <c>v</c> (<c>v1.28.0</c>, <c>1.28.0-rc.1</c>, <c>1.28.0+build.5</c>), at most 64 characters.
/// </summary>
public static partial class VersionName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    /// <summary>The page key of a version: without <c>v</c>, lower case (two releases with one key would share a page).</summary>
    public static string Key(string name) => (name.StartsWith('v') || name.StartsWith('V') ? name[1..] : name).ToLowerInvariant();

    [GeneratedRegex(@"\A[vV]?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
