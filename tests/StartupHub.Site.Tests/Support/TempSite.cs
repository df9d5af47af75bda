using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests.Support;

/// <summary>A small site written into a temp folder: a valid baseline that each test changes one file of.</summary>
internal sealed class TempSite : IDisposable
{
    public const string SiteYml = """
        title: テストサイト
        description: テスト用のサイト
        base_url: https://test.example.jp/
        organiser: { name: 千葉県, url: https://www.pref.chiba.lg.jp/ }

        """;

    public const string VenuesYml = """
        - id: perie-hall
          name: ペリエホール
          city: chiba
          address: 千葉市中央区新千葉1丁目1-1
        - id: koil
          name: 柏の葉 KOIL
          city: kashiwa
          address: 柏市若柴178-4

        """;

    public const string PersonMd = """
        ---
        name: 架空 太郎
        kana: かくう たろう
        roles: [speaker, mentor]
        ---
        経歴。

        """;

    public const string CompanyMd = """
        ---
        name: 株式会社テスト
        summary: テストの会社
        industry: 製造
        location: 千葉市
        cohort: 2025
        ---

        """;

    /// <summary>A valid event; tests replace lines of it to introduce one fault at a known line.</summary>
    public const string EventMd = """
        ---
        title: テスト会
        series: notable
        city: chiba
        venue: perie-hall
        start: 2025-10-15T18:00
        end: 2025-10-15T21:00
        summary: 概要
        registration:
          opens: 2025-09-15T10:00
          closes: 2025-10-14T17:00
        sessions:
          - id: talk
            kind: seminar
            title: 講演
            start: "18:00"
            end: "18:30"
            capacity: 100
            speakers: [kakuu-taro]
          - id: pitch
            kind: pitch
            title: ピッチ
            start: "18:30"
            end: "19:00"
            capacity: 100
            companies: [test-co]
        ---
        本文です。

        """;

    public const string VideoYml = """
        title: 講演の動画
        platform: youtube
        video_id: abcdefghijk
        event: e
        session: talk
        speakers: [kakuu-taro]
        date: 2025-10-15

        """;

    public const string FormMd = """
        ---
        title: 参加申込
        kind: event-registration
        purpose_version: 2025-08-01
        ---
        利用目的。

        """;

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal)
    {
        ["site.yml"] = SiteYml,
        ["venues.yml"] = VenuesYml,
        ["people/kakuu-taro.md"] = PersonMd,
        ["companies/test-co.md"] = CompanyMd,
        ["events/e.md"] = EventMd,
        ["videos/v.yml"] = VideoYml,
        ["forms/event-registration.md"] = FormMd,
    };

    public TempSite() => Root = Directory.CreateTempSubdirectory("shsite-").FullName;

    public string Root { get; }

    public string ContentDirectory => Path.Combine(Root, "content");

    /// <summary>Sets (or with null, removes) a file under content/.</summary>
    public TempSite With(string path, string? text)
    {
        if (text is null)
            _files.Remove(path);
        else
            _files[path] = text;
        return this;
    }

    /// <summary>Writes the files and runs the load + validate phases.</summary>
    public (SiteContent? Content, IReadOnlyList<Diagnostic> Diagnostics) Load()
    {
        foreach (var (path, text) in _files)
        {
            var full = Path.Combine(ContentDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var bag = new DiagnosticBag();
        var content = ContentReader.Read(ContentDirectory, Root, bag);
        return (content, bag.ToSortedList());
    }

    public static (SiteContent? Content, IReadOnlyList<Diagnostic> Diagnostics) LoadWith(string path, string? text)
    {
        using var site = new TempSite();
        return site.With(path, text).Load();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
