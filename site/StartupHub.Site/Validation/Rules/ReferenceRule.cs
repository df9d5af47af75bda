using StartupHub.Site.Content;

namespace StartupHub.Site.Validation.Rules;

/// <summary>Every slug or id that points at another item must name one that exists (typos would render broken links).</summary>
internal sealed class ReferenceRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        var c = context.Content;
        var refs = new References(context);
        var venues = c.Venues.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var e in c.Events)
        {
            if (e.Venue.Length > 0 && context.Usable(e, "venue"))
            {
                if (!venues.TryGetValue(e.Venue, out var venue))
                    context.Error(e, "venue", Codes.MissingVenue, Messages.MissingVenue(e.Venue, Suggestions.Closest(e.Venue, venues.Keys)));
                else if (venue.City != e.City && context.Usable(e, "city"))
                    context.Error(e, "city", Codes.VenueCityMismatch, Messages.VenueCityMismatch(venue.Id, Labels.Of(venue.City), Labels.Of(e.City)));
            }

            for (var i = 0; i < e.Sessions.Count; i++)
            {
                refs.Check(e, $"sessions[{i}].speakers", e.Sessions[i].Speakers, "people", c.People, "登壇者", Codes.MissingPerson);
                refs.Check(e, $"sessions[{i}].companies", e.Sessions[i].Companies, "companies", c.Companies, "登壇企業", Codes.MissingCompany);
            }

            refs.Check(e, "videos", e.Videos, "videos", c.Videos, "動画", Codes.MissingVideo);
        }

        foreach (var video in c.Videos)
        {
            refs.Check(video, "speakers", video.Speakers, "people", c.People, "登壇者", Codes.MissingPerson);
            if (video.Event is null)
                continue;
            var e = refs.Find(video, "event", video.Event, "events", c.Events, "イベント", Codes.MissingEvent);
            if (e is not null && video.Session is { } session && e.Sessions.All(s => s.Id != session))
            {
                var suggestion = Suggestions.Closest(session, e.Sessions.Select(s => s.Id));
                context.Error(video, "session", Codes.MissingSession, Messages.MissingSession(session, e.Slug, suggestion));
            }
        }

        foreach (var page in c.Pages)
        {
            if (page.Form is { } form)
                refs.Find(page, "form", form, "forms", c.Forms, "フォーム", Codes.MissingForm);
        }
    }

    /// <summary>Looks slugs up in a collection and reports the missing ones with a "did you mean".</summary>
    private sealed class References(ValidationContext context)
    {
        private readonly string _contentFolder = Path.GetDirectoryName(context.SettingsPath)?.Replace('\\', '/') ?? "content";

        public void Check<T>(ContentItem from, string key, IReadOnlyList<string> slugs, string collection, IReadOnlyList<T> items, string what, string code)
            where T : ContentItem
        {
            for (var j = 0; j < slugs.Count; j++)
                Find(from, $"{key}[{j}]", slugs[j], collection, items, what, code);
        }

        public T? Find<T>(ContentItem from, string keyPath, string slug, string collection, IReadOnlyList<T> items, string what, string code)
            where T : ContentItem
        {
            var found = items.FirstOrDefault(i => i.Slug == slug);
            if (found is not null || context.Faults.IsUnreadable(collection, slug))
                return found;
            var extension = collection == "videos" ? ".yml" : ".md";
            var expected = $"{_contentFolder}/{collection}/{slug}{extension}";
            context.Error(from, keyPath, code, Messages.MissingReference(what, slug, expected, Suggestions.Closest(slug, items.Select(i => i.Slug))));
            return null;
        }
    }
}
