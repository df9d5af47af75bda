using System.Text.RegularExpressions;

namespace StartupHub.Site.Validation.Rules;

/// <summary>A YouTube id is 11 characters of [A-Za-z0-9_-]; anything else is a pasted URL or a typo and would embed nothing.</summary>
internal sealed partial class VideoIdRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        foreach (var video in context.Content.Videos)
        {
            if (video.VideoId.Length > 0 && !YoutubeId().IsMatch(video.VideoId))
                context.Error(video, "video_id", Codes.InvalidVideoId, Messages.InvalidVideoId(video.VideoId));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YoutubeId();
}
