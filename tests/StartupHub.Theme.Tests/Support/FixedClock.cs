namespace StartupHub.Theme.Tests.Support;

/// <summary>A clock stopped at one instant, so event states and snapshots do not change from day to day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2025-10-01 10:00 JST: before the October events, inside their registration windows.</summary>
    public static readonly DateTimeOffset Default = new(2025, 10, 1, 10, 0, 0, TimeSpan.FromHours(9));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
