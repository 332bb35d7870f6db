namespace Comms.Core.Model;

/// <summary>
/// Orders version strings as semantic versions (see <see cref="SemVersion"/>): v1.9.0 before v1.10.0,
/// pre-releases before their release. Text that is not a version sorts after every version, by ordinal.
/// </summary>
public sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var okX = SemVersion.TryParse(x, out var vx);
        var okY = SemVersion.TryParse(y, out var vy);
        var byVersion = (okX, okY) switch
        {
            (true, true) => vx.CompareTo(vy),
            (true, false) => -1,
            (false, true) => 1,
            _ => 0,
        };
        return byVersion != 0 ? byVersion : string.CompareOrdinal(x, y);
    }
}
