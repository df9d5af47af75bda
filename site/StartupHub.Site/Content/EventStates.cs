namespace StartupHub.Site.Content;

/// <summary>What a visitor sees for an event at a moment: 受付前 / 受付中 / 受付終了 / 終了 / 中止 / 延期.</summary>
public enum EventState
{
    Before,
    Open,
    Closed,
    Ended,
    Cancelled,
    Postponed,
}

/// <summary>Derives an event's <see cref="EventState"/> from the (injectable) clock.</summary>
public static class EventStates
{
    /// <summary>
    /// Cancelled and postponed win over everything. Otherwise: at or after <c>end</c> it has ended;
    /// before <c>registration.opens</c> it is 受付前, from opens up to (not including) closes 受付中,
    /// then 受付終了 until the end. An event without a public registration window is 受付終了 until it ends,
    /// since nobody can apply for it on the site.
    /// </summary>
    public static EventState StateAt(Event e, DateTimeOffset now)
    {
        if (e.Status == EventStatus.Cancelled)
            return EventState.Cancelled;
        if (e.Status == EventStatus.Postponed)
            return EventState.Postponed;
        if (now >= e.End)
            return EventState.Ended;
        if (e.Registration is not { } window)
            return EventState.Closed;
        if (now < window.Opens)
            return EventState.Before;
        return now < window.Closes ? EventState.Open : EventState.Closed;
    }

    /// <summary>The Japanese label of the state at <paramref name="now"/>.</summary>
    public static string LabelAt(Event e, DateTimeOffset now) => Labels.Of(StateAt(e, now));
}
