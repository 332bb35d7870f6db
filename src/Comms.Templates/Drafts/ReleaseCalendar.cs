using System.Globalization;
using System.Text;

namespace Comms.Templates.Drafts;

/// <summary>
/// The comms plan as an iCalendar file (RFC 5545): one event per milestone, comms task and feature blog, whole days
/// except the embargo (an instant). Stable across builds: uids from the release and the milestone, the stamp from the
/// release's own dates, never the clock.
/// </summary>
/// <remarks>
/// Written here rather than by Ical.Net, whose serializer creates its objects by reflection and cannot be trimmed
/// (the tool ships as NativeAOT). The text is what Ical.Net 5.2 wrote, byte for byte: CRLF line ends, properties of a
/// component in name order, TEXT values with newlines, semicolons and commas escaped (a blank value as it is), lines
/// folded at 75 UTF-8 octets with a space at the start of each continuation.
/// </remarks>
public static class ReleaseCalendar
{
    private const string LineBreak = "\r\n";
    private const int LineLength = 75;

    public static string Write(IReadOnlyList<Milestone> milestones, string project, string version, DateOnly? releaseDate, string name)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "PRODID:" + Escape($"-//{project}//Comms//EN"));
        Line(text, "VERSION:2.0");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        var stampDay = releaseDate ?? (milestones.Count > 0 ? milestones.Min(m => m.Date) : new DateOnly(2000, 1, 1));
        var stamp = stampDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z";
        var host = CyclePlan.Slug(project) + "-" + CyclePlan.Slug(version);
        foreach (var m in milestones)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "CATEGORIES:" + Escape(m.Kind));
            Line(text, "DESCRIPTION:" + Escape(m.Description));
            Line(text, "DTSTAMP:" + stamp);

            // An instant has no end (RFC 5545 3.6.1, an event that takes no time); a whole day without an end is that one day.
            Line(text, m.At is { } at
                ? "DTSTART:" + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
                : "DTSTART;VALUE=DATE:" + m.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(text, "SEQUENCE:0");
            Line(text, "SUMMARY:" + Escape(m.Title));
            Line(text, "UID:" + Escape($"{m.Key}@{host}.comms"));
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 3.3.11) as Ical.Net escapes it: a blank value is written as it is.</summary>
    private static string Escape(string value) => string.IsNullOrWhiteSpace(value)
        ? value
        : value.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);

    /// <summary>One content line, folded at 75 octets (RFC 5545 3.1): a char that does not fit starts the next line, after a space.</summary>
    private static void Line(StringBuilder text, string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= LineLength)
        {
            text.Append(line).Append(LineBreak);
            return;
        }

        var bytes = 0;
        foreach (var ch in line)
        {
            var size = Encoding.UTF8.GetByteCount([ch]);
            if (bytes + size > LineLength)
            {
                text.Append(LineBreak).Append(' ');
                bytes = 1;
            }

            text.Append(ch);
            bytes += size;
        }

        text.Append(LineBreak);
    }
}
