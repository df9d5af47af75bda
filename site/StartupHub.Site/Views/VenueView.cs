using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>A venue as templates see it (<c>event.venue</c>, <c>site.venues</c>).</summary>
public sealed class VenueView(Venue venue)
{
    public string Id => venue.Id;

    public string Name => venue.Name;

    public string City => KebabCase.Of(venue.City);

    public string CityLabel => Labels.Of(venue.City);

    public string Address => venue.Address;

    public string? Access => venue.Access;

    public string? MapUrl => venue.MapUrl;
}
