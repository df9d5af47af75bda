using System.Globalization;
using System.Text.RegularExpressions;

namespace StartupHub.Site.Loading;

/// <summary>Reading the date and time forms content uses. Without an offset a time is Japan time (+09:00, no DST).</summary>
public static partial class Jst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'H:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary><c>2025-10-15T18:00</c> (JST), <c>2025-10-15</c> (00:00 JST) or with an explicit offset.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, Offset);
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            return true;

        value = default;
        return false;
    }

    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary><c>HH:mm</c> (one-digit hours allowed), 00:00–23:59.</summary>
    public static bool TryParseTime(string text, out TimeOnly value)
    {
        var match = TimePattern().Match(text.Trim());
        value = match.Success
            ? new TimeOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : default;
        return match.Success;
    }

    /// <summary><c>HH:MM:SS</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        var match = DurationPattern().Match(text.Trim());
        value = match.Success
            ? new TimeSpan(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : default;
        return match.Success;
    }

    /// <summary>The given time on the JST calendar day of <paramref name="day"/>.</summary>
    public static DateTimeOffset On(DateTimeOffset day, TimeOnly time)
    {
        var date = DateOnly.FromDateTime(day.ToOffset(Offset).DateTime);
        return new DateTimeOffset(date.ToDateTime(time), Offset);
    }

    [GeneratedRegex(@"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^([0-9]{1,3}):([0-5][0-9]):([0-5][0-9])$")]
    private static partial Regex DurationPattern();
}
