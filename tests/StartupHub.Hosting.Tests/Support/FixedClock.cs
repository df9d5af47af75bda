namespace StartupHub.Hosting.Tests.Support;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>A moment inside the program year, while October's registrations are open.</summary>
    public static readonly DateTimeOffset ProgramYear = new(2025, 10, 1, 10, 0, 0, TimeSpan.FromHours(9));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
