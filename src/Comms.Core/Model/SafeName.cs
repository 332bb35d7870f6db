using System.Text.RegularExpressions;

namespace Comms.Core.Model;

/// <summary>Names that become file names as they are (audience ids, SIG keys): a safe slug alphabet with a length limit.</summary>
public static partial class SafeName
{
    public const int MaxLength = 40;

    public const string Rule = "1 to 40 characters of a-z, 0-9 and single dashes, starting and ending with a letter or digit";

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
