using System.Globalization;

namespace StartupHub.Forms;

/// <summary>Times are stored in UTC and shown in Japan Standard Time (fixed +09:00; Japan has no DST).</summary>
public static class Jst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToJst(DateTimeOffset time) => time.ToOffset(Offset);

    /// <summary>e.g. "2025年10月14日 17:00".</summary>
    public static string Display(DateTimeOffset time) =>
        ToJst(time).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
