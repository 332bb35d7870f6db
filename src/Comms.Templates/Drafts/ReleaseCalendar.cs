using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Comms.Templates.Drafts;

/// <summary>
/// The comms plan as an iCalendar file (RFC 5545, written by Ical.Net): one event per milestone, comms task and
/// feature blog, whole days except the embargo (an instant). Stable across builds: uids from the release and the milestone,
/// the stamp from the release's own dates, never the clock.
/// </summary>
public static class ReleaseCalendar
{
    public static string Write(IReadOnlyList<Milestone> milestones, string project, string version, DateOnly? releaseDate)
    {
        var calendar = new Calendar { ProductId = $"-//{project}//Comms release plan//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"{project} {version} comms plan");
        var stampDay = releaseDate ?? (milestones.Count > 0 ? milestones.Min(m => m.Date) : new DateOnly(2000, 1, 1));
        var stamp = new CalDateTime(new DateTime(stampDay.Year, stampDay.Month, stampDay.Day, 0, 0, 0, DateTimeKind.Utc), "UTC");
        var host = CyclePlan.Slug(project) + "-" + CyclePlan.Slug(version);
        foreach (var m in milestones)
        {
            var e = new CalendarEvent
            {
                Uid = $"{m.Key}@{host}.comms",
                Summary = m.Title,
                Description = m.Description,
                DtStamp = stamp,
            };
            if (m.At is { } at)
            {
                // An instant: no end (RFC 5545 3.6.1, an event that takes no time).
                e.DtStart = new CalDateTime(at.UtcDateTime, "UTC");
            }
            else
            {
                // A whole day: without an end it is that one day (RFC 5545 3.6.1).
                e.DtStart = new CalDateTime(m.Date);
            }

            e.Categories = [m.Kind];
            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
