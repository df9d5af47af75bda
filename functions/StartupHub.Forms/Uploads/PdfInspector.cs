namespace StartupHub.Forms.Uploads;

/// <summary>
/// Decides from the bytes alone (never the file name or the declared type) whether an uploaded file is a
/// plain PDF we are willing to store and later hand to staff. It must start with <c>%PDF-</c>, end with
/// <c>%%EOF</c>, lex as well-formed PDF objects (balanced obj/endobj, dictionaries, arrays, streams) with
/// a cross-reference section, and contain no active or hidden content: JavaScript, automatic actions,
/// launch actions, embedded files, rich media, XFA forms, or encryption (which would hide all of that).
/// Names are compared after resolving #xx escapes, and compressed object streams are inflated (with a
/// cap against zip bombs) and searched too. Pure; never throws.
/// </summary>
public static class PdfInspector
{
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Per compressed object stream, and in total for one file.</summary>
    public const int MaxInflatedStreamBytes = 8 * 1024 * 1024;
    public const int MaxInflatedTotalBytes = 32 * 1024 * 1024;

    /// <summary>Names whose presence means the file can run something, open something, or carry something hidden.</summary>
    public static readonly IReadOnlySet<string> ForbiddenNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "OpenAction", "AA", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA",
    };

    private const string Retry = "PDFに書き出し直したファイル（パスワードやスクリプトのないもの）を添付してください。";

    public static PdfInspection Inspect(ReadOnlySpan<byte> content, int maxBytes = DefaultMaxBytes)
    {
        if (content.Length > maxBytes)
        {
            return PdfInspection.Reject("too-large", $"添付できるファイルは{maxBytes / (1024 * 1024)}MBまでです。");
        }

        if (!content.StartsWith("%PDF-"u8))
        {
            return PdfInspection.Reject("not-pdf", "PDF形式のファイルを添付してください（ファイルの中身がPDFではありません）。");
        }

        ReadOnlySpan<byte> tail = content[Math.Max(0, content.Length - 1024)..];
        if (tail.LastIndexOf("%%EOF"u8) < 0)
        {
            return PdfInspection.Reject("no-eof", "PDFファイルが途中で切れているか、壊れています。" + Retry);
        }

        Scan scan = new();
        if (!ScanObjects(content, scan, topLevel: true))
        {
            return scan.Verdict ?? PdfInspection.Reject("malformed", "PDFファイルの構造を読み取れませんでした。" + Retry);
        }

        if (scan.Objects == 0 || !scan.SawStartXref || !(scan.SawTrailer || scan.SawXRefStream))
        {
            return PdfInspection.Reject("malformed", "PDFファイルの構造を読み取れませんでした。" + Retry);
        }

        return PdfInspection.Ok;
    }

    /// <summary>Walks the tokens of a file (or of an inflated object stream, where obj/endobj do not occur).</summary>
    private static bool ScanObjects(ReadOnlySpan<byte> data, Scan scan, bool topLevel)
    {
        PdfTokenizer tokens = new(data);
        int depth = 0;
        bool inObject = false;
        ObjectFacts facts = new();
        PdfToken previous = default;
        while (true)
        {
            PdfToken token = tokens.Next();
            switch (token.Kind)
            {
                case PdfTokenKind.End:
                    return !inObject && depth == 0;
                case PdfTokenKind.Malformed:
                    return false;
                case PdfTokenKind.Name:
                    if (ForbiddenNames.Contains(token.Text!))
                    {
                        scan.Verdict = PdfInspection.Reject("active-content:" + token.Text,
                            "スクリプトや自動実行の動作、埋め込みファイルなどを含むPDFは受け付けられません。" + Retry);
                        return false;
                    }

                    if (token.Text == "Encrypt")
                    {
                        scan.Verdict = PdfInspection.Reject("encrypted", "パスワードや暗号化が設定されたPDFは受け付けられません。" + Retry);
                        return false;
                    }

                    facts.Add(token);
                    break;
                case PdfTokenKind.DictOpen or PdfTokenKind.ArrayOpen:
                    if (++depth > 64)
                    {
                        return false;
                    }

                    facts.Add(token);
                    break;
                case PdfTokenKind.DictClose or PdfTokenKind.ArrayClose:
                    if (--depth < 0)
                    {
                        return false;
                    }

                    facts.Add(token);
                    break;
                case PdfTokenKind.Keyword when topLevel:
                    switch (token.Text)
                    {
                        case "obj":
                            if (inObject || depth != 0 || previous.Kind != PdfTokenKind.Number)
                            {
                                return false;
                            }

                            inObject = true;
                            facts = new ObjectFacts();
                            scan.Objects++;
                            break;
                        case "endobj":
                            if (!inObject || depth != 0)
                            {
                                return false;
                            }

                            inObject = false;
                            break;
                        case "stream":
                            if (!inObject || depth != 0 || !SkipStream(data, ref tokens, facts, scan))
                            {
                                return false;
                            }

                            break;
                        case "endstream":
                            return false;
                        case "trailer":
                            scan.SawTrailer = true;
                            break;
                        case "startxref":
                            scan.SawStartXref = true;
                            break;
                        default:
                            facts.Add(token);
                            break;
                    }

                    break;
                default:
                    facts.Add(token);
                    break;
            }

            previous = token;
        }
    }

    /// <summary>
    /// Positions the tokenizer after the stream's <c>endstream</c>. Uses a direct /Length when it lands on
    /// endstream, else searches for it. Object streams (/Type /ObjStm) are decoded and scanned for names.
    /// </summary>
    private static bool SkipStream(ReadOnlySpan<byte> data, ref PdfTokenizer tokens, ObjectFacts facts, Scan scan)
    {
        int start = tokens.Position;
        if (start < data.Length && data[start] == '\r')
        {
            start++;
        }

        if (start < data.Length && data[start] == '\n')
        {
            start++;
        }

        int end = -1;
        if (facts.Length is long length && length >= 0 && start + length <= data.Length)
        {
            int after = start + (int)length;
            int probe = after;
            while (probe < data.Length && PdfTokenizer.IsWhitespace(data[probe]))
            {
                probe++;
            }

            if (data[probe..].StartsWith("endstream"u8))
            {
                end = after;
                tokens.Position = probe + "endstream".Length;
            }
        }

        if (end < 0)
        {
            int found = data[start..].IndexOf("endstream"u8);
            if (found < 0)
            {
                return false;
            }

            end = start + found;
            tokens.Position = end + "endstream".Length;
        }

        if (facts.Type == "XRef")
        {
            scan.SawXRefStream = true;
        }

        if (facts.Type != "ObjStm")
        {
            return true;
        }

        ReadOnlySpan<byte> raw = data[start..end];
        byte[]? decoded;
        switch (facts.Filters)
        {
            case []:
                decoded = raw.ToArray();
                break;
            case ["FlateDecode" or "Fl"] when !facts.HasDecodeParms:
                int budget = Math.Min(MaxInflatedStreamBytes, MaxInflatedTotalBytes - scan.InflatedBytes);
                decoded = PdfStreamInflater.Inflate(raw, budget);
                if (decoded is null)
                {
                    scan.Verdict = PdfInspection.Reject("uninspectable", "PDFの圧縮されたデータを確認できませんでした。" + Retry);
                    return false;
                }

                scan.InflatedBytes += decoded.Length;
                break;
            default:
                // Any other filter chain could hide names from this scan; refuse rather than guess.
                scan.Verdict = PdfInspection.Reject("uninspectable", "PDFの圧縮されたデータを確認できませんでした。" + Retry);
                return false;
        }

        return ScanObjects(decoded, scan, topLevel: false);
    }

    private sealed class Scan
    {
        public int Objects;
        public bool SawTrailer;
        public bool SawStartXref;
        public bool SawXRefStream;
        public int InflatedBytes;
        public PdfInspection? Verdict;
    }

    /// <summary>
    /// Collects the tokens of an object's dictionary (bounded) and, when a stream follows, reads the few
    /// entries the inspector needs: /Length (direct only), /Type, /Filter (name or array) and /DecodeParms.
    /// </summary>
    private sealed class ObjectFacts
    {
        private const int MaxTokens = 512;
        private readonly List<PdfToken> _tokens = [];
        private bool _parsed;
        private long? _length;
        private string? _type;
        private bool _hasDecodeParms;

        public void Add(PdfToken token)
        {
            if (_tokens.Count < MaxTokens)
            {
                _tokens.Add(token);
            }
        }

        public long? Length => Parse()._length;

        public string? Type => Parse()._type;

        public List<string> Filters { get; } = [];

        public bool HasDecodeParms => Parse()._hasDecodeParms;

        private ObjectFacts Parse()
        {
            if (_parsed)
            {
                return this;
            }

            _parsed = true;
            int i = _tokens.FindIndex(t => t.Kind == PdfTokenKind.DictOpen);
            if (i < 0)
            {
                return this;
            }

            i++;
            while (i < _tokens.Count && _tokens[i].Kind == PdfTokenKind.Name)
            {
                string key = _tokens[i].Text!;
                int valueStart = ++i;
                i = SkipValue(i);
                ReadEntry(key, valueStart, i);
            }

            return this;
        }

        private void ReadEntry(string key, int from, int to)
        {
            int count = to - from;
            switch (key)
            {
                case "Length" when count == 1 && _tokens[from].Kind == PdfTokenKind.Number && long.TryParse(_tokens[from].Text, out long length):
                    _length = length;
                    break;
                case "Type" when count == 1 && _tokens[from].Kind == PdfTokenKind.Name:
                    _type = _tokens[from].Text;
                    break;
                case "Filter":
                    for (int j = from; j < to; j++)
                    {
                        if (_tokens[j].Kind == PdfTokenKind.Name)
                        {
                            Filters.Add(_tokens[j].Text!);
                        }
                        else if (_tokens[j].Kind is not (PdfTokenKind.ArrayOpen or PdfTokenKind.ArrayClose))
                        {
                            // An indirect or odd filter value: unknown, so treated as a filter we cannot decode.
                            Filters.Add("?");
                        }
                    }

                    break;
                case "DecodeParms" or "DP":
                    _hasDecodeParms = !(count == 1 && _tokens[from].Text == "null");
                    break;
            }
        }

        /// <summary>Index just past the value starting at <paramref name="i"/>: "n g R", a nested container, or one token.</summary>
        private int SkipValue(int i)
        {
            if (i >= _tokens.Count)
            {
                return i;
            }

            PdfToken first = _tokens[i];
            if (first.Kind is PdfTokenKind.DictOpen or PdfTokenKind.ArrayOpen)
            {
                int depth = 0;
                for (; i < _tokens.Count; i++)
                {
                    depth += _tokens[i].Kind switch
                    {
                        PdfTokenKind.DictOpen or PdfTokenKind.ArrayOpen => 1,
                        PdfTokenKind.DictClose or PdfTokenKind.ArrayClose => -1,
                        _ => 0,
                    };
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                return i;
            }

            if (first.Kind == PdfTokenKind.Number && i + 2 < _tokens.Count && _tokens[i + 1].Kind == PdfTokenKind.Number
                && _tokens[i + 2] is { Kind: PdfTokenKind.Keyword, Text: "R" })
            {
                return i + 3;
            }

            return i + 1;
        }
    }
}
