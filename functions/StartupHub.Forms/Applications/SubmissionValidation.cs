namespace StartupHub.Forms.Applications;

/// <summary>A submission that passed validation: its fields in form order, plus what the record indexes.</summary>
public sealed record ValidSubmission(
    IReadOnlyList<SubmissionField> Fields,
    string ContactName,
    string ContactEmail,
    string? CompanyId,
    string PurposeVersion);

/// <summary>Either a valid submission or per-field Japanese messages keyed by the snake_case field name.</summary>
public sealed record SubmissionValidation(ValidSubmission? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Value is not null;
}
