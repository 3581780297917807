using System.Collections.Frozen;

namespace Sitrep.Text;

/// <summary>
/// A closed word list the project writes itself, kept as data beside the code that reads it (as
/// <c>Places/places.tsv</c> is): an embedded tab-separated file, one entry a line, <c>LIST TAB FIELD
/// [TAB FIELD...]</c>. Its header says what each list holds, one <c># LIST TAB description</c> line
/// each; a list with entries and no such line is refused, so a new list cannot go undescribed. Other
/// lines starting with <c>#</c> are comments.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, List<string[]>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _descriptions = new(StringComparer.Ordinal);

    private Lexicon(string name) => Name = name;

    /// <summary>The file's name (<c>time-words.tsv</c>).</summary>
    public string Name { get; }

    /// <summary>Each list's name and what it holds, as the header says.</summary>
    public IReadOnlyDictionary<string, string> Descriptions => _descriptions;

    /// <summary>The lexicon <paramref name="fileName"/> (<c>time-words.tsv</c>) embedded in this assembly.</summary>
    public static Lexicon Embedded(string fileName)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("Sitrep.Lexicons." + fileName)
            ?? throw new InvalidOperationException($"the build lost the embedded lexicon {fileName}");
        return Parse(fileName, new StreamReader(stream).ReadToEnd());
    }

    /// <summary>Reads a lexicon's text; a malformed line or an undescribed list throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static Lexicon Parse(string fileName, string text)
    {
        var lexicon = new Lexicon(fileName);
        int number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var content = line.TrimEnd('\r');
            if (content.Length == 0) continue;
            if (content[0] == '#')
            {
                // "# LIST<TAB>what it holds" describes a list; any other '#' line is a comment.
                var header = content[1..].TrimStart(' ').Split('\t', 2);
                if (header.Length == 2 && header[0].Length > 0 && !header[0].Contains(' ')) lexicon._descriptions[header[0]] = header[1].Trim();
                continue;
            }
            var fields = content.Split('\t');
            if (fields.Length < 2 || fields.Any(f => f.Length == 0))
                throw new InvalidDataException($"{fileName}:{number}: expected LIST<TAB>WORD[<TAB>VALUE...], with no empty field");
            if (!lexicon._descriptions.ContainsKey(fields[0]))
                throw new InvalidDataException($"{fileName}:{number}: the list '{fields[0]}' is not described in the header ('# {fields[0]}<TAB>what it holds')");
            if (!lexicon._lists.TryGetValue(fields[0], out var rows)) lexicon._lists[fields[0]] = rows = [];
            rows.Add(fields[1..]);
        }
        return lexicon;
    }

    /// <summary>The entries of <paramref name="list"/>, each its fields after the list name.</summary>
    public IReadOnlyList<string[]> Rows(string list) =>
        _lists.TryGetValue(list, out var rows) ? rows : throw new InvalidDataException($"{Name}: no list '{list}'");

    /// <summary>The first field of each entry of <paramref name="list"/>.</summary>
    public string[] Words(string list) => [.. Rows(list).Select(r => r[0])];

    /// <summary>The words of <paramref name="list"/> as a set, compared by <paramref name="comparer"/>.</summary>
    public FrozenSet<string> Frozen(string list, StringComparer comparer) => Words(list).ToFrozenSet(comparer);

    /// <summary>The words of <paramref name="list"/> as a set, compared by <paramref name="comparer"/>, looked up by span.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string list, StringComparer comparer) =>
        Frozen(list, comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Each word of <paramref name="list"/> with its value (second field, read by <paramref name="value"/>), looked up by span.</summary>
    public FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Map<T>(string list, Func<string, T> value, StringComparer comparer)
    {
        var pairs = new Dictionary<string, T>(comparer);
        foreach (var row in Rows(list))
        {
            if (row.Length < 2) throw new InvalidDataException($"{Name}: an entry of '{list}' has no value: {row[0]}");
            pairs[row[0]] = value(row[1]);
        }
        return pairs.ToFrozenDictionary(comparer).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
