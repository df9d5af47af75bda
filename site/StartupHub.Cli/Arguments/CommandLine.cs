namespace StartupHub.Cli.Arguments;

/// <summary>A usage fault (unknown option, missing value): exit code 2 with the usage text.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>One command's options as given: <c>--name value</c> pairs and <c>--flag</c>s.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.GetValueOrDefault(name);

    /// <summary>
    /// Parses <c>command [--option value] [--flag]</c>. <paramref name="valued"/> and <paramref name="flags"/> list what
    /// the command accepts; anything else is a usage error, so a typo never silently changes a build.
    /// </summary>
    public static CommandLine Parse(string command, IReadOnlyList<string> arguments, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"余分な引数「{argument}」があります。");
            }

            var name = argument[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (options.ContainsKey(name))
            {
                throw new UsageException($"オプション --{name} が2回指定されています。");
            }

            if (flags.Contains(name))
            {
                if (value is not null)
                {
                    throw new UsageException($"オプション --{name} は値を取りません。");
                }

                options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"オプション --{name} には値が必要です。");
                    }

                    value = arguments[++i];
                }

                options[name] = value;
            }
            else
            {
                throw new UsageException($"{command} コマンドに --{name} というオプションはありません。");
            }
        }

        return new CommandLine(command, options);
    }
}
