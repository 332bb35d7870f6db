using System.Globalization;
using Humanizer;

namespace Comms.Cli;

/// <summary>Counts in words the CLI prints ("1 release", "3 drafts"), with Humanizer's plurals.</summary>
public static class Plural
{
    public static string Count(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun.Pluralize(inputIsKnownToBeSingular: true));
}
