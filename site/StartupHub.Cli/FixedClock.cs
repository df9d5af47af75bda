namespace StartupHub.Cli;

/// <summary>The clock of <c>--now</c>: every page and state is computed as at that moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
