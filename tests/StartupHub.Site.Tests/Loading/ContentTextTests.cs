using System.Text;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests.Loading;

/// <summary>Content files are decoded in one pass instead of through a StreamReader; the text must be what
/// File.ReadAllText gives, byte order marks and invalid bytes included.</summary>
public sealed class ContentTextTests
{
    // Long enough that a StreamReader decodes it in several chunks, with Japanese characters across chunk edges.
    private static readonly string Japanese = string.Concat(Enumerable.Repeat("---\ntitle: 木更津のメンタリング\n---\n本文です。交流会もあります。\n", 400));

    public static TheoryData<string, byte[]> Files() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Japanese) },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Japanese)] },
        { "UTF-16 with a byte order mark", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Japanese)] },
        { "invalid UTF-8 bytes", [.. Encoding.UTF8.GetBytes("タイトル"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("本文")] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_the_same_text_as_File_ReadAllText(string kind, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"content-text-{Guid.NewGuid():N}.md");
        File.WriteAllBytes(path, bytes);
        try
        {
            Assert.True(File.ReadAllText(path) == ContentText.Read(path), kind);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
