using System.Globalization;
using System.Text;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Applications;

/// <summary>
/// Reads posted fields one rule at a time, in form order, collecting the valid values as
/// <see cref="SubmissionField"/>s and the problems as Japanese messages keyed by field name. Pure and
/// total: no input makes it throw (a validator exception would be a 500).
/// </summary>
internal sealed class FieldCollector(IReadOnlyDictionary<string, string> input)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<SubmissionField> _fields = [];

    public bool HasError(string field) => _errors.ContainsKey(field);

    public void Error(string field, string message)
    {
        if (!_errors.TryGetValue(field, out List<string>? list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void Keep(string name, string label, string value) => _fields.Add(new SubmissionField(name, label, value));

    /// <summary>A one-line text field. Returns the trimmed, NFC (or NFKC) value, or null when absent or invalid.</summary>
    public string? Text(string name, string label, int max, bool required, bool nfkc = false, bool keep = true)
    {
        string? value = Normalize(Raw(name), nfkc);
        if (value is null)
        {
            if (required)
            {
                Error(name, $"{label}を入力してください。");
            }

            return null;
        }

        if (RegistrationValidator.HasForbiddenCharacters(value, allowNewlines: false))
        {
            Error(name, $"{label}に使用できない文字（改行や制御文字など）が含まれています。");
            return null;
        }

        if (new StringInfo(value).LengthInTextElements > max)
        {
            Error(name, $"{label}は{max}文字以内で入力してください。");
            return null;
        }

        if (keep)
        {
            Keep(name, label, value);
        }

        return value;
    }

    /// <summary>A multi-line text field (newlines and tabs allowed, CRLF stored as LF).</summary>
    public string? Paragraphs(string name, string label, int max, bool required)
    {
        string? value = Normalize(Raw(name), nfkc: false)?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (value is null)
        {
            if (required)
            {
                Error(name, $"{label}を入力してください。");
            }

            return null;
        }

        if (RegistrationValidator.HasForbiddenCharacters(value, allowNewlines: true))
        {
            Error(name, $"{label}に使用できない文字（制御文字など）が含まれています。");
            return null;
        }

        if (new StringInfo(value).LengthInTextElements > max)
        {
            Error(name, $"{label}は{max}文字以内で入力してください。");
            return null;
        }

        Keep(name, label, value);
        return value;
    }

    public string? Email(string name, string label, bool required)
    {
        string? value = Text(name, label, FieldLimits.Email, required, nfkc: true, keep: false);
        if (value is null)
        {
            return null;
        }

        if (!RegistrationValidator.IsEmail(value))
        {
            Error(name, $"{label}の形式が正しくありません。（例: hanako@example.jp）");
            return null;
        }

        Keep(name, label, value);
        return value;
    }

    public string? Kana(string name, string label)
    {
        string? value = Text(name, label, FieldLimits.Name, required: true, nfkc: true, keep: false);
        if (value is null)
        {
            return null;
        }

        if (!RegistrationValidator.IsKana(value))
        {
            Error(name, $"{label}は、ひらがなまたはカタカナで入力してください。");
            return null;
        }

        Keep(name, label, value);
        return value;
    }

    /// <summary>Japanese numbers (0 then 9–10 digits) or international (+ then 8–15 digits); hyphens, spaces and parentheses are ignored.</summary>
    public string? Phone(string name, string label, bool required)
    {
        string? value = Text(name, label, FieldLimits.Phone, required, nfkc: true, keep: false);
        if (value is null)
        {
            return null;
        }

        string digits = new(value.Where(c => c is not ('-' or ' ' or '(' or ')' or 'ー' or '‐')).ToArray());
        bool domestic = digits.Length is 10 or 11 && digits[0] == '0' && digits.All(char.IsAsciiDigit);
        bool international = digits.Length is >= 9 and <= 16 && digits[0] == '+' && digits[1..].All(char.IsAsciiDigit);
        if (!domestic && !international)
        {
            Error(name, $"{label}は、半角数字とハイフンで入力してください。（例: 043-123-4567）");
            return null;
        }

        Keep(name, label, value);
        return value;
    }

    /// <summary>An absolute http(s) URL.</summary>
    public string? Url(string name, string label, bool required)
    {
        string? value = Text(name, label, FieldLimits.Url, required, nfkc: true, keep: false);
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal))
        {
            Error(name, $"{label}は「https://」から始まる形式で入力してください。");
            return null;
        }

        Keep(name, label, value);
        return value;
    }

    public int? Integer(string name, string label, int min, int max, string unit)
    {
        string? value = Text(name, label, 12, required: true, nfkc: true, keep: false);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            Error(name, $"{label}は半角数字で入力してください。");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, $"{label}は{min}{unit}から{max}{unit}の範囲で入力してください。");
            return null;
        }

        Keep(name, label, number.ToString(CultureInfo.InvariantCulture));
        return number;
    }

    /// <summary>One of the given options (wire value → Japanese label); the label is what is stored.</summary>
    public string? Choice(string name, string label, IReadOnlyList<(string Value, string Label)> options)
    {
        string? value = Raw(name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Error(name, $"{label}を選択してください。");
            return null;
        }

        foreach ((string option, string optionLabel) in options)
        {
            if (string.Equals(option, value, StringComparison.Ordinal))
            {
                Keep(name, label, optionLabel);
                return option;
            }
        }

        Error(name, $"{label}の値が正しくありません。一覧から選択してください。");
        return null;
    }

    /// <summary>The consent checkbox and the purpose-of-use version the page showed.</summary>
    public void Consent(string purposeVersion)
    {
        string? consent = Raw("consent")?.Trim();
        if (consent is not ("true" or "on" or "True"))
        {
            Error("consent", "個人情報の利用目的への同意が必要です。");
        }

        if (!string.Equals(Raw("purpose_version")?.Trim(), purposeVersion, StringComparison.Ordinal))
        {
            Error("purpose_version", "個人情報の利用目的が更新されています。ページを再読み込みし、最新の内容をご確認のうえ同意してください。");
        }
    }

    public SubmissionValidation Result(Func<ValidSubmission> valid) =>
        _errors.Count > 0
            ? new SubmissionValidation(null, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
            : new SubmissionValidation(valid(), new Dictionary<string, string[]>());

    public IReadOnlyList<SubmissionField> Fields => _fields;

    private string? Raw(string name) => input.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Trims (including the full-width space); empty means absent. Unpaired surrogates are left for the forbidden-character check.</summary>
    private static string? Normalize(string? raw, bool nfkc)
    {
        string? trimmed = raw?.Trim().Trim('\u3000').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        try
        {
            return trimmed.Normalize(nfkc ? NormalizationForm.FormKC : NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }
}

/// <summary>Maximum lengths (in characters) shared by the application forms.</summary>
public static class FieldLimits
{
    public const int Name = 100;
    public const int Organization = 200;
    public const int Address = 200;
    public const int Email = 254;
    public const int Phone = 30;
    public const int Url = 500;
    public const int ShortText = 100;
    public const int LongText = 2000;
}
