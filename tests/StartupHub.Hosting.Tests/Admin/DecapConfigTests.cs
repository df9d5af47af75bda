using System.Reflection;
using StartupHub.Hosting.Tests.Support;
using StartupHub.Site.Admin;
using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;
using YamlDotNet.RepresentationModel;

namespace StartupHub.Hosting.Tests.Admin;

/// <summary>admin/config.yml against the content model: the records in Content/ and the keys the readers accept.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class DecapConfigTests(BuiltSite site)
{
    /// <summary>Collection → (record, reader with the accepted keys, has a Markdown body).</summary>
    public static readonly TheoryData<string, Type, string, bool> Collections = new()
    {
        { "events", typeof(Event), "EventReader", true },
        { "people", typeof(Person), "PersonReader", true },
        { "companies", typeof(Company), "CompanyReader", true },
        { "videos", typeof(Video), "VideoReader", false },
        { "news", typeof(NewsItem), "NewsReader", true },
        { "pages", typeof(Page), "PageReader", true },
        { "supporters", typeof(Supporter), "SupporterReader", true },
        { "forms", typeof(Form), "FormReader", true },
    };

    private static readonly string[] PublishingKeys = ["draft", "publish_date", "expiry_date"];

    private YamlMappingNode Config => Load(File.ReadAllText(Path.Combine(site.OutputDirectory, "admin", "config.yml")));

    [Fact]
    public void The_cms_is_japanese_and_every_edit_becomes_a_pull_request()
    {
        var config = Config;
        Assert.Equal("ja", Scalar(config, "locale"));
        Assert.Equal("editorial_workflow", Scalar(config, "publish_mode"));
        Assert.Equal("true", Scalar(config, "local_backend"));
        var backend = (YamlMappingNode)config["backend"];
        Assert.Equal("github", Scalar(backend, "name"));
        Assert.Equal(SiteBuild.Admin.Repository, Scalar(backend, "repo"));
        Assert.Equal("api/auth", Scalar(backend, "auth_endpoint"));
        Assert.Equal("https://startup-hub.example.jp", Scalar(backend, "base_url")); // the origin, as Decap compares message origins to it
    }

    [Fact]
    public void The_cms_files_are_in_the_build_and_served_from_our_origin()
    {
        var admin = Path.Combine(site.OutputDirectory, "admin");
        Assert.True(File.Exists(Path.Combine(admin, "decap-cms.js")));
        Assert.NotEmpty(Directory.EnumerateFiles(admin, "*.decap-cms.js"));
        var html = File.ReadAllText(Path.Combine(admin, "index.html"));
        Assert.Contains("<script src=\"init.js\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"decap-cms.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("data-preview-style", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches("data-preview-style=\"/assets/css/site\\.[0-9a-f]+\\.css\"", html);
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public void Every_key_the_reader_accepts_is_a_field_and_no_other(string name, Type record, string reader, bool body)
    {
        var fields = Fields(Collection(Config, name));
        IEnumerable<string> expected = ReaderKeys(reader);
        if (body)
        {
            expected = expected.Append("body");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), fields.Select(f => Scalar(f, "name")).Order(StringComparer.Ordinal));
        Assert.True(typeof(ContentItem).IsAssignableFrom(record));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public void Required_properties_are_required_fields_and_optional_ones_are_not(string name, Type record, string reader, bool body)
    {
        _ = reader;
        _ = body;
        CheckRecord(record, Fields(Collection(Config, name)), name);
    }

    [Fact]
    public void Site_settings_are_editable_with_the_after_contract_switch()
    {
        var settings = Collection(Config, "settings");
        var file = (YamlMappingNode)((YamlSequenceNode)settings["files"])[0];
        Assert.Equal("content/site.yml", Scalar(file, "file"));
        var fields = Fields(file);
        Assert.Equal(ReaderKeys("SiteSettingsReader").Order(StringComparer.Ordinal), fields.Select(f => Scalar(f, "name")).Order(StringComparer.Ordinal));
        var forms = fields.Single(f => Scalar(f, "name") == "forms");
        Assert.Equal(["open", "closed"], ((YamlSequenceNode)forms["options"]).Cast<YamlMappingNode>().Select(o => Scalar(o, "value")));
        CheckRecord(typeof(SiteSettings), fields, "settings", renamed: new Dictionary<string, string> { ["social.title"] = "name" });
    }

    [Fact]
    public void Every_relation_points_at_a_configured_collection_and_venues_are_the_real_ones()
    {
        var config = Config;
        var names = ((YamlSequenceNode)config["collections"]).Cast<YamlMappingNode>().Select(c => Scalar(c, "name")).ToHashSet();
        var relations = AllFields(((YamlSequenceNode)config["collections"]).Cast<YamlMappingNode>().Where(c => c.Children.ContainsKey("fields")).SelectMany(Fields))
            .Where(f => Scalar(f, "widget") == "relation").ToList();
        Assert.NotEmpty(relations);
        Assert.All(relations, r => Assert.Contains(Scalar(r, "collection"), names));

        var venue = Fields(Collection(config, "events")).Single(f => Scalar(f, "name") == "venue");
        var content = ContentReader.Read(RepositoryRoot.Combine("content"), RepositoryRoot.Path, new DiagnosticBag())!;
        Assert.Equal(content.Venues.Select(v => v.Id), ((YamlSequenceNode)venue["options"]).Cast<YamlMappingNode>().Select(o => Scalar(o, "value")));
    }

    [Fact]
    public void Enum_choices_are_the_values_the_reader_accepts()
    {
        var events = Fields(Collection(Config, "events"));
        Assert.Equal(KebabCase.Names<EventSeries>(), Options(events, "series"));
        Assert.Equal(KebabCase.Names<City>(), Options(events, "city"));
        var sessions = Fields(events.Single(f => Scalar(f, "name") == "sessions"));
        Assert.Equal(KebabCase.Names<SessionKind>(), Options(sessions, "kind"));
        Assert.Equal(KebabCase.Names<SupporterKind>(), Options(Fields(Collection(Config, "supporters")), "kind"));
        Assert.Equal(KebabCase.Names<PersonRole>(), Options(Fields(Collection(Config, "people")), "roles"));
    }

    [Fact]
    public void Forms_closed_leaves_the_cms_out_because_it_signs_in_through_the_api()
    {
        var content = ContentReader.Read(RepositoryRoot.Combine("content"), RepositoryRoot.Path, new DiagnosticBag())!;
        var closed = content with { Settings = content.Settings with { Forms = FormsMode.Closed } };
        var options = new BuildOptions { RootDirectory = RepositoryRoot.Path, OutputDirectory = "unused" };
        Assert.Empty(new AdminOutput(SiteBuild.Admin).Generate(new OutputContext(closed, options, [], FixedClock.ProgramYear)));
        Assert.NotEmpty(new AdminOutput(SiteBuild.Admin).Generate(new OutputContext(content, options, [], FixedClock.ProgramYear)));
    }

    [Fact]
    public void The_config_is_serialised_again_only_when_the_base_url_the_settings_or_the_venues_change()
    {
        var content = ContentReader.Read(RepositoryRoot.Combine("content"), RepositoryRoot.Path, new DiagnosticBag())!;
        var options = new BuildOptions { RootDirectory = RepositoryRoot.Path, OutputDirectory = "unused" };
        var admin = new AdminOutput(SiteBuild.Admin);
        byte[] ConfigOf(SiteContent c, BuildOptions o) => admin.Generate(new OutputContext(c, o, [], FixedClock.ProgramYear)).Single(f => f.Path == "admin/config.yml").Content;

        var first = ConfigOf(content, options);
        // A news edit (a new content record, the same venues): the same bytes, not serialised again.
        var newsEdited = content with { News = [.. content.News.Select(n => n with { Title = n.Title + "（改）" })] };
        Assert.Same(first, ConfigOf(newsEdited, options));

        // Another base URL or a changed venue: a new file, the same as a fresh generator's.
        var otherBase = options with { BaseUrl = new Uri("https://preview.example.jp/") };
        var venueEdited = content with { Venues = [content.Venues[0] with { Id = content.Venues[0].Id + "-2" }, .. content.Venues.Skip(1)] };
        foreach (var (c, o) in new[] { (content, otherBase), (venueEdited, options) })
        {
            var again = ConfigOf(c, o);
            Assert.NotSame(first, again);
            Assert.Equal(new AdminOutput(SiteBuild.Admin).Generate(new OutputContext(c, o, [], FixedClock.ProgramYear)).Single(f => f.Path == "admin/config.yml").Content, again);
        }

        Assert.NotEqual(first, ConfigOf(venueEdited, options));
    }

    [Fact]
    public void Without_the_npm_package_the_admin_page_says_how_to_fix_it()
    {
        var content = ContentReader.Read(RepositoryRoot.Combine("content"), RepositoryRoot.Path, new DiagnosticBag())!;
        var options = new BuildOptions { RootDirectory = Path.GetTempPath(), OutputDirectory = "unused" };
        var files = new AdminOutput(SiteBuild.Admin with { DecapDistDirectory = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()) })
            .Generate(new OutputContext(content, options, [], FixedClock.ProgramYear)).ToList();
        Assert.DoesNotContain(files, f => f.Path.EndsWith("decap-cms.js", StringComparison.Ordinal));
        var index = System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == "admin/index.html").Content);
        Assert.Contains("npm ci", index, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", index, StringComparison.Ordinal);
    }

    private static void CheckRecord(Type record, IReadOnlyList<YamlMappingNode> fields, string where, IReadOnlyDictionary<string, string>? renamed = null, string prefix = "")
    {
        var byName = fields.ToDictionary(f => Scalar(f, "name"), StringComparer.Ordinal);
        foreach (var (property, required, nullable) in Members(record))
        {
            if (property.Name is nameof(ContentItem.Slug) or nameof(ContentItem.SourcePath) or nameof(ContentItem.Body))
            {
                continue; // the file name and the Markdown body, not front matter keys
            }

            if (property.PropertyType == typeof(Publishing))
            {
                Assert.All(PublishingKeys, k => Assert.Equal("false", Scalar(byName[k], "required")));
                continue;
            }

            var key = renamed?.GetValueOrDefault(prefix + KebabCase.Of(property.Name).Replace('-', '_')) ?? KebabCase.Of(property.Name).Replace('-', '_');
            Assert.True(byName.TryGetValue(key, out var field), $"{where}: {record.Name}.{property.Name} ({key}) has no field");
            if (required)
            {
                Assert.True(Scalar(field, "required") == "true", $"{where}: {key} is required in {record.Name} but not in the CMS");
            }
            else if (nullable)
            {
                Assert.True(Scalar(field, "required") == "false", $"{where}: {key} is optional in {record.Name} but required in the CMS");
            }

            var element = ElementType(property.PropertyType);
            if (element.Namespace == typeof(Event).Namespace && !element.IsEnum && element.IsClass && field.Children.ContainsKey("fields"))
            {
                CheckRecord(element, Fields(field), $"{where}.{key}", renamed, key + ".");
            }
        }
    }

    /// <summary>Properties with whether C# requires them (a <c>required</c> member or a positional parameter without default) and whether they may be null.</summary>
    private static IEnumerable<(PropertyInfo Property, bool Required, bool Nullable)> Members(Type record)
    {
        var nullability = new NullabilityInfoContext();
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract" && p.CanWrite))
        {
            var parameter = constructor.GetParameters().FirstOrDefault(p => p.Name == property.Name);
            var nullable = nullability.Create(property).ReadState == NullabilityState.Nullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            var required = property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null
                || (parameter is not null && !parameter.HasDefaultValue && !nullable);
            yield return (property, required, nullable);
        }
    }

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : Nullable.GetUnderlyingType(type) ?? type;

    private static string[] ReaderKeys(string reader) =>
        (string[])typeof(SiteBuilder).Assembly.GetType("StartupHub.Site.Loading.Readers." + reader, throwOnError: true)!
            .GetField("Keys", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static IEnumerable<string> Options(IReadOnlyList<YamlMappingNode> fields, string name) =>
        ((YamlSequenceNode)fields.Single(f => Scalar(f, "name") == name)["options"]).Cast<YamlMappingNode>().Select(o => Scalar(o, "value"));

    private static IEnumerable<YamlMappingNode> AllFields(IEnumerable<YamlMappingNode> fields) =>
        fields.SelectMany(f => (IEnumerable<YamlMappingNode>)[f, .. AllFields(f.Children.ContainsKey("fields") ? Fields(f) : [])]);

    internal static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    internal static YamlMappingNode Collection(YamlMappingNode config, string name) =>
        ((YamlSequenceNode)config["collections"]).Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == name);

    internal static IReadOnlyList<YamlMappingNode> Fields(YamlMappingNode node) => [.. ((YamlSequenceNode)node["fields"]).Cast<YamlMappingNode>()];

    internal static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";
}
