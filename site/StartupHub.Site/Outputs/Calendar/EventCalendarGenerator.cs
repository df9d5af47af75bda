using System.Runtime.CompilerServices;
using System.Text;
using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Calendar;

/// <summary>
/// <c>/events/{slug}/event.ics</c> for the 「カレンダーに追加」 button of each event, and
/// <c>/events/calendar.ics</c>, a subscribable calendar of every published event.
/// Ical.Net takes about half a millisecond per event, which made the calendars most of a dev-server rebuild
/// (280 ms of a 540 ms front matter edit with 500 events). So each event's file is remembered against the
/// event record (content records are immutable; a rebuild keeps the unchanged ones) and every other value it
/// reads, and the all-events calendar is the serialised empty calendar with the events' VEVENT blocks put in,
/// exactly the text Ical.Net writes for the whole calendar (a test compares the two).
/// </summary>
public sealed class EventCalendarGenerator : IOutputGenerator
{
    public const string AllEventsPath = "events/calendar.ics";

    private const string EndCalendar = "END:VCALENDAR\r\n";

    // Keyed by the record itself, so an entry goes away with the build that held the event.
    private readonly ConditionalWeakTable<Event, CachedEvent> _cache = [];

    public string Name => "event-calendars";

    public static string EventPath(string slug) => $"events/{slug}/event.ics";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var content = context.Content;
        var dates = context.PageDates;
        var siteTitle = content.Settings.Title;
        var blocks = new List<(Event Event, string Block)>(content.Events.Count);
        foreach (var e in content.Events)
        {
            var key = new EventKey(Venues.Location(e, content), context.BaseUrl.AbsoluteUri, dates.Of(e), content.Settings.BaseUrl.Host, siteTitle, content.Settings.Description);
            if (!_cache.TryGetValue(e, out var cached) || cached.Key != key)
            {
                var text = EventCalendar.Serialize([e], content, context.BaseUrl, dates, $"{e.Title}｜{siteTitle}");
                cached = new CachedEvent(key, Encoding.UTF8.GetBytes(text), Block(text));
                _cache.AddOrUpdate(e, cached);
            }

            blocks.Add((e, cached.Block));
            yield return new OutputFile(EventPath(e.Slug), cached.Bytes);
        }

        var empty = EventCalendar.Serialize([], content, context.BaseUrl, dates, $"{siteTitle} イベント");
        if (!empty.EndsWith(EndCalendar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Ical.Net のカレンダーが END:VCALENDAR で終わっていません。");
        }

        // Encoded piece by piece into one array of the file's exact length: a builder, its string and their bytes
        // were three large-object arrays of a ten-thousand-page site's calendar.
        string[] pieces = [empty[..^EndCalendar.Length], .. blocks.OrderBy(b => b.Event.Start).ThenBy(b => b.Event.Slug, StringComparer.Ordinal).Select(b => b.Block), EndCalendar];
        var all = GC.AllocateUninitializedArray<byte>(pieces.Sum(Encoding.UTF8.GetByteCount));
        var at = 0;
        foreach (var piece in pieces)
        {
            at += Encoding.UTF8.GetBytes(piece, all.AsSpan(at));
        }

        yield return new OutputFile(AllEventsPath, all);
    }

    /// <summary>The one VEVENT of a single-event calendar, with its line ending.</summary>
    private static string Block(string calendar)
    {
        var start = calendar.IndexOf("BEGIN:VEVENT\r\n", StringComparison.Ordinal);
        const string end = "END:VEVENT\r\n";
        var stop = calendar.IndexOf(end, start, StringComparison.Ordinal);
        return calendar[start..(stop + end.Length)];
    }

    /// <summary>Everything besides the event record that its file is made of.</summary>
    private sealed record EventKey(string Location, string BaseUrl, DateTimeOffset? LastModified, string UidHost, string SiteTitle, string Description);

    private sealed record CachedEvent(EventKey Key, byte[] Bytes, string Block);
}
