using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/videos/*.yml → <see cref="Video"/>.</summary>
internal static class VideoReader
{
    public static readonly string[] Keys = PublishingKeys.With(
        "title", "platform", "video_id", "event", "session", "speakers", "duration", "date", "description");

    public static Video Read(Fields f, string slug, string sourcePath, string body)
    {
        var date = f.Date("date");
        if (date is null && !f.Has("date"))
            f.ReportMissing("date");
        return new Video
        {
            Slug = slug,
            SourcePath = sourcePath,
            Body = body,
            Publishing = f.Publishing(),
            Title = f.RequiredString("title"),
            Platform = f.RequiredEnum<VideoPlatform>("platform"),
            VideoId = f.RequiredString("video_id"),
            Event = f.String("event"),
            Session = f.String("session"),
            Speakers = f.StringList("speakers"),
            Duration = f.Duration("duration"),
            Date = date ?? default,
            Description = f.String("description"),
        };
    }
}
