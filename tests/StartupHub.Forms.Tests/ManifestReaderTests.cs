using System.Text;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Reads_the_documented_shape()
    {
        FormsManifest manifest = TestEvents.Sample;
        Assert.True(manifest.FormsOpen);
        ManifestEvent evt = manifest.FindEvent("open-event")!;
        Assert.Equal(2, evt.FindSession("talk")!.Capacity);
        Assert.True(evt.FindSession("talk")!.AcceptsRegistration);
        Assert.False(evt.FindSession("networking")!.AcceptsRegistration);
        Assert.Equal(TimeSpan.FromHours(9), evt.Start.Offset);
        Assert.Null(manifest.FindEvent("no-registration")!.Registration);
        Assert.Equal("2025-08-01", manifest.FindForm("event-registration")!.PurposeVersion);
        Assert.Equal("株式会社かずさアクア", Assert.Single(manifest.Companies).Name);
    }

    [Theory]
    [InlineData("{\"schema\": 2, \"generated_at\": \"2025-09-01T00:00:00Z\", \"forms_open\": true, \"events\": [], \"forms\": [], \"companies\": []}")]
    [InlineData("{\"schema\": 1, \"generated_at\": \"2025-09-01T00:00:00Z\", \"forms_open\": true, \"events\": [{\"id\": \"../x\", \"title\": \"t\", \"start\": \"2025-09-01T00:00:00Z\", \"end\": \"2025-09-01T00:00:00Z\", \"status\": \"scheduled\", \"sessions\": []}], \"forms\": [], \"companies\": []}")]
    [InlineData("{\"schema\": 1, \"generated_at\": \"2025-09-01T00:00:00Z\", \"forms_open\": true, \"events\": [{\"id\": \"e\", \"title\": \"t\", \"start\": \"2025-09-01T00:00:00Z\", \"end\": \"2025-09-01T00:00:00Z\", \"status\": \"scheduled\", \"sessions\": [{\"id\": \"s\", \"title\": \"t\", \"capacity\": null, \"registration\": true}]}], \"forms\": [], \"companies\": []}")]
    public void Refuses_unsupported_schemas_unsafe_ids_and_sessions_without_capacity(string json)
    {
        Assert.Throws<FormatException>(() => FormsManifestReader.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Window_is_half_open()
    {
        DateTimeOffset opens = new(2025, 9, 15, 10, 0, 0, TimeSpan.FromHours(9));
        ManifestWindow window = new(opens, opens.AddDays(1));
        Assert.False(window.Contains(opens.AddTicks(-1)));
        Assert.True(window.Contains(opens));
        Assert.False(window.Contains(opens.AddDays(1)));
    }

    [Fact]
    public void Provider_picks_up_a_rebuilt_manifest()
    {
        using TempFolder folder = new();
        string path = TestEvents.WriteManifest(folder.Path);
        SteppedClock clock = new();
        FileFormsManifestProvider provider = new(Microsoft.Extensions.Options.Options.Create(new FormsOptions { ManifestPath = path }), clock);
        Assert.Null(provider.GetManifest().FindEvent("added"));
        TestEvents.WriteManifest(folder.Path, true, TestEvents.Open("added", 10));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        // The file is looked at again at most once a second.
        Assert.Null(provider.GetManifest().FindEvent("added"));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.NotNull(provider.GetManifest().FindEvent("added"));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
