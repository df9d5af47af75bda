namespace StartupHub.Site.Validation;

/// <summary>One family of checks over the loaded content. Rules only report; they never stop the others.</summary>
internal interface IContentRule
{
    void Check(ValidationContext context);
}
