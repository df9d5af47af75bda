using Fluid;
using Fluid.Ast;

namespace StartupHub.Site.Templates;

/// <summary>
/// Base layouts in the style of Fluid's view engine (which is not a package we can use here):
/// a page layout says <c>{% layout '_base' %}</c>, fills <c>{% section head %}…{% endsection %}</c>, and the
/// base layout places it with <c>{% rendersection head %}</c> and the page with <c>{% renderbody %}</c>.
/// State lives in the per-render context, never in the shared parser.
/// </summary>
internal static class LayoutTags
{
    public const string LayoutKey = "startuphub.layout";
    public const string BodyKey = "startuphub.body";
    private const string SectionPrefix = "startuphub.section:";

    public static void Register(FluidParser parser)
    {
        parser.RegisterExpressionTag("layout", async (expression, _, _, context) =>
        {
            var name = (await expression.EvaluateAsync(context)).ToStringValue();
            context.AmbientValues[LayoutKey] = name;
            return Completion.Normal;
        });

        parser.RegisterEmptyTag("renderbody", (writer, _, context) =>
        {
            if (context.AmbientValues.TryGetValue(BodyKey, out var body))
            {
                writer.Write((System.Text.StringBuilder)body);
            }

            return new ValueTask<Completion>(Completion.Normal);
        });

        parser.RegisterIdentifierBlock("section", async (name, statements, _, encoder, context) =>
        {
            using var capture = new StringWriter();
            foreach (var statement in statements)
            {
                await statement.WriteToAsync(capture, encoder, context);
            }

            context.AmbientValues[SectionPrefix + name] = capture.ToString();
            return Completion.Normal;
        });

        parser.RegisterIdentifierTag("rendersection", (name, writer, _, context) =>
        {
            if (context.AmbientValues.TryGetValue(SectionPrefix + name, out var section))
            {
                writer.Write((string)section);
            }

            return new ValueTask<Completion>(Completion.Normal);
        });
    }
}
