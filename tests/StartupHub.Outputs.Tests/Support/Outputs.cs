using System.Text;
using StartupHub.Site.Build;

namespace StartupHub.Outputs.Tests.Support;

internal static class OutputsExtensions
{
    public static OutputFile Single(this IOutputGenerator generator, OutputContext context, string path) =>
        generator.Generate(context).Single(f => f.Path == path);

    public static string Text(this OutputFile file) => Encoding.UTF8.GetString(file.Content);
}

/// <summary>A temp folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shub-out-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}

internal static class RepoRoot
{
    /// <summary>The repository root: the nearest parent folder holding StartupHub.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StartupHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StartupHub.sln not found above " + AppContext.BaseDirectory);
    }
}
