namespace Sitrep.Documents;

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

    /// <summary>The level the contract's <paramref name="name"/> names.</summary>
    public static PlaceLevel Parse(string name) => name switch
    {
        "country" => PlaceLevel.Country,
        "admin1" => PlaceLevel.Admin1,
        "admin2" => PlaceLevel.Admin2,
        "city" => PlaceLevel.City,
        "district" => PlaceLevel.District,
        "site" => PlaceLevel.Site,
        "region" => PlaceLevel.Region,
        _ => throw new ArgumentException($"'{name}' is not a place level", nameof(name)),
    };
}
