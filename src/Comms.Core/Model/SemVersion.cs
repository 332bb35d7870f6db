using Comms.Core.Model;
using System.Globalization;

namespace Comms.Core.Model;

/// <summary>
/// A release version ordered the semantic-versioning way: <c>v</c> prefix optional, numeric parts compared
/// as numbers, and a pre-release (<c>1.25.0-alpha.3</c>, <c>-beta.0</c>, <c>-rc.1</c>) before its release.
/// </summary>
public sealed class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private SemVersion(string text, long[] numbers, string[] pre)
    {
        Text = text;
        Numbers = numbers;
        PreRelease = pre;
    }

    /// <summary>The version as written, without a leading <c>v</c>.</summary>
    public string Text { get; }

    public IReadOnlyList<long> Numbers { get; }

    public IReadOnlyList<string> PreRelease { get; }

    public bool IsPreRelease => PreRelease.Count > 0;

    public static bool TryParse(string? value, out SemVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (text.StartsWith('v') || text.StartsWith('V'))
        {
            text = text[1..];
        }

        var core = text;
        var plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            core = core[..plus];
        }

        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? core[(dash + 1)..].Split('.') : [];
        var parts = (dash >= 0 ? core[..dash] : core).Split('.');
        if (parts.Length is < 1 or > 4 || pre.Any(p => p.Length == 0))
        {
            return false;
        }

        var numbers = new long[3];
        var all = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            all.Add(n);
        }

        for (var i = 0; i < all.Count && i < numbers.Length; i++)
        {
            numbers[i] = all[i];
        }

        version = new SemVersion(text, all.Count > 3 ? [.. all] : numbers, pre);
        return true;
    }

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Max(Numbers.Count, other.Numbers.Count); i++)
        {
            var c = (i < Numbers.Count ? Numbers[i] : 0).CompareTo(i < other.Numbers.Count ? other.Numbers[i] : 0);
            if (c != 0)
            {
                return c;
            }
        }

        if (PreRelease.Count == 0 || other.PreRelease.Count == 0)
        {
            return (PreRelease.Count == 0, other.PreRelease.Count == 0) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                _ => -1,
            };
        }

        for (var i = 0; i < Math.Min(PreRelease.Count, other.PreRelease.Count); i++)
        {
            var c = ComparePart(PreRelease[i], other.PreRelease[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return PreRelease.Count.CompareTo(other.PreRelease.Count);
    }

    private static int ComparePart(string a, string b)
    {
        var aNum = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
        var bNum = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        return (aNum, bNum) switch
        {
            (true, true) => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }

    /// <summary>Equal when they order the same: <c>1.0</c>, <c>1.0.0</c> and <c>v1.0.0</c> are one version (build metadata aside).</summary>
    public bool Equals(SemVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemVersion other && Equals(other);

    /// <summary>Consistent with <see cref="Equals(SemVersion?)"/>: missing and trailing zero parts do not count.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        var significant = Numbers.Count;
        while (significant > 0 && Numbers[significant - 1] == 0)
        {
            significant--;
        }

        for (var i = 0; i < significant; i++)
        {
            hash.Add(Numbers[i]);
        }

        foreach (var part in PreRelease)
        {
            hash.Add(long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : part, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Text;

    public static bool operator <(SemVersion a, SemVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(SemVersion a, SemVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(SemVersion a, SemVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(SemVersion a, SemVersion b) => a.CompareTo(b) >= 0;

    public static bool operator ==(SemVersion? a, SemVersion? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(SemVersion? a, SemVersion? b) => !(a == b);
}
