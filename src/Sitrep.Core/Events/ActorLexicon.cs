using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Events;

/// <summary>
/// ACLED's own actor names, learned from the training rows: each name with the years it was used and
/// how often. It turns the coder's generic name into the one ACLED used that year ("Military Forces of
/// Ukraine" in 2022 → "Military Forces of Ukraine (2019-)"; "Police Forces of Nicaragua" in 2019 →
/// "Police Forces of Nicaragua (2007-)"), and leaves a name it has never seen as it is.
/// </summary>
public sealed partial class ActorLexicon
{
    private const string Header = "name\tbase\tinter\tfirst_year\tlast_year\trows";

    private readonly Dictionary<string, List<Entry>> _byBase;

    private readonly Dictionary<string, List<Entry>> _groupsByKey;
    private readonly int _longestKey;
    private readonly HashSet<string> _firstWordsOfKeys; // most words start no group's name: skip them before joining phrases

    private sealed record Entry(string Name, string Base, int Inter, int FirstYear, int LastYear, int Rows);

    private ActorLexicon(IEnumerable<Entry> entries)
    {
        var all = entries.ToList();
        _byBase = all.GroupBy(e => e.Base, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _groupsByKey = new Dictionary<string, List<Entry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in all.Where(IsNamedGroup))
            foreach (var key in GroupKeys(e.Name))
            {
                if (!_groupsByKey.TryGetValue(key, out var list)) _groupsByKey[key] = list = [];
                list.Add(e);
            }
        _longestKey = _groupsByKey.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(0).Max();
        _firstWordsOfKeys = new HashSet<string>(_groupsByKey.Keys.Select(k => k.Split(' ')[0]), StringComparer.OrdinalIgnoreCase);
    }

    // An organised group with a name of its own (rebels, militias, jihadists, foreign forces), not a generic or state name.
    private static bool IsNamedGroup(Entry e) =>
        e.Inter is 2 or 3 or 4 or 8 && !e.Name.StartsWith("Unidentified", StringComparison.Ordinal) && !e.Name.StartsWith("Military Forces of", StringComparison.Ordinal)
        && !e.Name.StartsWith("Police Forces of", StringComparison.Ordinal) && !e.Name.Contains(" Militia (", StringComparison.Ordinal)
        && !e.Name.Contains("Communal", StringComparison.Ordinal) && !e.Name.Contains(" and/or ", StringComparison.Ordinal);

