namespace StartupHub.Site.Validation.Rules;

/// <summary>Venue ids are what events refer to, so each must be unique.</summary>
internal sealed class VenueRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        var venues = context.Content.Venues;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < venues.Count; i++)
        {
            var id = venues[i].Id;
            if (id.Length == 0)
                continue;
            var path = venues[i].Source.Path;
            if (first.TryGetValue(id, out var earlier))
            {
                var at = context.Map.Locate(path, $"[{earlier}].id");
                context.Error(path, $"[{i}].id", Codes.DuplicateVenueId, Messages.DuplicateVenueId(id, at.ToString()));
            }
            else
            {
                first.Add(id, i);
            }
        }
    }
}
