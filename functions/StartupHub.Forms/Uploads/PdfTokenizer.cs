using System.Text;

namespace StartupHub.Forms.Uploads;

internal enum PdfTokenKind
{
    Name,
    Number,
    Keyword,
    String,
    DictOpen,
    DictClose,
    ArrayOpen,
    ArrayClose,
    End,
    Malformed,
}

/// <param name="Text">Decoded name (without '/', #xx escapes resolved), the number or the keyword; null for other kinds.</param>
internal readonly record struct PdfToken(PdfTokenKind Kind, string? Text, int Start, int End);

/// <summary>
/// A small, tolerant lexer for PDF syntax (ISO 32000 §7.2–7.3): comments, names with #xx escapes,
/// literal strings with nesting and escapes, hex strings, dictionaries, arrays, numbers and keywords. It
/// never interprets anything and never throws; text it cannot lex becomes a Malformed token. Stream data
/// is not lexed here: the inspector skips over it after the <c>stream</c> keyword.
/// </summary>
internal ref struct PdfTokenizer(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; set; }

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public PdfToken Next()
    {
        SkipWhitespaceAndComments();
        int start = Position;
        if (Position >= _data.Length)
        {
            return new PdfToken(PdfTokenKind.End, null, start, start);
        }

        byte b = _data[Position];
        switch (b)
        {
            case (byte)'/':
                Position++;
                return new PdfToken(PdfTokenKind.Name, ReadName(), start, Position);
            case (byte)'(':
                return ReadLiteralString(start);
            case (byte)'<' when Position + 1 < _data.Length && _data[Position + 1] == '<':
                Position += 2;
                return new PdfToken(PdfTokenKind.DictOpen, null, start, Position);
            case (byte)'<':
                return ReadHexString(start);
            case (byte)'>' when Position + 1 < _data.Length && _data[Position + 1] == '>':
                Position += 2;
                return new PdfToken(PdfTokenKind.DictClose, null, start, Position);
            case (byte)'[':
                Position++;
                return new PdfToken(PdfTokenKind.ArrayOpen, null, start, Position);
            case (byte)']':
                Position++;
                return new PdfToken(PdfTokenKind.ArrayClose, null, start, Position);
            case (byte)'{' or (byte)'}':
                // PostScript calculator functions; harmless, treated as keywords.
                Position++;
                return new PdfToken(PdfTokenKind.Keyword, b == '{' ? "{" : "}", start, Position);
            case (byte)')' or (byte)'>':
                Position++;
                return new PdfToken(PdfTokenKind.Malformed, null, start, Position);
            default:
                return ReadRegular(start);
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (Position < _data.Length)
        {
            byte b = _data[Position];
            if (IsWhitespace(b))
            {
                Position++;
            }
            else if (b == '%')
            {
                while (Position < _data.Length && _data[Position] is not ((byte)'\r' or (byte)'\n'))
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Reads name characters, resolving #xx escapes (so /J#61vaScript is /JavaScript).</summary>
    private string ReadName()
    {
        List<byte> bytes = [];
        while (Position < _data.Length && !IsWhitespace(_data[Position]) && !IsDelimiter(_data[Position]))
        {
            byte b = _data[Position];
            if (b == '#' && Position + 2 < _data.Length && IsHex(_data[Position + 1]) && IsHex(_data[Position + 2]))
            {
                bytes.Add((byte)((HexValue(_data[Position + 1]) << 4) | HexValue(_data[Position + 2])));
                Position += 3;
            }
            else
            {
                bytes.Add(b);
                Position++;
            }
        }

        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    private PdfToken ReadLiteralString(int start)
    {
        int depth = 0;
        while (Position < _data.Length)
        {
            byte b = _data[Position++];
            if (b == '\\')
            {
                Position++;
            }
            else if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && --depth == 0)
            {
                return new PdfToken(PdfTokenKind.String, null, start, Position);
            }
        }

        return new PdfToken(PdfTokenKind.Malformed, null, start, Position = _data.Length);
    }

    private PdfToken ReadHexString(int start)
    {
        Position++;
        while (Position < _data.Length)
        {
            byte b = _data[Position++];
            if (b == '>')
            {
                return new PdfToken(PdfTokenKind.String, null, start, Position);
            }

            if (!IsHex(b) && !IsWhitespace(b))
            {
                return new PdfToken(PdfTokenKind.Malformed, null, start, Position);
            }
        }

        return new PdfToken(PdfTokenKind.Malformed, null, start, Position);
    }

    private PdfToken ReadRegular(int start)
    {
        while (Position < _data.Length && !IsWhitespace(_data[Position]) && !IsDelimiter(_data[Position]))
        {
            Position++;
        }

        string text = Encoding.Latin1.GetString(_data[start..Position]);
        bool numeric = text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.');
        return new PdfToken(numeric ? PdfTokenKind.Number : PdfTokenKind.Keyword, text, start, Position);
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
