using System.Text.Json;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>The sample manifest plus the site object the mails need, and events with a venue.</summary>
internal static class MailTestSite
{
    public const string BaseUrl = "https://startup-hub.example.jp/";
    public const string Title = "ちば スタートアップ総合支援拠点";

    public static readonly ManifestSite Site = new(Title, BaseUrl,
        new ManifestContact("スタートアップ総合支援拠点 運営事務局", "info@startup-hub.example.jp", "043-000-0000", "平日 9:00〜17:00"),
        "jimukyoku@startup-hub.example.jp");

    public static readonly ManifestVenue Venue = new("ペリエホール", "千葉市中央区新千葉1丁目1-1");

    /// <summary>An open event (2099-10-15, a Thursday, 18:00–21:00 JST) with one session of the given capacity.</summary>
    public static ManifestEvent Event(string id, int capacity) => TestEvents.Open(id, capacity) with { Venue = Venue };

    public static string WriteManifest(string folder, params ManifestEvent[] events)
    {
        FormsManifest manifest = TestEvents.Sample with { Site = Site, Events = [.. TestEvents.Sample.Events, .. events] };
        string path = Path.Combine(folder, "forms-manifest.json");
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, FormsJson.Options));
        return path;
    }

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.jp";

    /// <summary>True if any file under <paramref name="folder"/> contains <paramref name="text"/> (UTF-8).</summary>
    public static bool AnyFileContains(string folder, string text)
    {
        byte[] needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);
    }
}