    // What a report calls a group: "M23: March 23 Movement" → "M23", "March 23 Movement"; "Islamic State (Iraq)" → "Islamic State".
    private static IEnumerable<string> GroupKeys(string name)
    {
        int colon = name.IndexOf(": ", StringComparison.Ordinal);
        var full = colon > 0 ? name[(colon + 2)..] : name;
        int bracket = full.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0) full = full[..bracket];
        if (colon > 1) yield return name[..colon];
        if (full.Length > 3) yield return full;
    }

    /// <summary>How many names it holds.</summary>
    public int Count => _byBase.Values.Sum(v => v.Count);

    /// <summary>The lexicon of every actor1, actor2 and associated actor of <paramref name="rows"/>.</summary>
    internal static ActorLexicon Build(IEnumerable<AcledGoldRow> rows)
    {
        var seen = new Dictionary<string, (int First, int Last, int Rows, int Inter)>(StringComparer.Ordinal);
        foreach (var row in rows)
            foreach (var (name, inter) in new[] { (row.Actor1, row.Inter1), (row.Actor2, row.Inter2) })
            {
                if (string.IsNullOrWhiteSpace(name)) continue;
                int year = row.Date.Year;
                seen[name] = seen.TryGetValue(name, out var s)
                    ? (Math.Min(s.First, year), Math.Max(s.Last, year), s.Rows + 1, s.Inter > 0 ? s.Inter : inter ?? 0)
                    : (year, year, 1, inter ?? 0);
            }
        return new ActorLexicon(seen.Select(kv => new Entry(kv.Key, BaseOf(kv.Key), kv.Value.Inter, kv.Value.First, kv.Value.Last, kv.Value.Rows)));
    }

    /// <summary>
    /// ACLED's name for the actor the coder calls <paramref name="generic"/> in <paramref name="year"/>:
    /// of the names with that base, the one most used in a span of years holding it, else the one used
    /// nearest to it; the generic name itself when none has that base.
    /// </summary>
    public string Resolve(string generic, int year)
    {
        if (!_byBase.TryGetValue(generic, out var names)) return generic;
        // A name with nothing after its period ("Military Forces of Yemen (2012-)") before a faction or unit of it.
        var whole = names.Where(e => e.Name.EndsWith(')') || e.Name == e.Base).ToList();
        if (whole.Count > 0) names = whole;
        var covering = names.Where(e => e.FirstYear <= year && year <= e.LastYear).ToList();
        var pool = covering.Count > 0 ? covering : names;
        return pool.OrderBy(e => covering.Count > 0 ? 0 : Math.Min(Math.Abs(e.FirstYear - year), Math.Abs(e.LastYear - year)))
            .ThenByDescending(e => e.Rows).ThenBy(e => e.Name, StringComparer.Ordinal).First().Name;
    }

    /// <summary>
    /// The named group (with its inter code) that <paramref name="words"/> name, longest name first:
    /// "M23 rebels" → "M23: March 23 Movement", "Al Shabaab fighters" → "Al Shabaab". Of a name used in
    /// several countries ("Islamic State (Iraq)"), the one of <paramref name="country"/>, else the most used.
    /// </summary>
    public (string Name, int Inter)? FindGroup(List<(string Lower, string Original)> words, string? country)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].Original.Length == 0 || !char.IsUpper(words[i].Original[0]) && words[i].Lower is not ("al" or "el")
                || !_firstWordsOfKeys.Contains(words[i].Original)) continue;
            for (int n = Math.Min(_longestKey, words.Count - i); n >= 1; n--)
            {
                var key = string.Join(' ', words.Skip(i).Take(n).Select(w => w.Original));
                if (!_groupsByKey.TryGetValue(key, out var entries)) continue;
                var best = entries.OrderByDescending(e => country is not null && e.Name.EndsWith($"({country})", StringComparison.Ordinal))
                    .ThenByDescending(e => e.Rows).ThenBy(e => e.Name, StringComparer.Ordinal).First();
                return (best.Name, best.Inter);
            }
        }
        return null;
    }

    // A name without its period and what follows it: "Military Forces of Yemen (2016-) Supreme Political Council" → "Military Forces of Yemen".
    private static string BaseOf(string name)
    {
        var period = Period().Match(name);
        return period.Success ? name[..period.Index].TrimEnd() : name;
    }

    [GeneratedRegex(@"\s*\((?:\d{4})-(?:\d{4})?\)")]
    private static partial Regex Period();

    /// <summary>Writes the lexicon as tab-separated lines, sorted, so that a rebuild gives the same file.</summary>
    public void Save(string path)
    {
        var lines = _byBase.Values.SelectMany(v => v).OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => string.Join('\t', e.Name, e.Base, e.Inter.ToString(CultureInfo.InvariantCulture), e.FirstYear.ToString(CultureInfo.InvariantCulture), e.LastYear.ToString(CultureInfo.InvariantCulture), e.Rows.ToString(CultureInfo.InvariantCulture)));
        File.WriteAllLines(path, [Header, .. lines], new UTF8Encoding(false));
    }

    /// <summary>Reads a lexicon written by <see cref="Save"/>; a malformed line throws <see cref="InvalidDataException"/> naming file and line.</summary>
    public static ActorLexicon Load(string path)
    {
        var entries = new List<Entry>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 6 || !int.TryParse(f[2], CultureInfo.InvariantCulture, out int inter) || !int.TryParse(f[3], CultureInfo.InvariantCulture, out int first)
                || !int.TryParse(f[4], CultureInfo.InvariantCulture, out int last) || !int.TryParse(f[5], CultureInfo.InvariantCulture, out int rows))
                throw new InvalidDataException($"{path}:{number}: expected {Header.Replace('\t', ' ')}; rebuild it with 'sitrep train events'.");
            entries.Add(new Entry(f[0], f[1], inter, first, last, rows));
        }
        return new ActorLexicon(entries);
    }
}
