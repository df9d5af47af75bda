namespace StartupHub.Site.Validation;

/// <summary>
/// Stable diagnostic codes for content faults. Tests and editors' documentation refer to these, so a code
/// never changes meaning: add new ones instead. 00xx syntax, 01xx keys and types, 02xx dates and capacity,
/// 03xx duplicates and ids, 04xx references, 05xx images, 06xx videos, 07xx site settings.
/// </summary>
public static class Codes
{
    public const string YamlSyntax = "SH0001";
    public const string FrontMatterMissing = "SH0002";
    public const string DuplicateKey = "SH0003";
    public const string UnreadableFile = "SH0004";

    public const string UnknownKey = "SH0101";
    public const string MissingRequired = "SH0102";
    public const string WrongType = "SH0103";
    public const string InvalidEnum = "SH0104";
    public const string InvalidDateTime = "SH0105";
    public const string InvalidTime = "SH0106";
    public const string InvalidDate = "SH0107";
    public const string InvalidDuration = "SH0108";
    public const string EmptyList = "SH0109";

    public const string EventEndBeforeStart = "SH0201";
    public const string SessionEndBeforeStart = "SH0202";
    public const string SessionOutsideEvent = "SH0203";
    public const string CapacityNotPositive = "SH0204";
    public const string RegistrationOpensNotBeforeCloses = "SH0205";
    public const string RegistrationClosesAfterEventEnd = "SH0206";
    public const string PeriodOpensNotBeforeCloses = "SH0207";
    public const string PublishAfterExpiry = "SH0208";

    public const string DuplicateVenueId = "SH0301";
    public const string DuplicateSessionId = "SH0302";
    public const string DuplicateSlug = "SH0303";
    public const string InvalidSlug = "SH0304";
    public const string InvalidSessionId = "SH0305";

    public const string MissingVenue = "SH0401";
    public const string MissingPerson = "SH0402";
    public const string MissingCompany = "SH0403";
    public const string MissingVideo = "SH0404";
    public const string MissingEvent = "SH0405";
    public const string MissingSession = "SH0406";
    public const string MissingForm = "SH0407";
    public const string VenueCityMismatch = "SH0408";

    public const string ImageWithoutAlt = "SH0501";
    public const string MarkdownImageWithoutAlt = "SH0502";

    public const string InvalidVideoId = "SH0601";

    public const string BaseUrlNotAbsolute = "SH0701";
    public const string BaseUrlNoTrailingSlash = "SH0702";
    public const string NotifyEmailInvalid = "SH0703";
}
