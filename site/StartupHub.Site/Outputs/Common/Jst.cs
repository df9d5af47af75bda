using System.Globalization;

namespace StartupHub.Site.Outputs.Common;

/// <summary>
/// Japan Standard Time helpers. JST has had no daylight saving since 1951, so a fixed +09:00 offset
/// is exact and needs no time zone database (which may be missing in minimal containers).
/// </summary>
internal static class Jst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public const string TimeZoneId = "Asia/Tokyo";

    public static DateTimeOffset ToJst(DateTimeOffset value) => value.ToOffset(Offset);

    /// <summary>ISO 8601 with the +09:00 offset, e.g. <c>2025-10-15T18:00:00+09:00</c>.</summary>
    public static string Iso(DateTimeOffset value) =>
        ToJst(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with Z, e.g. <c>2025-09-01T00:00:00Z</c>.</summary>
    public static string IsoUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly string[] WeekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary><c>2025年10月15日(水) 18:00</c>, as the theme's datetime_ja filter shows it.</summary>
    public static string DateTimeJa(DateTimeOffset value)
    {
        var jst = ToJst(value);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{jst.Year}年{jst.Month}月{jst.Day}日({WeekdaysJa[(int)jst.DayOfWeek]}) {jst:HH:mm}");
    }

    public static string TimeJa(DateTimeOffset value) =>
        ToJst(value).ToString("HH:mm", CultureInfo.InvariantCulture);
}
