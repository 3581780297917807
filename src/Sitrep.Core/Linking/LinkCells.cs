using Sitrep.Events;

namespace Sitrep.Linking;

/// <summary>
/// The blocking keys of event linking, computed alike here and in the store's generated columns: a
/// disorder-type number and a half-degree grid cell. Events that may be one incident share a
/// disorder type and lie in neighbouring cells, so candidates are found by index, not by scanning a
/// country's events.
/// </summary>
internal static class LinkCells
{
    /// <summary>The store's expression for <see cref="Family"/> (keep the two alike).</summary>
    public const string FamilySql =
        "CASE WHEN event_type IN ('Battles', 'Explosions/Remote violence', 'Violence against civilians') THEN 1 WHEN event_type IN ('Protests', 'Riots') THEN 2 ELSE 3 END";

    /// <summary>The store's expression for <see cref="Cell"/> (keep the two alike).</summary>
    public const string CellSql =
        "CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL ELSE CAST((latitude + 90) * 2 AS INTEGER) * 1000 + CAST((longitude + 180) * 2 AS INTEGER) END";

    /// <summary>
    /// PostgreSQL's expression for <see cref="Cell"/>: its casts to integer round where SQLite's
    /// truncate, so the cell's row and column are floored explicitly (both are never negative).
    /// </summary>
    public const string CellSqlPostgres =
        "CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL ELSE floor((latitude + 90) * 2)::integer * 1000 + floor((longitude + 180) * 2)::integer END";

    private const double CellDegrees = 0.5;
    private const double KmPerDegreeLatitude = 111.32;

    /// <summary>1 political violence, 2 demonstrations, 3 strategic developments.</summary>
    public static int Family(string eventType) => EventTaxonomy.DisorderType(eventType) switch
    {
        "Political violence" => 1,
        "Demonstrations" => 2,
        _ => 3,
    };

    /// <summary>The half-degree cell holding a point.</summary>
    public static int Cell(double latitude, double longitude) => (int)((latitude + 90) * 2) * 1000 + (int)((longitude + 180) * 2);

    /// <summary>Every cell that holds a point within <paramref name="radiusKm"/> of the given one (more cells east and west where meridians converge).</summary>
    public static List<int> Around(double latitude, double longitude, double radiusKm)
    {
        int rows = (int)Math.Ceiling(radiusKm / (KmPerDegreeLatitude * CellDegrees));
        double kmPerCellEastWest = KmPerDegreeLatitude * CellDegrees * Math.Max(0.05, Math.Cos((Math.Abs(latitude) + rows * CellDegrees) * Math.PI / 180));
        int columns = Math.Min(360, (int)Math.Ceiling(radiusKm / kmPerCellEastWest));
        int row = (int)((latitude + 90) * 2), column = (int)((longitude + 180) * 2);
        var cells = new List<int>((2 * rows + 1) * (2 * columns + 1));
        for (int r = Math.Max(0, row - rows); r <= Math.Min(360, row + rows); r++)
            for (int c = column - columns; c <= column + columns; c++)
                cells.Add(r * 1000 + ((c % 720) + 720) % 720);
        return cells;
    }
}
