using System.Globalization;
using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>An archive video. There is deliberately no thumbnail URL: nothing may load from YouTube before a click.</summary>
public sealed class VideoView(Video video, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(video.SourcePath);

    internal Video Item => video;

    public string Slug => video.Slug;

    public string Url => $"/videos/{video.Slug}/";

    public string Title => video.Title;

    public string Platform => KebabCase.Of(video.Platform);

    public string VideoId => video.VideoId;

    public string EmbedUrl => $"https://www.youtube-nocookie.com/embed/{video.VideoId}";

    public string? Event => video.Event;

    public string? Session => video.Session;

    public IReadOnlyList<string> Speakers => video.Speakers;

    /// <summary><c>00:28:30</c>, as written in the YAML.</summary>
    public string? Duration => video.Duration?.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>The day as a JST date-time at midnight, so the date filters apply.</summary>
    public DateTimeOffset Date => new(video.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));

    public string? Description => video.Description;

    public string Content => index.Html(video);

    public EventView? EventItem => video.Event is { } slug ? index.Event(slug) : null;

    public SessionView? SessionItem => EventItem?.Sessions.FirstOrDefault(s => s.Id == video.Session);

    public IReadOnlyList<PersonView> SpeakerItems => index.PeopleBySlug(video.Speakers);
}
