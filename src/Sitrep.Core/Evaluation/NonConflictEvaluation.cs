using Sitrep.Csv;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>How many news items of one kind yielded an event.</summary>
internal sealed record NonConflictCount(string Kind, int Items, int WithEvents)
{
    /// <summary>The share of items that yielded an event (all of them false: none reports political violence or a protest as its topic).</summary>
    public double Rate => Items == 0 ? 0 : WithEvents / (double)Items;
}

/// <summary>
/// The false-event rate on news that is not about conflict: the AG News items classed sports,
/// business and science (title and description read as one report). A careful coder finds next to
/// no events there; a keyword spotter finds "rallies", "attacks" and "shots" in every other item.
/// </summary>
internal static class NonConflictEvaluation
{
    private static readonly string[] Kinds = ["", "world", "sports", "business", "science"];

    /// <summary>Reads an AG News CSV (class 1–4, title, description) and counts items of classes 2–4 with an event.</summary>
    public static IReadOnlyList<NonConflictCount> Run(string path, DocumentPipeline pipeline)
    {
        var items = new int[Kinds.Length];
        var withEvents = new int[Kinds.Length];
        using var reader = new StreamReader(path);
        int line = 1;
        while (true)
        {
            int at = line;
            var fields = CsvRecords.Read(reader, ref line);
            if (fields is null) break;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != 3 || !int.TryParse(fields[0], out int kind) || kind is < 1 or > 4)
                throw new InvalidDataException($"{path}:{at}: expected class (1-4), title, description");
            if (kind == 1) continue;
            // AG News writes line breaks inside a description as a backslash.
            var document = new Document($"{fields[1]}. {fields[2].Replace('\\', ' ')}", new DateOnly(2004, 8, 1), new SourceLocation(path, at));
            pipeline.Process(document);
            items[kind]++;
            if (document.Events.Count > 0) withEvents[kind]++;
        }
        return [.. Enumerable.Range(2, 3).Select(k => new NonConflictCount(Kinds[k], items[k], withEvents[k]))];
    }
}
