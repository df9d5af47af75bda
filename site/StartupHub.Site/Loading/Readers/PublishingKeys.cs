namespace StartupHub.Site.Loading.Readers;

internal static class PublishingKeys
{
    /// <summary>Scheduled publishing keys; every collection accepts them (see <c>ContentItem.Publishing</c>).</summary>
    public static readonly string[] All = ["draft", "publish_date", "expiry_date"];

    public static string[] With(params string[] keys) => [.. keys, .. All];
}
