using System.Globalization;

namespace Comms.Core.Model;

/// <summary>
/// Orders release versions as semantic versions, not strings: v1.9.0 before v1.10.0, and pre-releases
/// (1.25.0-alpha.3, -beta.0, -rc.1) before the release they lead to. A leading "v" is optional.
/// </summary>
public sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var (coreX, preX) = Split(x);
        var (coreY, preY) = Split(y);
        for (var i = 0; i < Math.Max(coreX.Length, coreY.Length); i++)
        {
            var c = Part(coreX, i).CompareTo(Part(coreY, i));
            if (c != 0)
            {
                return c;
            }
        }

        if (preX.Length == 0 || preY.Length == 0)
        {
            return preY.Length.CompareTo(preX.Length) is var p && p != 0 ? p : string.CompareOrdinal(x, y);
        }

        var idsX = preX.Split('.');
        var idsY = preY.Split('.');
        for (var i = 0; i < Math.Min(idsX.Length, idsY.Length); i++)
        {
            var numX = long.TryParse(idsX[i], NumberStyles.None, CultureInfo.InvariantCulture, out var nx);
            var numY = long.TryParse(idsY[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ny);
            var c = (numX, numY) switch
            {
                (true, true) => nx.CompareTo(ny),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(idsX[i], idsY[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return idsX.Length.CompareTo(idsY.Length) is var l && l != 0 ? l : string.CompareOrdinal(x, y);
    }

    private static (long[] Core, string Pre) Split(string version)
    {
        var v = version.Trim().TrimStart('v', 'V');
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            v = v[..plus];
        }

        var dash = v.IndexOf('-', StringComparison.Ordinal);
        var core = dash >= 0 ? v[..dash] : v;
        var pre = dash >= 0 ? v[(dash + 1)..] : string.Empty;
        return (core.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray(), pre);
    }

    private static long Part(long[] parts, int i) => i < parts.Length ? parts[i] : 0;
}
