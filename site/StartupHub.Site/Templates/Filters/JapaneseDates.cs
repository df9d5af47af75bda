using System.Globalization;

namespace StartupHub.Site.Templates.Filters;

/// <summary>
/// Date texts as Japanese readers expect them, always in JST. Japan has no daylight saving time, so a
/// fixed +09:00 is exact and does not depend on the machine having tzdata installed.
/// </summary>
public static class JapaneseDates
{
    public static readonly TimeSpan JstOffset = TimeSpan.FromHours(9);

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    private static readonly CultureInfo Wareki = CreateWarekiCulture();

    private static readonly string[] DayNames = ["日", "月", "火", "水", "木", "金", "土"];

    public static DateTimeOffset ToJst(DateTimeOffset value) => value.ToOffset(JstOffset);

    /// <summary><c>2025年10月15日(水)</c></summary>
    public static string Date(DateTimeOffset value)
    {
        var jst = ToJst(value);
        return $"{jst.Year}年{jst.Month}月{jst.Day}日({DayNames[(int)jst.DayOfWeek]})";
    }

    /// <summary><c>18:00</c>, <c>9:30</c></summary>
    public static string Time(DateTimeOffset value) => ToJst(value).ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary><c>2025年10月15日(水) 18:00</c></summary>
    public static string DateTime(DateTimeOffset value) => $"{Date(value)} {Time(value)}";

    /// <summary><c>令和7年10月15日</c>; the first year of an era is 元年 (<c>令和元年5月1日</c>).</summary>
    public static string Era(DateTimeOffset value) =>
        ToJst(value).DateTime.ToString("ggy年M月d日", Wareki);

    /// <summary><c>2025-10-15T18:00:00+09:00</c>: machine-readable, for &lt;time datetime&gt; and JSON-LD.</summary>
    public static string Iso8601(DateTimeOffset value) =>
        ToJst(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static CultureInfo CreateWarekiCulture()
    {
        var culture = (CultureInfo)Japanese.Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
