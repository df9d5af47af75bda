namespace StartupHub.Site.Validation.Rules;

/// <summary>An event ends after it starts, and its registration window opens before it closes and closes by the event's end.</summary>
internal sealed class EventTimesRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        foreach (var e in context.Content.Events)
        {
            var timesUsable = context.Usable(e, "start", "end");
            if (timesUsable && e.End <= e.Start)
                context.Error(e, "end", Codes.EventEndBeforeStart, Messages.EventEndBeforeStart(e.Start, e.End));

            if (e.Registration is not { } window || !context.Usable(e, "registration.opens", "registration.closes"))
                continue;
            if (window.Opens >= window.Closes)
                context.Error(e, "registration.opens", Codes.RegistrationOpensNotBeforeCloses, Messages.RegistrationOpensNotBeforeCloses(window.Opens, window.Closes));
            if (context.Usable(e, "end") && window.Closes > e.End)
                context.Error(e, "registration.closes", Codes.RegistrationClosesAfterEventEnd, Messages.RegistrationClosesAfterEventEnd(window.Closes, e.End));
        }
    }
}
