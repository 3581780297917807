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
