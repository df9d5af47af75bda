namespace StartupHub.Build.Tests.Templates;

/// <summary>Pins Fluid's error texts and where they are reported, so an upgrade that changes them is noticed.</summary>
public sealed class TemplateErrorTests
{
    [Theory]
    [InlineData("<p>\n{% assing x = 1 %}", "themes/default/layouts/t.liquid:2:10: error SH1101: テンプレートを解析できません: Unknown tag 'assing'")]
    [InlineData("{% if page.title %}", "themes/default/layouts/t.liquid:1:20: error SH1101: テンプレートを解析できません: '{% endif %}' was expected")]
    [InlineData("a\nb {{ page.title | }}", "themes/default/layouts/t.liquid:2:18: error SH1101: テンプレートを解析できません: An identifier was expected after the '|' sign")]
    [InlineData("{{ page.title }", "themes/default/layouts/t.liquid:1:14: error SH1101: テンプレートを解析できません: End of tag '}}' was expected")]
    public void Parse_errors_carry_the_template_line_and_column(string template, string expected)
    {
        using var harness = new TemplateHarness(template);
        var (output, diagnostics) = harness.Render();
        Assert.Null(output);
        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Unknown_variable_is_an_error_at_its_use()
    {
        using var harness = new TemplateHarness("<h1>{{ page.title }}</h1>\n<p>{{ page.titel }}</p>");
        var (output, diagnostics) = harness.Render();
        Assert.Null(output);
        var error = Assert.Single(diagnostics);
        Assert.Equal("themes/default/layouts/t.liquid:2:12", error.Location.ToString());
        Assert.Equal("SH1102", error.Code);
        Assert.Contains("「titel」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_root_variable_in_a_partial_is_reported_in_the_partial()
    {
        using var harness = new TemplateHarness("{% render 'card' %}", new Dictionary<string, string> { ["card"] = "<div>\n  {{ sitee.title }}\n</div>" });
        var (_, diagnostics) = harness.Render();
        var error = Assert.Single(diagnostics);
        Assert.Equal("themes/default/partials/card.liquid:2:6", error.Location.ToString());
        Assert.Equal("SH1102", error.Code);
    }

    [Fact]
    public void A_name_inside_quotes_is_not_taken_for_the_undefined_variable()
    {
        using var harness = new TemplateHarness("{{ \"titel\" | append: 'titel' }}\n{{ page.titel }}");
        var (_, diagnostics) = harness.Render();
        Assert.Equal("themes/default/layouts/t.liquid:2:9", Assert.Single(diagnostics).Location.ToString());
    }

    [Fact]
    public void Null_members_are_not_undefined()
    {
        using var harness = new TemplateHarness("[{{ page.missing }}]{% if page.missing %}x{% endif %}");
        Assert.Equal("[]", harness.RenderOk());
    }

    [Fact]
    public void Unknown_filter_is_an_error_at_the_filter()
    {
        using var harness = new TemplateHarness("{{ page.title }}\n{{ page.start | date_jp }}");
        var (_, diagnostics) = harness.Render();
        var error = Assert.Single(diagnostics);
        Assert.Equal("themes/default/layouts/t.liquid:2:17", error.Location.ToString());
        Assert.Equal("SH1103", error.Code);
        Assert.Contains("「date_jp」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_template_is_parsed_again_and_an_unchanged_one_is_reused()
    {
        using var harness = new TemplateHarness("one");
        var bag = new StartupHub.Site.Diagnostics.DiagnosticBag();
        var first = harness.Engine.Load(bag).Layouts["t"];
        Assert.Same(first, harness.Engine.Load(bag).Layouts["t"]);

        harness.Write("themes/default/layouts/t.liquid", "two, longer");
        Assert.Equal("two, longer", harness.RenderOk());
    }
}
