using CsCheck;
using StartupHub.Forms.Applications;

namespace StartupHub.Forms.Tests.Applications;

/// <summary>Property tests of the three validators: valid input passes, one broken field is exactly the one reported, nothing throws.</summary>
public sealed class ValidatorPropertyTests
{
    public static TheoryData<string> Forms() => [ApplicationForms.OipApplication, ApplicationForms.MenteeApplication, ApplicationForms.PartnershipInquiry];

    private static (Gen<Dictionary<string, string>> Valid, IReadOnlyDictionary<string, string[]> Invalid, ApplicationForm Form) For(string formId) => formId switch
    {
        ApplicationForms.OipApplication => (ValidInputs.Oip, ValidInputs.OipInvalid, ApplicationForms.Find(formId)!),
        ApplicationForms.MenteeApplication => (ValidInputs.Mentee, ValidInputs.MenteeInvalid, ApplicationForms.Find(formId)!),
        _ => (ValidInputs.Inquiry, ValidInputs.InquiryInvalid, ApplicationForms.Find(formId)!),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Valid_inputs_are_accepted(string formId)
    {
        (Gen<Dictionary<string, string>> valid, _, ApplicationForm form) = For(formId);
        valid.Sample(input =>
        {
            SubmissionValidation result = form.Validate(input, ValidInputs.Context);
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
            Assert.False(string.IsNullOrEmpty(result.Value!.ContactEmail));
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Each_field_made_invalid_is_exactly_the_field_reported(string formId)
    {
        (Gen<Dictionary<string, string>> valid, IReadOnlyDictionary<string, string[]> invalid, ApplicationForm form) = For(formId);
        Gen<(string Field, string Value)> mutation = ValidInputs.Pick(invalid.SelectMany(f => f.Value.Select(v => (f.Key, v))).ToArray());
        Gen.Select(valid, mutation).Sample((input, change) =>
        {
            Dictionary<string, string> mutated = new(input) { [change.Field] = change.Value };
            SubmissionValidation result = form.Validate(mutated, ValidInputs.Context);
            Assert.False(result.IsValid, $"{change.Field}={change.Value} was accepted");
            Assert.Equal([change.Field], result.Errors.Keys);
            Assert.All(result.Errors[change.Field], m => Assert.Matches(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", m));
        }, iter: 500);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Missing_required_fields_are_reported_on_the_field(string formId)
    {
        (Gen<Dictionary<string, string>> valid, IReadOnlyDictionary<string, string[]> invalid, ApplicationForm form) = For(formId);
        valid.Sample(input =>
        {
            foreach (string field in invalid.Keys.Where(k => invalid[k].Contains("")))
            {
                Dictionary<string, string> without = new(input);
                without.Remove(field);
                Assert.Equal([field], form.Validate(without, ValidInputs.Context).Errors.Keys);
            }
        }, iter: 20);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void No_input_ever_throws(string formId)
    {
        ApplicationForm form = ApplicationForms.Find(formId)!;
        string[] names = [.. For(formId).Invalid.Keys, "website", "form_token", "extra"];
        Gen<string> anything = Gen.OneOf(Gen.String[Gen.Char, 0, 300], Gen.String[Gen.Char.AlphaNumeric, 0, 10], Gen.Const(""));
        Gen.Dictionary(ValidInputs.Pick(names), anything)[0, names.Length].Sample(input =>
        {
            SubmissionValidation result = form.Validate(input, ValidInputs.Context);
            Assert.True(result.IsValid || result.Errors.Count > 0);
        }, iter: 1000);
    }

    [Fact]
    public void A_head_office_outside_chiba_needs_a_chiba_office()
    {
        ValidInputs.Oip.Sample(input =>
        {
            Dictionary<string, string> d = new(input) { ["head_office_address"] = "東京都千代田区丸の内1-1" };
            d.Remove("chiba_office_address");
            SubmissionValidation result = ApplicationForms.Find(ApplicationForms.OipApplication)!.Validate(d, ValidInputs.Context);
            Assert.Equal(["chiba_office_address"], result.Errors.Keys);
            Assert.Contains("千葉県内の事業所", result.Errors["chiba_office_address"][0], StringComparison.Ordinal);
        }, iter: 20);
    }
}
