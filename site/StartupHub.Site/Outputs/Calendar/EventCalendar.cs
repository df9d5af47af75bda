using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;
using EventStatus = StartupHub.Site.Content.EventStatus;
using IcalCalendar = Ical.Net.Calendar;
using VTimeZoneInfo = Ical.Net.VTimeZoneInfo;

namespace StartupHub.Site.Outputs.Calendar;

/// <summary>
/// Builds iCalendar (RFC 5545) text for events with Ical.Net.
/// Stability: UIDs are <c>{slug}@{site.yml host}</c> (the preview base URL does not change them), and
/// DTSTAMP/LAST-MODIFIED come from the event's own data (its page's last-modified time from the render
/// phase, else publish_date, else the registration opening, else the start) — never from "now" — so an
/// unchanged event yields byte-identical output and calendar apps do not see phantom updates.
/// </summary>
internal static class EventCalendar
{

    public static string Serialize(
        IEnumerable<Event> events,
        SiteContent content,
        Uri baseUrl,
        PageDates dates,
        string calendarName)
    {
        var calendar = new IcalCalendar
        {
            ProductId = "-//Chiba Startup Hub//StartupHub.Site//JA",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", Jst.TimeZoneId);
        calendar.AddProperty("X-WR-CALDESC", content.Settings.Description);
        calendar.AddTimeZone(JapanTimeZone());

        foreach (var e in events.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal))
        {
            calendar.Events.Add(ToComponent(e, content, baseUrl, dates.Of(e)));
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? "";
    }

    public static string Uid(Event e, SiteContent content) => $"{e.Slug}@{content.Settings.BaseUrl.Host}";

    private static CalendarEvent ToComponent(Event e, SiteContent content, Uri baseUrl, DateTimeOffset? lastModified)
    {
        var stamp = lastModified ?? e.Publishing.PublishDate ?? e.Registration?.Opens ?? e.Start;
        var pageUrl = SiteUrls.Absolute(baseUrl, SiteUrls.EventPath(e));
        var component = new CalendarEvent
        {
            Uid = Uid(e, content),
            DtStamp = Utc(stamp),
            LastModified = Utc(stamp),
            DtStart = Local(e.Start),
            DtEnd = Local(e.End),
            Summary = e.Status == EventStatus.Postponed ? "【延期】" + e.Title : e.Title,
            Location = Venues.Location(e, content),
            Description = Describe(e, pageUrl),
            Url = new Uri(pageUrl),
            Status = e.Status switch
            {
                EventStatus.Cancelled => EventStatus.Cancelled.ToString().ToUpperInvariant(),
                EventStatus.Postponed => "TENTATIVE",
                _ => "CONFIRMED",
            },

            // A cancellation is a revision: a higher SEQUENCE makes subscribed calendars replace the old copy.
            Sequence = e.Status == EventStatus.Scheduled ? 0 : 1,
        };
        component.Categories.Add(Labels.Of(e.Series));
        return component;
    }

    private static string Describe(Event e, string pageUrl)
    {
        var text = new StringBuilder();
        if (e.Status == EventStatus.Cancelled)
        {
            text.Append("このイベントは中止になりました。\n\n");
        }
        else if (e.Status == EventStatus.Postponed)
        {
            text.Append("このイベントは延期になりました。新しい日程はイベントページでお知らせします。\n\n");
        }

        text.Append(e.Summary).Append('\n');
        foreach (var session in e.Sessions)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n・{Jst.TimeJa(session.Start)}〜{Jst.TimeJa(session.End)} {session.Title}（定員{session.Capacity}名）");
        }

        text.Append("\n\n詳細・お申し込み: ").Append(pageUrl);
        return text.ToString();
    }

    /// <summary>
    /// Asia/Tokyo as one STANDARD rule (+09:00, JST) with no transitions: Japan has had no daylight saving
    /// since 1951. Written by hand because the generated one carries the 1951 transition as a yearly RRULE,
    /// and a fixed block keeps every .ics byte-identical across builds.
    /// </summary>
    private static VTimeZone JapanTimeZone()
    {
        var standard = new VTimeZoneInfo("STANDARD")
        {
            DtStart = new CalDateTime(1970, 1, 1, 0, 0, 0, null),
            OffsetFrom = new UtcOffset(Jst.Offset),
            OffsetTo = new UtcOffset(Jst.Offset),
            TimeZoneName = "JST",
        };
        var zone = new VTimeZone(Jst.TimeZoneId);
        zone.TimeZoneInfos.Add(standard);
        return zone;
    }

    private static CalDateTime Local(DateTimeOffset value) =>
        new(DateTime.SpecifyKind(Jst.ToJst(value).DateTime, DateTimeKind.Unspecified), Jst.TimeZoneId);

    private static CalDateTime Utc(DateTimeOffset value) => new(value.UtcDateTime, "UTC");
}
