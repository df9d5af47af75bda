namespace StartupHub.Forms.Staff;

/// <summary>One sheet of an export: Japanese column headers and one row of text per record, in order.</summary>
public sealed record StaffTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);
