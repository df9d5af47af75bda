using Fluid;

namespace StartupHub.Site.Templates;

/// <summary>One template file parsed once; <see cref="Stamp"/> tells a rebuild whether the file changed since.</summary>
public sealed record ParsedTemplate(string FullPath, string DisplayPath, string Source, IFluidTemplate? Template, FileStamp Stamp)
{
    /// <summary>Fluid's parse error when <see cref="Template"/> is null.</summary>
    public string? Error { get; init; }
}

public readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.LastWriteTimeUtc, info.Length);
    }
}
