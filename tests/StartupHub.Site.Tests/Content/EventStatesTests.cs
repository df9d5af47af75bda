using StartupHub.Site.Content;

namespace StartupHub.Site.Tests.Content;

public class EventStatesTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Opens = new(2025, 9, 15, 10, 0, 0, Jst);
    private static readonly DateTimeOffset Closes = new(2025, 10, 14, 17, 0, 0, Jst);
    private static readonly DateTimeOffset Start = new(2025, 10, 15, 18, 0, 0, Jst);
    private static readonly DateTimeOffset End = new(2025, 10, 15, 21, 0, 0, Jst);

    private static Event Make(EventStatus status = EventStatus.Scheduled, bool registration = true) => new()
    {
        Slug = "e",
        SourcePath = "content/events/e.md",
        Title = "t",
        Series = EventSeries.Notable,
        City = City.Chiba,
        Venue = "perie-hall",
        Start = Start,
        End = End,
        Summary = "s",
        Status = status,
        Registration = registration ? new RegistrationWindow(Opens, Closes) : null,
    };

    public static TheoryData<DateTimeOffset, EventState, string> Boundaries => new()
    {
        { Opens.AddTicks(-1), EventState.Before, "受付前" },
        { Opens, EventState.Open, "受付中" },
        { Closes.AddTicks(-1), EventState.Open, "受付中" },
        { Closes, EventState.Closed, "受付終了" },
        { Start, EventState.Closed, "受付終了" },
        { End.AddTicks(-1), EventState.Closed, "受付終了" },
        { End, EventState.Ended, "終了" },
        { End.AddYears(1), EventState.Ended, "終了" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void The_state_changes_exactly_at_opens_closes_and_end(DateTimeOffset now, EventState expected, string label)
    {
        Assert.Equal(expected, EventStates.StateAt(Make(), now));
        Assert.Equal(label, EventStates.LabelAt(Make(), now));
    }

    [Fact]
    public void The_boundaries_hold_whatever_offset_the_clock_uses()
    {
        var opensInUtc = Opens.ToUniversalTime();

        Assert.Equal(EventState.Before, EventStates.StateAt(Make(), opensInUtc.AddSeconds(-1)));
        Assert.Equal(EventState.Open, EventStates.StateAt(Make(), opensInUtc));
    }

    [Theory]
    [InlineData(EventStatus.Cancelled, EventState.Cancelled, "中止")]
    [InlineData(EventStatus.Postponed, EventState.Postponed, "延期")]
    public void Cancelled_and_postponed_win_at_every_time(EventStatus status, EventState expected, string label)
    {
        foreach (var now in new[] { Opens.AddDays(-1), Opens, Closes, End, End.AddDays(1) })
        {
            Assert.Equal(expected, EventStates.StateAt(Make(status), now));
            Assert.Equal(label, EventStates.LabelAt(Make(status), now));
        }
    }

    [Fact]
    public void Without_a_registration_window_an_event_is_closed_until_it_ends()
    {
        Assert.Equal(EventState.Closed, EventStates.StateAt(Make(registration: false), Opens.AddDays(-30)));
        Assert.Equal(EventState.Ended, EventStates.StateAt(Make(registration: false), End));
    }
}
