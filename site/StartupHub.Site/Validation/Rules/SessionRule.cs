using System.Text.RegularExpressions;

namespace StartupHub.Site.Validation.Rules;

/// <summary>
/// Sessions are what people register for (the forms manifest carries them), so ids must be unique and
/// URL-safe, times inside the event and capacities positive.
/// </summary>
internal sealed partial class SessionRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        foreach (var e in context.Content.Events)
        {
            var eventTimesUsable = context.Usable(e, "start", "end") && e.End > e.Start;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < e.Sessions.Count; i++)
            {
                var s = e.Sessions[i];
                var at = $"sessions[{i}]";
                if (s.Id.Length > 0 && !IdPattern().IsMatch(s.Id))
                    context.Error(e, $"{at}.id", Codes.InvalidSessionId, Messages.InvalidSessionId(s.Id));
                if (s.Id.Length > 0 && !ids.Add(s.Id))
                    context.Error(e, $"{at}.id", Codes.DuplicateSessionId, Messages.DuplicateSessionId(s.Id));

                if (context.Usable(e, $"{at}.capacity") && s.Capacity <= 0)
                    context.Error(e, $"{at}.capacity", Codes.CapacityNotPositive, Messages.CapacityNotPositive(s.Id, s.Capacity));

                if (!context.Usable(e, $"{at}.start", $"{at}.end", "start"))
                    continue;
                if (s.End <= s.Start)
                    context.Error(e, $"{at}.end", Codes.SessionEndBeforeStart, Messages.SessionEndBeforeStart(s.Id, s.Start, s.End));
                else if (eventTimesUsable && (s.Start < e.Start || s.End > e.End))
                    context.Error(e, $"{at}.start", Codes.SessionOutsideEvent, Messages.SessionOutsideEvent(s.Id, s.Start, s.End, e.Start, e.End));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
