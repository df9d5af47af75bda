using StartupHub.Site.Content;

namespace StartupHub.Site.Validation.Rules;

/// <summary>Form periods and publishing periods must open before they close, or the item would never be visible/open.</summary>
internal sealed class PeriodRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        foreach (var form in context.Content.Forms)
        {
            if (form is { Opens: { } opens, Closes: { } closes } && opens >= closes)
                context.Error(form, "opens", Codes.PeriodOpensNotBeforeCloses, Messages.PeriodOpensNotBeforeCloses(opens, closes));
        }

        var c = context.Content;
        IEnumerable<ContentItem> all = [.. c.Events, .. c.People, .. c.Companies, .. c.Videos, .. c.News, .. c.Pages, .. c.Supporters, .. c.Forms];
        foreach (var item in all)
        {
            if (item.Publishing is { PublishDate: { } publish, ExpiryDate: { } expiry } && publish >= expiry)
                context.Error(item, "publish_date", Codes.PublishAfterExpiry, Messages.PublishAfterExpiry(publish, expiry));
        }
    }
}
