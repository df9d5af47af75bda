namespace StartupHub.Cli;

/// <summary>
/// The clock of <c>serve --now</c>: starts at the given moment and then runs at real speed, so the site and
/// the local forms API agree on "now" (registration windows) while time still passes between a form being
/// issued and submitted (the API rejects submissions faster than a person could fill them in).
/// </summary>
internal sealed class ShiftedClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan _offset = start.ToUniversalTime() - real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _offset;
}
