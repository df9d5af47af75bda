using System.Text;

namespace StartupHub.Forms.Staff;

/// <summary>
/// CSV as Excel on Japanese Windows opens it correctly by double-click: UTF-8 with a byte-order mark (without
/// it Excel assumes Shift_JIS and garbles the text), CRLF line ends, RFC 4180 quoting (a field containing a
/// comma, a quote, CR or LF is quoted, quotes doubled), and every cell formula-neutralised.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(StaffTable table)
    {
        StringBuilder text = new();
        AppendRow(text, table.Headers);
        foreach (IReadOnlyList<string?> row in table.Rows)
        {
            AppendRow(text, row);
        }

        byte[] bom = Encoding.UTF8.GetPreamble();
        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. bom, .. body];
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            string cell = SpreadsheetCells.Neutralise(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append("\r\n");
    }
}
