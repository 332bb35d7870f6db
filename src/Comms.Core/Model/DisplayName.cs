namespace Comms.Core.Model;

/// <summary>
/// Names shown to readers (SIGs, areas, kinds, authors): NFC-normalised, so one name in two Unicode forms is one
/// name, and stripped of bidirectional controls, which can make a name read differently from what it is.
/// </summary>
public static class DisplayName
{
    public static string Clean(string value)
    {
        // string.Normalize cannot compose under invariant globalization (which the tool runs with), so a managed NFC is used.
        var normal = value.All(char.IsAscii) ? value : ADRaffy.ENSNormalize.ENSNormalize.NF.NFC(value);
        if (!normal.Any(Invisible))
        {
            return normal;
        }

        return new string(normal.Where(c => !Invisible(c)).ToArray()).Trim();
    }

    /// <summary>Bidi controls, control characters (terminal escapes) and zero-width characters: nothing a reader could see.</summary>
    private static bool Invisible(char c) =>
        IsBidiControl(c) || char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069.</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
