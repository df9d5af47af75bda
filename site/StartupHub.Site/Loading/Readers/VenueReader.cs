using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>One item of content/venues.yml.</summary>
internal static class VenueReader
{
    public static readonly string[] Keys = ["id", "name", "city", "address", "access", "map_url"];

    public static Venue Read(Fields f) => new()
    {
        Id = f.RequiredString("id"),
        Name = f.RequiredString("name"),
        City = f.RequiredEnum<City>("city"),
        Address = f.RequiredString("address"),
        Access = f.String("access"),
        MapUrl = f.String("map_url"),
        Source = f.Location,
    };
}
