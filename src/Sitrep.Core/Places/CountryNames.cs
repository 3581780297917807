using System.Collections.Concurrent;
using System.Globalization;

namespace Sitrep.Places;

/// <summary>English country names for ISO 3166-1 alpha-2 codes, as ACLED spells actors ("Police Forces of Kazakhstan").</summary>
internal static class CountryNames
{
    // RegionInfo asks ICU each time; a report names a handful of countries, asked many times over.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    /// <summary>The English name of <paramref name="code"/>, or the code itself when it names no country.</summary>
    public static string Of(string code) => Names.GetOrAdd(code, static code =>
    {
        try
        {
            return code.Length == 2 ? new RegionInfo(code).EnglishName : code;
        }
        catch (ArgumentException)
        {
            return code;
        }
    });
}
