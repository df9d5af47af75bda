using CsCheck;
using StartupHub.Forms.Uploads;

namespace StartupHub.Forms.Tests.Uploads;

public sealed class PdfInspectorTests
{
    public static TheoryData<string> ActiveNames() => [.. PdfCorpus.ActiveNames];

    [Fact]
    public void A_minimal_valid_pdf_is_accepted()
    {
        PdfInspection verdict = PdfInspector.Inspect(PdfCorpus.Minimal());
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void A_pdf_with_a_compressed_content_stream_is_accepted()
    {
        Assert.True(PdfInspector.Inspect(PdfCorpus.WithCompressedContent()).Accepted);
    }

    [Fact]
    public void A_benign_name_in_a_compressed_object_stream_is_accepted()
    {
        PdfInspection verdict = PdfInspector.Inspect(PdfCorpus.WithNameInObjectStream("Title", hexEscaped: false));
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(ActiveNames))]
    public void Active_content_is_rejected_plain(string name) => AssertActive(PdfCorpus.WithName(name, hexEscaped: false), name);

    [Theory]
    [MemberData(nameof(ActiveNames))]
    public void Active_content_is_rejected_hex_escaped(string name) => AssertActive(PdfCorpus.WithName(name, hexEscaped: true), name);

    [Theory]
    [MemberData(nameof(ActiveNames))]
    public void Active_content_is_rejected_inside_a_compressed_object_stream(string name) =>
        AssertActive(PdfCorpus.WithNameInObjectStream(name, hexEscaped: false), name);

    [Theory]
    [MemberData(nameof(ActiveNames))]
    public void Active_content_is_rejected_hex_escaped_inside_a_compressed_object_stream(string name) =>
        AssertActive(PdfCorpus.WithNameInObjectStream(name, hexEscaped: true), name);

    [Fact]
    public void Encrypted_files_are_rejected() => Assert.Equal("encrypted", PdfInspector.Inspect(PdfCorpus.Encrypted()).Reason);

    [Fact]
    public void Encrypted_files_are_rejected_when_the_name_is_escaped() =>
        Assert.Equal("encrypted", PdfInspector.Inspect(PdfCorpus.EncryptedHexEscaped()).Reason);

    [Fact]
    public void Truncated_files_are_rejected()
    {
        Assert.Equal("no-eof", PdfInspector.Inspect(PdfCorpus.TruncatedPlain()).Reason);
        Assert.Equal("malformed", PdfInspector.Inspect(PdfCorpus.TruncatedWithEof()).Reason);
    }

    [Fact]
    public void Files_without_eof_marker_are_rejected() => Assert.Equal("no-eof", PdfInspector.Inspect(PdfCorpus.WithoutEof()).Reason);

    [Fact]
    public void Files_that_are_not_pdf_are_rejected_whatever_their_name() => Assert.Equal("not-pdf", PdfInspector.Inspect(PdfCorpus.NotAPdf()).Reason);

    [Fact]
    public void Ten_megabytes_is_accepted_and_one_byte_more_is_not()
    {
        Assert.True(PdfInspector.Inspect(PdfCorpus.OfSize(PdfInspector.DefaultMaxBytes)).Accepted);
        Assert.Equal("too-large", PdfInspector.Inspect(PdfCorpus.OfSize(PdfInspector.DefaultMaxBytes + 1)).Reason);
    }

    [Fact]
    public void A_zip_bomb_object_stream_is_refused_without_inflating_it_all()
    {
        byte[] bomb = PdfCorpus.ZipBomb(PdfInspector.MaxInflatedStreamBytes * 4);
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Equal("uninspectable", PdfInspector.Inspect(bomb).Reason);
    }

    [Fact]
    public void No_input_makes_the_inspector_throw()
    {
        byte[] valid = PdfCorpus.Minimal();
        Gen.Byte.Array[0, 600].Sample(bytes => PdfInspector.Inspect(bytes));
        // Mutations of a valid file: every prefix, and random byte flips.
        for (int i = 0; i <= valid.Length; i += 7)
        {
            PdfInspector.Inspect(valid.AsSpan(0, i));
        }

        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 8].Sample(flips =>
        {
            byte[] copy = (byte[])valid.Clone();
            foreach ((int at, byte value) in flips)
            {
                copy[at] = value;
            }

            PdfInspector.Inspect(copy);
        });
    }

    private static void AssertActive(byte[] pdf, string name)
    {
        PdfInspection verdict = PdfInspector.Inspect(pdf);
        Assert.False(verdict.Accepted);
        Assert.Equal("active-content:" + name, verdict.Reason);
        Assert.Contains("受け付けられません", verdict.Message, StringComparison.Ordinal);
    }
}
