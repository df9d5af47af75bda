using Fluid;
using Fluid.Values;
using StartupHub.Site.Markdown;

namespace StartupHub.Site.Templates.Filters;

/// <summary>
/// The filters docs/content-model.md promises to themes. Per-build values (the base URL) come from the
/// template context, so the options holding these filters are built once and shared by every build.
/// </summary>
internal static class SiteFilters
{
    public const string BaseUrlKey = "startuphub.base_url";

    public static void Register(FilterCollection filters, MarkdownRenderer markdown)
    {
        filters.AddFilter("url", (input, _, context) => Text(SiteUrl.Relative(BaseUrl(context), input.ToStringValue())));
        filters.AddFilter("absolute_url", (input, _, context) => Text(SiteUrl.Absolute(BaseUrl(context), input.ToStringValue())));
        filters.AddFilter("date_ja", (input, _, context) => Date(input, context, JapaneseDates.Date));
        filters.AddFilter("time_ja", (input, _, context) => Date(input, context, JapaneseDates.Time));
        filters.AddFilter("datetime_ja", (input, _, context) => Date(input, context, JapaneseDates.DateTime));
        filters.AddFilter("wareki", (input, _, context) => Date(input, context, JapaneseDates.Era));
        filters.AddFilter("iso8601", (input, _, context) => Date(input, context, JapaneseDates.Iso8601));
        filters.AddFilter("markdownify", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(markdown.RenderFragment(input.ToStringValue()), encode: false)));
    }

    private static Uri BaseUrl(TemplateContext context) =>
        context.AmbientValues.TryGetValue(BaseUrlKey, out var value) && value is Uri uri ? uri : new Uri("http://localhost/");

    private static ValueTask<FluidValue> Text(string value) => new(new StringValue(value));

    /// <summary>Nil and unparsable input render as empty text, like Liquid's own <c>date</c> filter.</summary>
    private static ValueTask<FluidValue> Date(FluidValue input, TemplateContext context, Func<DateTimeOffset, string> format)
    {
        if (input.IsNil() || !input.TryGetDateTimeInput(context, out var value))
        {
            return new(StringValue.Empty);
        }

        return Text(format(value));
    }
}
