using System.Globalization;

namespace StartupHub.Cli.Arguments;

/// <summary>Typed option values; a malformed value is a usage error naming the option.</summary>
internal static class OptionValues
{
    public static Uri? AbsoluteUrl(CommandLine line, string name)
    {
        var text = line.Value(name);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--{name} には http:// か https:// で始まる URL を指定してください（「{text}」）。");
        }

        return text.EndsWith('/') ? uri : new Uri(text + "/");
    }

    /// <summary>ISO 8601; without an offset the time is JST, like dates in content.</summary>
    public static DateTimeOffset? Time(CommandLine line, string name)
    {
        var text = line.Value(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeSpan.FromHours(9));
        }

        throw new UsageException($"--{name} には 2025-10-01T10:00+09:00 のような日時を指定してください（「{text}」）。");
    }

    public static int Port(CommandLine line, string name, int fallback)
    {
        var text = line.Value(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new UsageException($"--{name} には 0〜65535 のポート番号を指定してください（「{text}」）。");
        }

        return port;
    }

    public static string Directory(CommandLine line, string name, string fallback) =>
        Path.GetFullPath(line.Value(name) ?? fallback);
}
