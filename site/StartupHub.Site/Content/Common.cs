namespace StartupHub.Site.Content;

/// <summary>Where a value came from, so every fault can be reported as <c>path:line:col</c>.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>An image with the alternative text that JIS X 8341-3 requires.</summary>
public sealed record ImageRef(string Src, string Alt);

public sealed record Link(string Title, string Url);

/// <summary>Scheduled publishing shared by every collection that supports it.</summary>
public sealed record Publishing(bool Draft = false, DateTimeOffset? PublishDate = null, DateTimeOffset? ExpiryDate = null)
{
    public static readonly Publishing Always = new();

    public bool IsPublishedAt(DateTimeOffset now, bool includeDrafts) =>
        (includeDrafts || !Draft)
        && (PublishDate is null || PublishDate <= now)
        && (ExpiryDate is null || ExpiryDate > now);
}

/// <summary>Common identity of every item loaded from a file under content/.</summary>
public abstract record ContentItem
{
    /// <summary>File name without extension; unique within its collection.</summary>
    public required string Slug { get; init; }

    /// <summary>Path relative to the repository root, with forward slashes (e.g. <c>content/events/x.md</c>).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Markdown body (empty for YAML-only items).</summary>
    public string Body { get; init; } = "";

    public Publishing Publishing { get; init; } = Publishing.Always;
}
