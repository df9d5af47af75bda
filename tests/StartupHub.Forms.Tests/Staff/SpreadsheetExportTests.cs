using System.Text;
using ClosedXML.Excel;
using CsCheck;
using StartupHub.Forms.Staff;

namespace StartupHub.Forms.Tests.Staff;

public sealed class SpreadsheetExportTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81 90", "'+81 90")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("＋1", "'＋1")]
    [InlineData("－1", "'－1")]
    [InlineData("＠x", "'＠x")]
    [InlineData("﹦1", "'﹦1")]
    [InlineData("  =1", "'  =1")]
    [InlineData("\u3000=1", "'\u3000=1")]
    [InlineData("\n@x", "'\n@x")]
    [InlineData("千葉県・髙橋・﨑", "千葉県・髙橋・﨑")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData("   ", "   ")]
    public void Cells_that_start_like_a_formula_get_a_quote(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Neutralise(text));

    [Fact]
    public void No_neutralised_cell_starts_like_a_formula_any_more() =>
        Gen.String.Sample(text =>
        {
            string cell = SpreadsheetCells.Neutralise(text);
            return !SpreadsheetCells.StartsLikeFormula(cell) && (cell == text || cell == "'" + text);
        }, iter: 5000);

    [Fact]
    public void Csv_round_trips_through_an_rfc_4180_reader()
    {
        Gen.String.Array[1, 5].Array[1, 5].Sample(rows =>
        {
            int width = rows.Max(r => r.Length);
            string[][] table = [.. rows.Select(r => r.Concat(Enumerable.Repeat("", width - r.Length)).Select(c => c.Replace("\r", "", StringComparison.Ordinal)).ToArray())];
            byte[] csv = CsvExport.Write(new StaffTable("t", table[0], [.. table.Skip(1)]));
            List<List<string>> parsed = StaffTestSupport.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3)));
            return parsed.Count == table.Length
                && parsed.Zip(table).All(p => p.First.SequenceEqual(p.Second.Select(SpreadsheetCells.Neutralise)));
        }, iter: 300);
    }

    [Fact]
    public void Xlsx_keeps_long_numbers_and_dates_as_the_text_given()
    {
        byte[] xlsx = XlsxExport.Write(new StaffTable("シート", ["電話", "日付"], [["09012345678", "2025-10-01"], ["0001", "1/2"]]));
        using XLWorkbook workbook = new(new MemoryStream(xlsx));
        IXLWorksheet sheet = workbook.Worksheet("シート");
        Assert.Equal("09012345678", sheet.Cell(2, 1).GetString());
        Assert.Equal("0001", sheet.Cell(3, 1).GetString());
        Assert.Equal("1/2", sheet.Cell(3, 2).GetString());
        Assert.All(sheet.CellsUsed(), c => Assert.Equal(XLDataType.Text, c.DataType));
    }

    [Theory]
    [InlineData("受付名簿_テスト.csv", "attachment; filename=\"________.csv\"; filename*=UTF-8''%E5%8F%97%E4%BB%98%E5%90%8D%E7%B0%BF_%E3%83%86%E3%82%B9%E3%83%88.csv")]
    [InlineData("a b\"c;%.pdf", "attachment; filename=\"a b_c__.pdf\"; filename*=UTF-8''a%20b%22c%3B%25.pdf")]
    public void Content_disposition_carries_an_ascii_fallback_and_the_rfc_5987_name(string name, string expected) =>
        Assert.Equal(expected, FileBodyResult.ContentDisposition(name));
}
