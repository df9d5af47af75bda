using StartupHub.Site.Content;

namespace StartupHub.Site.Outputs.Common;

internal static class Venues
{
    /// <summary>The venue an event refers to; validation guarantees it exists, but outputs stay total.</summary>
    public static Venue? Of(Event e, SiteContent content) =>
        content.Venues.FirstOrDefault(v => string.Equals(v.Id, e.Venue, StringComparison.Ordinal));

    /// <summary>「ペリエホール（千葉市中央区新千葉1丁目1-1）」 — what a calendar app shows as LOCATION.</summary>
    public static string Location(Event e, SiteContent content)
    {
        var venue = Of(e, content);
        return venue is null ? e.Venue : $"{venue.Name}（{venue.Address}）";
    }
}
