using System.Text;
using StartupHub.Site.Build;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Calendar;

/// <summary>
/// <c>/events/{slug}/event.ics</c> for the 「カレンダーに追加」 button of each event, and
/// <c>/events/calendar.ics</c>, a subscribable calendar of every published event.
/// </summary>
public sealed class EventCalendarGenerator : IOutputGenerator
{
    public const string AllEventsPath = "events/calendar.ics";

    public string Name => "event-calendars";

    public static string EventPath(string slug) => $"events/{slug}/event.ics";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var dates = new PageDates(context.Pages);
        var siteTitle = context.Content.Settings.Title;
        foreach (var e in context.Content.Events)
        {
            var text = EventCalendar.Serialize([e], context.Content, context.BaseUrl, dates, $"{e.Title}｜{siteTitle}");
            yield return new OutputFile(EventPath(e.Slug), Encoding.UTF8.GetBytes(text));
        }

        var all = EventCalendar.Serialize(context.Content.Events, context.Content, context.BaseUrl, dates, $"{siteTitle} イベント");
        yield return new OutputFile(AllEventsPath, Encoding.UTF8.GetBytes(all));
    }
}
