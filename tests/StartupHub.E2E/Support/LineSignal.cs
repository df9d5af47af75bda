using System.Text;
using System.Text.RegularExpressions;

namespace StartupHub.E2E.Support;

/// <summary>
/// A TextWriter that keeps everything written to it and completes <see cref="Match"/> when a line matches the
/// pattern: the dev server announces its address (port 0 picks one) only on its log.
/// </summary>
public sealed class LineSignal(Regex pattern) : TextWriter
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();

    public TaskCompletionSource<Match> Match { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_all)
            {
                return _all.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            var match = pattern.Match(_line.ToString());
            _line.Clear();
            if (match.Success)
            {
                Match.TrySetResult(match);
            }
        }
    }
}
