namespace StartupHub.E2E.Support;

/// <summary>Where screenshots go for a person to look at: $STARTUPHUB_ARTIFACTS, else TestResults/screenshots beside the test assembly.</summary>
public static class Artifacts
{
    public static string ScreenshotDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("STARTUPHUB_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "TestResults");
            var directory = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
