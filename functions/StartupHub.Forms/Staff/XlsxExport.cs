using ClosedXML.Excel;

namespace StartupHub.Forms.Staff;

/// <summary>
/// XLSX with ClosedXML: one worksheet per table, a bold frozen header row, and every cell written as a
/// text cell (never a formula, never a number or date guessed from the text), formula-neutralised like CSV
/// so that copying a cell into another sheet stays harmless too.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel refuses longer cell text.</summary>
    private const int MaxCellLength = 32_767;

    public static byte[] Write(params StaffTable[] tables)
    {
        using XLWorkbook workbook = new();
        foreach (StaffTable table in tables)
        {
            IXLWorksheet sheet = workbook.Worksheets.Add(SheetName(table.SheetName, workbook));
            WriteRow(sheet, 1, table.Headers);
            sheet.Row(1).Style.Font.Bold = true;
            for (int r = 0; r < table.Rows.Count; r++)
            {
                WriteRow(sheet, r + 2, table.Rows[r]);
            }

            sheet.SheetView.FreezeRows(1);
            for (int c = 1; c <= table.Headers.Count; c++)
            {
                // A fixed readable width: ClosedXML's AdjustToContents measures fonts through System.Drawing,
                // which is not available on Linux.
                sheet.Column(c).Width = 18;
            }
        }

        using MemoryStream output = new();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<string?> cells)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            string text = SpreadsheetCells.Neutralise(cells[c]);
            if (text.Length > MaxCellLength)
            {
                text = text[..MaxCellLength];
            }

            IXLCell cell = sheet.Cell(row, c + 1);
            // Text type first, so ClosedXML stores the string as is instead of guessing a number or date.
            cell.DataType = XLDataType.Text;
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
        }
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    private static string SheetName(string wanted, XLWorkbook workbook)
    {
        string name = new([.. wanted.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '_' : c)]);
        name = name.Length == 0 ? "Sheet" : name[..Math.Min(name.Length, 28)];
        string unique = name;
        for (int i = 2; workbook.Worksheets.Contains(unique); i++)
        {
            unique = $"{name}({i})";
        }

        return unique;
    }
}
