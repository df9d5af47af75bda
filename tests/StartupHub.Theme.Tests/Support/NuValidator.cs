using System.Diagnostics;
using System.Text.Json;

namespace StartupHub.Theme.Tests.Support;

public sealed record NuMessage(string Type, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Type}: {Message}";
}

/// <summary>Runs the Nu HTML checker (vnu.jar from node_modules) once over a whole folder.</summary>
internal static class NuValidator
{
    public static string JarPath => Path.Combine(RepositoryRoot.Path, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static IReadOnlyList<NuMessage> Check(string directory)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", JarPath, "--format", "json", "--skip-non-html", directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        // vnu writes its JSON report to stderr.
        var report = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;

        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray().Select(m => new NuMessage(
            m.GetProperty("type").GetString() ?? "",
            m.TryGetProperty("url", out var url) ? Path.GetRelativePath(directory, new Uri(url.GetString()!).LocalPath) : "",
            m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
            m.GetProperty("message").GetString() ?? ""))];
    }
}
