using System.Globalization;
using Comms.Core.Diagnostics;
using Comms.Templates;

namespace Comms.Locales.Tests;

/// <summary>
/// The phrase tables carry their culture's names and separators, so the tool writes the same dates and numbers on every
/// machine; here each shipped table is checked against .NET's culture data (ICU) for its language.
/// </summary>
public sealed class CultureDataTests
{
    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "themes", "default", Phrases.Folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    private static Phrases Load(string locale)
    {
        var bag = new DiagnosticBag();
        var table = Phrases.Load(new Theme([Path.Combine(AppContext.BaseDirectory, "themes", "default")]), locale, bag);
        Assert.True(table is not null && bag.Items.Count == 0, string.Join("\n", bag.Items));
        return table!;
    }

    [Fact]
    public void The_culture_data_is_there_to_check_against()
    {
        Assert.False(CultureInfo.GetCultureInfo("de").DateTimeFormat.MonthNames[0] == CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[0],
            "this test project reads ICU's culture data; install libicu");
        var shipped = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "themes", "default", Phrases.Folder), "*.yaml").Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.Contains("en", shipped);
        Assert.Contains("de", shipped);
        Assert.Contains("ja", shipped);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Names_and_separators_are_the_cultures(string locale)
    {
        var table = Load(locale);
        var culture = CultureInfo.GetCultureInfo(locale);
        var dates = culture.DateTimeFormat;
        Assert.Equal(string.Join('|', dates.MonthGenitiveNames.Take(12)), table.Text("culture.months"));
        Assert.Equal(string.Join('|', dates.AbbreviatedMonthNames.Take(12)), table.Text("culture.months_short"));
        Assert.Equal(string.Join('|', dates.DayNames), table.Text("culture.days"));
        Assert.Equal(string.Join('|', dates.AbbreviatedDayNames), table.Text("culture.days_short"));
        Assert.Equal(culture.NumberFormat.NumberDecimalSeparator, table.Text("culture.decimal"));
        Assert.Equal(culture.NumberFormat.NumberGroupSeparator, table.Text("culture.group"));
        Assert.Equal(dates.LongDatePattern, table.Text("format.long_date"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Dates_and_numbers_read_as_the_culture_writes_them(string locale)
    {
        var table = Load(locale);
        var culture = CultureInfo.GetCultureInfo(locale);
        var day = new DateOnly(2025, 8, 27);
        // The table's long date is the culture's own; its short form is the same date without the weekday.
        Assert.Equal(day.ToString("D", culture), day.ToString(table.Text("format.long_date"), table.Culture));
        Assert.Contains(day.ToString(table.Text("format.date"), table.Culture), day.ToString("D", culture), StringComparison.Ordinal);
        Assert.Equal(1234567.ToString("N0", culture), 1234567.ToString("N0", table.Culture));
    }
}
