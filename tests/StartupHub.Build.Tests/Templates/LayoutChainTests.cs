namespace StartupHub.Build.Tests.Templates;

/// <summary>
/// Layout chains render through two reused buffers per thread (Templates/TemplateSet.cs, LayoutBuffers): each level's
/// text must reach the next whole, and nothing of one page may leak into the next, after a success or a failure.
/// </summary>
public sealed class LayoutChainTests
{
    private const string Middle = "{% layout '_base' %}{% section head %}<meta name=\"m\">{% endsection %}<main>{% renderbody %}</main>";
    private const string Base = "<html><head>{% rendersection head %}</head><body>{% renderbody %}</body></html>";

    [Fact]
    public void Three_levels_nest_in_order_and_a_shorter_page_after_a_longer_one_has_nothing_left_over()
    {
        using var harness = new TemplateHarness("{% layout '_middle' %}<p>{{ page.title }}</p>" + string.Concat(Enumerable.Repeat("<i>長い本文</i>", 2000)));
        harness.Write("themes/default/layouts/_middle.liquid", Middle);
        harness.Write("themes/default/layouts/_base.liquid", Base);

        var longPage = harness.RenderOk();
        Assert.StartsWith("<html><head><meta name=\"m\"></head><body><main><p>タイトル</p><i>長い本文</i>", longPage, StringComparison.Ordinal);
        Assert.EndsWith("<i>長い本文</i></main></body></html>", longPage, StringComparison.Ordinal);
        Assert.Equal(2000, longPage.Split("<i>長い本文</i>").Length - 1);

        harness.Write("themes/default/layouts/t.liquid", "{% layout '_middle' %}<p>短い</p>");
        Assert.Equal("<html><head><meta name=\"m\"></head><body><main><p>短い</p></main></body></html>", harness.RenderOk());
    }

    [Fact]
    public void A_page_that_fails_in_its_base_layout_leaves_nothing_for_the_next_page()
    {
        using var harness = new TemplateHarness("{% layout '_base' %}<p>{{ page.title }}</p>");
        harness.Write("themes/default/layouts/_base.liquid", "<body>{% renderbody %}{{ page.titel }}</body>");
        var (failed, diagnostics) = harness.Render();
        Assert.Null(failed);
        Assert.Equal("SH1102", Assert.Single(diagnostics).Code);

        harness.Write("themes/default/layouts/_base.liquid", "<body>{% renderbody %}</body>");
        Assert.Equal("<body><p>タイトル</p></body>", harness.RenderOk());
    }
}
