namespace StartupHub.Forms.Uploads;

/// <summary>The inspector's verdict: accepted, or a reason code (for logs and tests) and a Japanese message for the person.</summary>
public sealed record PdfInspection(bool Accepted, string? Reason, string? Message)
{
    public static readonly PdfInspection Ok = new(true, null, null);

    public static PdfInspection Reject(string reason, string message) => new(false, reason, message);
}
