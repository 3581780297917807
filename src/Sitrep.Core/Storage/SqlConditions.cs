using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>
/// The WHERE clause of a listing, built from the filters given, each value a parameter of the command.
/// Only the filters given appear: "(@x IS NULL OR col = @x)" would keep SQLite from using an index for any of them.
/// </summary>
internal sealed class SqlConditions(DbCommand command, SqlDialect dialect)
{
    private readonly List<string> _clauses = [dialect.True];

    /// <summary>Adds <paramref name="clause"/> with the parameter <c>@<paramref name="name"/></c>, unless <paramref name="value"/> is null (no filter).</summary>
    public void Add(string clause, string name, object? value)
    {
        if (value is null) return;
        SqlDialect.Add(command, name, value);
        _clauses.Add(clause);
    }

    /// <summary>Adds a clause whose parameters, if any, are already on the command.</summary>
    public void Add(string clause) => _clauses.Add(clause);

    /// <summary>The clauses joined by AND.</summary>
    public override string ToString() => string.Join("\n  AND ", _clauses);
}
