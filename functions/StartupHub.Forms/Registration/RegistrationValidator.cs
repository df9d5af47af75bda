using System.Globalization;
using System.Text;
using StartupHub.Forms.Manifest;

namespace StartupHub.Forms.Registration;

/// <summary>A registration that passed validation, normalised (trimmed, NFKC where it helps matching).</summary>
public sealed record ValidRegistration(Registrant Registrant, IReadOnlyList<string> Sessions, string PurposeVersion);

/// <summary>Either a valid registration or per-field messages in Japanese, keyed by the JSON property name.</summary>
public sealed record RegistrationValidation(ValidRegistration? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// Field rules for event registration. Pure (no I/O, no clock) so it can be property-tested; it never
/// throws on any input, because a validator exception would be a 500.
/// </summary>
public static class RegistrationValidator
{
    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int OrganizationMax = 200;
    public const int JobTitleMax = 100;
    public const int ReferralMax = 100;
    public const int CommentMax = 2000;

    public static RegistrationValidation Validate(RegistrationRequest request, ManifestEvent evt, string purposeVersion)
    {
        Dictionary<string, List<string>> errors = [];
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out List<string>? list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        string? name = SingleLine(request.Name, "name", "氏名", NameMax, required: true, Add);
        string? furigana = SingleLine(request.Furigana, "furigana", "ふりがな", NameMax, required: true, Add, nfkc: true);
        if (furigana is not null && !IsKana(furigana))
        {
            Add("furigana", "ふりがなは、ひらがなまたはカタカナで入力してください。");
        }

        string? email = SingleLine(request.Email, "email", "メールアドレス", EmailMax, required: true, Add, nfkc: true);
        if (email is not null && !IsEmail(email))
        {
            Add("email", "メールアドレスの形式が正しくありません。（例: hanako@example.jp）");
        }

        string? organizationType = request.OrganizationType?.Trim();
        if (string.IsNullOrEmpty(organizationType))
        {
            Add("organization_type", "所属区分を選択してください。");
            organizationType = null;
        }
        else if (!OrganizationTypes.IsKnown(organizationType))
        {
            Add("organization_type", "所属区分の値が正しくありません。一覧から選択してください。");
            organizationType = null;
        }

        bool organizationRequired = organizationType is not null && OrganizationTypes.RequiresOrganization(organizationType);
        string? organization = SingleLine(request.Organization, "organization", "所属（会社・団体名）", OrganizationMax, organizationRequired, Add);
        string? jobTitle = SingleLine(request.JobTitle, "job_title", "役職", JobTitleMax, required: false, Add);
        string? referral = SingleLine(request.Referral, "referral", "本イベントを知ったきっかけ", ReferralMax, required: false, Add);
        string? comment = MultiLine(request.Comment, "comment", "ご意見・ご質問", CommentMax, Add);

        List<string> sessions = ValidateSessions(request.Sessions, evt, Add);

        if (request.Consent?.Agreed != true)
        {
            Add("consent.agreed", "個人情報の利用目的への同意が必要です。");
        }
        else if (!string.Equals(request.Consent.PurposeVersion, purposeVersion, StringComparison.Ordinal))
        {
            Add("consent.purpose_version", "個人情報の利用目的が更新されています。ページを再読み込みし、最新の内容をご確認のうえ同意してください。");
        }

        if (errors.Count > 0)
        {
            return new RegistrationValidation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        Registrant registrant = new(name!, furigana!, email!, organization, organizationType!, jobTitle, referral, comment);
        return new RegistrationValidation(new ValidRegistration(registrant, sessions, purposeVersion), new Dictionary<string, string[]>());
    }

    private static List<string> ValidateSessions(List<string?>? requested, ManifestEvent evt, Action<string, string> add)
    {
        List<string> sessions = [];
        if (requested is null || requested.Count == 0)
        {
            add("sessions", "参加する枠を1つ以上選択してください。");
            return sessions;
        }

        if (requested.Count > Math.Max(1, evt.Sessions.Count))
        {
            add("sessions", "選択された枠の数が多すぎます。");
            return sessions;
        }

        foreach (string? id in requested)
        {
            ManifestSession? session = id is null ? null : evt.FindSession(id);
            if (session is null || !session.AcceptsRegistration)
            {
                add("sessions", "選択された枠はこのイベントでは申し込みできません。");
                return [];
            }

            if (sessions.Contains(session.Id))
            {
                add("sessions", "同じ枠が重複して選択されています。");
                return [];
            }

            sessions.Add(session.Id);
        }

        return sessions;
    }

    private static string? SingleLine(string? raw, string field, string label, int max, bool required, Action<string, string> add, bool nfkc = false)
    {
        string? value = Normalize(raw, nfkc);
        if (value is null)
        {
            if (required)
            {
                add(field, $"{label}を入力してください。");
            }

            return null;
        }

        if (HasForbiddenCharacters(value, allowNewlines: false))
        {
            add(field, $"{label}に使用できない文字（改行や制御文字など）が含まれています。");
            return null;
        }

        if (new StringInfo(value).LengthInTextElements > max)
        {
            add(field, $"{label}は{max}文字以内で入力してください。");
            return null;
        }

        return value;
    }

    private static string? MultiLine(string? raw, string field, string label, int max, Action<string, string> add)
    {
        string? value = Normalize(raw, nfkc: false)?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (value is null)
        {
            return null;
        }

        if (HasForbiddenCharacters(value, allowNewlines: true))
        {
            add(field, $"{label}に使用できない文字（制御文字など）が含まれています。");
            return null;
        }

        if (new StringInfo(value).LengthInTextElements > max)
        {
            add(field, $"{label}は{max}文字以内で入力してください。");
            return null;
        }

        return value;
    }

    /// <summary>Trims (including the full-width space people type in Japanese forms); empty means absent.</summary>
    private static string? Normalize(string? raw, bool nfkc)
    {
        if (raw is null)
        {
            return null;
        }

        string trimmed = raw.Trim().Trim('\u3000').Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Normalising a string with unpaired surrogates throws; those are rejected as forbidden instead.
        if (HasUnpairedSurrogate(trimmed))
        {
            return trimmed;
        }

        return trimmed.Normalize(nfkc ? NormalizationForm.FormKC : NormalizationForm.FormC);
    }

    internal static bool HasForbiddenCharacters(string value, bool allowNewlines)
    {
        if (HasUnpairedSurrogate(value))
        {
            return true;
        }

        foreach (char c in value)
        {
            if (allowNewlines && c is '\n' or '\t')
            {
                continue;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                // Format covers bidi overrides and zero-width characters used to disguise text.
                return true;
            }
        }

        return false;
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hiragana, katakana, the long-vowel mark, the middle dot and spaces between given and family names.</summary>
    internal static bool IsKana(string value)
    {
        bool sawKana = false;
        foreach (char c in value)
        {
            if (c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or '\u30FC' or '\u309D' or '\u309E' or '\u30FD' or '\u30FE')
            {
                sawKana = true;
            }
            else if (c is not (' ' or '\u3000' or '\u30FB'))
            {
                return false;
            }
        }

        return sawKana;
    }

    /// <summary>
    /// A deliberately plain address check: one '@', a dot-atom local part of at most 64 characters, and a
    /// domain of LDH labels with an alphabetic TLD. Quoted local parts and IP literals are refused; nobody
    /// registers for an event with those, and they are where mail-header injection hides.
    /// </summary>
    internal static bool IsEmail(string value)
    {
        int at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64 || value.Length > EmailMax)
        {
            return false;
        }

        string local = value[..at];
        string domain = value[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        string[] labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (string label in labels)
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        string tld = labels[^1];
        return tld.Length >= 2 && tld.All(char.IsAsciiLetter);
    }
}
