using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StartupHub.Bench;

/// <summary>
/// A temporary site: the repository's sample content and default theme (so every page, link and output
/// is the real thing) plus N synthetic items: one in twenty is an event (a copy of one of the sample events
/// under a new slug and title, so it has sessions, speakers, companies, videos and a registration window and
/// shows on the home page, the event lists, people's and companies' pages, the feed, the calendar and the
/// forms manifest), the rest Japanese news items of about 1 KB each, with headings, a list and a table — the
/// Markdown features that cost the most to render.
/// </summary>
internal sealed partial class SyntheticSite : IDisposable
{
    private static readonly string[] Cities = ["千葉市", "柏市", "木更津市"];
    private static readonly string[] Topics = ["メンタリング", "交流会", "ピッチ会", "セミナー", "オープンイノベーション"];

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    private SyntheticSite(string root) => Root = root;

    public static SyntheticSite Create(string repoRoot, int newsCount)
    {
        var root = Path.Combine(Path.GetTempPath(), $"shub-bench-{newsCount}-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(repoRoot, "content"), Path.Combine(root, "content"));
        CopyDirectory(Path.Combine(repoRoot, "themes", "default"), Path.Combine(root, "themes", "default"));
        // The build runs Pagefind from the site root's node_modules; point it at the repository's install.
        var modules = Path.Combine(repoRoot, "node_modules");
        if (Directory.Exists(modules))
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "node_modules"), modules);
        }

        var newsDir = Path.Combine(root, "content", "news");
        var eventsDir = Path.Combine(root, "content", "events");
        var samples = Directory.EnumerateFiles(eventsDir, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        for (var i = 0; i < newsCount; i++)
        {
            if (IsEvent(i))
            {
                var sample = samples[i / EventEvery % samples.Count];
                File.WriteAllText(Path.Combine(eventsDir, EventFileName(i)), TitleLine().Replace(sample, $"title: $1（第{i + 1}回）", 1), Encoding.UTF8);
            }
            else
            {
                File.WriteAllText(Path.Combine(newsDir, NewsFileName(i)), NewsMarkdown(i), Encoding.UTF8);
            }
        }

        return new SyntheticSite(root);
    }

    private const int EventEvery = 20;

    private static bool IsEvent(int i) => i % EventEvery == EventEvery - 1;

    /// <summary>The <paramref name="n"/>-th synthetic news item's index.</summary>
    public static int News(int n) => n + (n / (EventEvery - 1));

    /// <summary>The <paramref name="n"/>-th synthetic event's index.</summary>
    public static int Event(int n) => (n * EventEvery) + EventEvery - 1;

    [GeneratedRegex("^title: (.*)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    /// <summary>Edits one synthetic news item the way an editor would: a changed sentence in the body.</summary>
    public string TouchOne(int index)
    {
        var path = Path.Combine(Root, "content", "news", NewsFileName(index));
        File.AppendAllText(path, "\n追記：会場の案内を更新しました。\n", Encoding.UTF8);
        return path;
    }

    /// <summary>Edits one item's front matter (its title), which the home page, lists, related pages and feeds show.</summary>
    public string RetitleOne(int index)
    {
        var path = IsEvent(index) ? Path.Combine(Root, "content", "events", EventFileName(index)) : Path.Combine(Root, "content", "news", NewsFileName(index));
        var text = File.ReadAllText(path, Encoding.UTF8);
        File.WriteAllText(path, TitleLine().Replace(text, "title: 【更新】$1", 1), Encoding.UTF8);
        return path;
    }

    private static string NewsFileName(int i) => $"bench-{i:D5}.md";

    private static string EventFileName(int i) => $"bench-{i:D5}.md";

    private static string NewsMarkdown(int i)
    {
        var date = new DateTime(2024, 4, 1, 9, 0, 0).AddHours(i * 5);
        var city = Cities[i % Cities.Length];
        var topic = Topics[i % Topics.Length];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: {city}で{topic}を開催しました（第{i + 1}回）
            date: {date:yyyy-MM-dd'T'HH:mm}
            summary: {city}の会場で{topic}を開催し、県内のスタートアップと支援機関が参加しました。
            tags: [イベント, {topic}]
            ---
            {city}で第{i + 1}回の{topic}を開催しました。県内外から起業家、支援機関、金融機関の担当者が集まり、事業の相談や連携について話し合いました。

            ## 当日の内容

            - 開会のあいさつと事業の紹介
            - 先輩起業家による講演「地方から世界へ」
            - 参加者同士の{topic}と名刺交換
            - 次回の予定のご案内

            ## 参加者の内訳

            | 区分 | 人数 | 備考 |
            |---|---:|---|
            | 起業家・創業予定者 | {20 + i % 30} | 県内在住・在勤 |
            | 支援機関 | {5 + i % 7} | 市町村・商工会議所 |
            | 金融機関 | {2 + i % 4} | 地方銀行・信用金庫 |

            ### 次回について

            次回の開催は[イベント一覧](/events/)でお知らせします。ご質問は[この事業について](/about/)のページをご覧ください。

            """);
        return text.ToString();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            // Remove the node_modules link first so nothing can ever walk into the repository's install.
            var modules = new DirectoryInfo(Path.Combine(Root, "node_modules"));
            if (modules.LinkTarget is not null)
            {
                modules.Delete();
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a benchmark over.
        }
    }
}
