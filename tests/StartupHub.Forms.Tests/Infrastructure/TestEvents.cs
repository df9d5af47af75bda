using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Tests.Infrastructure;

public static class TestEvents
{
    public static string SampleManifestPath => Path.Combine(AppContext.BaseDirectory, "TestData", "forms-manifest.json");

    public static FormsManifest Sample => FormsManifestReader.Parse(File.ReadAllBytes(SampleManifestPath));

    /// <summary>An open event with one registrable session of the given capacity.</summary>
    public static ManifestEvent Open(string id, int capacity, int sessions = 1) => new(
        id, "テストイベント", "chiba", "notable", $"/events/{id}/",
        DateTimeOffset.Parse("2099-10-15T18:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2099-10-15T21:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture),
        "scheduled",
        new ManifestWindow(DateTimeOffset.Parse("2020-01-01T00:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture), null),
        Enumerable.Range(0, sessions).Select(i => new ManifestSession(i == 0 ? "main" : $"s{i}", "seminar", $"枠{i}", null, null, capacity, true)).ToList());

    /// <summary>Writes a manifest containing the sample events plus <paramref name="extra"/> to a temp file.</summary>
    public static string WriteManifest(string folder, bool formsOpen = true, params ManifestEvent[] extra)
    {
        FormsManifest sample = Sample;
        FormsManifest manifest = sample with { FormsOpen = formsOpen, Events = [.. sample.Events, .. extra] };
        string path = Path.Combine(folder, "forms-manifest.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(manifest, FormsJson.Options));
        return path;
    }
}
