namespace StartupHub.Build.Tests.Support;

/// <summary>A tiny theme written by the tests, using every template feature the generator offers.</summary>
internal static class SampleTheme
{
    public const string Base = """
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <title>{{ page.title }}｜{{ site.title }}</title>
        <link rel="canonical" href="{{ page.canonical_url }}">
        {%- if page.noindex %}
        <meta name="robots" content="noindex">
        {%- endif %}
        <link rel="stylesheet" href="{{ assets["css/site.css"] }}">
        {% rendersection head %}
        </head>
        <body>
        {% render 'nav' %}
        <main>
        {% renderbody %}
        </main>
        </body>
        </html>
        """;

    public const string Nav = """
        <nav><a class="home" href="{{ "/" | url }}">ホーム</a>{% for link in site.navigation %} <a href="{{ link.url | url }}">{{ link.title }}</a>{% endfor %}</nav>
        """;

    /// <summary>List layouts: a heading and a link per item.</summary>
    private static string ListLayout => """
        {% layout '_base' %}
        <h1>{{ page.title }}</h1>
        <ul class="items">{% for item in page.items %}<li><a href="{{ item.url | url }}">{{ item.slug }}</a></li>{% endfor %}</ul>
        {% if page.paginator %}<p class="paginator">{{ page.paginator.page }}/{{ page.paginator.total_pages }}</p>{% endif %}
        """;

    private static string DetailLayout => """
        {% layout '_base' %}
        <h1>{{ page.title }}</h1>
        <div class="content">{{ page.content }}</div>
        """;

    public const string EventLayout = """
        {% layout '_base' %}
        {% section head %}<meta name="x-event" content="{{ page.item.slug }}">{% endsection %}
        <h1>{{ page.item.title }}</h1>
        <p class="when">{{ page.item.start | date_ja }} {{ page.item.start | time_ja }}〜{{ page.item.end | time_ja }}</p>
        <p class="wareki">{{ page.item.start | wareki }}</p>
        <p class="state" data-state="{{ page.item.state }}">{{ page.item.state_label }}</p>
        <p class="venue">{{ page.item.venue.name }}（{{ page.item.city_label }}）</p>
        <ul class="sessions">{% for s in page.item.sessions %}<li data-kind="{{ s.kind }}">{{ s.kind_label }} {{ s.title }}{% for p in s.speaker_items %} <a class="speaker" href="{{ p.url | url }}">{{ p.name }}</a>{% endfor %}{% for c in s.company_items %} <a class="company" href="{{ c.url | url }}">{{ c.name }}</a>{% endfor %}</li>{% endfor %}</ul>
        <ul class="videos">{% for v in page.item.video_items %}<li><a href="{{ v.url | url }}">{{ v.title }}</a></li>{% endfor %}</ul>
        <div class="content">{{ page.content }}</div>
        <script type="application/ld+json">{{ page.json_ld | raw }}</script>
        """;

    public const string PersonLayout = """
        {% layout '_base' %}
        <h1>{{ page.item.name }}</h1>
        <ul class="events">{% for e in page.item.events %}<li><a href="{{ e.url | url }}">{{ e.title }}</a></li>{% endfor %}</ul>
        <ul class="videos">{% for v in page.item.videos %}<li><a href="{{ v.url | url }}">{{ v.title }}</a></li>{% endfor %}</ul>
        <div class="content">{{ page.content }}</div>
        """;

    public const string VideoLayout = """
        {% layout '_base' %}
        <h1>{{ page.item.title }}</h1>
        <p class="event"><a href="{{ page.item.event_item.url | url }}">{{ page.item.event_item.title }}</a></p>
        <button type="button" data-embed="{{ page.item.embed_url }}?autoplay=1">動画を再生（YouTubeが読み込まれます）</button>
        """;

    public static IEnumerable<(string Path, string Text)> Files
    {
        get
        {
            yield return ("themes/default/layouts/_base.liquid", Base);
            yield return ("themes/default/partials/nav.liquid", Nav);
            yield return ("themes/default/assets/css/site.css", "body { color: #222; }\n");
            yield return ("themes/default/assets/js/site.js", "console.log('site');\n");
            yield return ("themes/default/layouts/event.liquid", EventLayout);
            yield return ("themes/default/layouts/person.liquid", PersonLayout);
            yield return ("themes/default/layouts/video.liquid", VideoLayout);
            foreach (var list in new[] { "home", "events", "people", "companies", "videos", "news", "supporters", "search", "404" })
            {
                yield return ($"themes/default/layouts/{list}.liquid", ListLayout);
            }

            foreach (var detail in new[] { "company", "news-item", "supporter", "page" })
            {
                yield return ($"themes/default/layouts/{detail}.liquid", DetailLayout);
            }
        }
    }
}
