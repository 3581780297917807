using Sitrep.Csv;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Sitrep.Evaluation;

namespace Sitrep.Events;

/// <summary>One ACLED event row: the analyst's note and the coding it was given.</summary>
internal sealed record AcledGoldRow(
    string Id, DateOnly Date, int TimePrecision, string EventType, string SubEventType,
    string Actor1, string Actor2, string Country, string Admin1, string Location,
    double? Latitude, double? Longitude, int GeoPrecision, int Fatalities, string Notes)
{
    /// <summary>ACLED's inter code of <see cref="Actor1"/> (1 state forces … 8 external forces), when the export has one.</summary>
    public int? Inter1 { get; init; }

    /// <summary>ACLED's inter code of <see cref="Actor2"/>, when the export has one.</summary>
    public int? Inter2 { get; init; }

    /// <summary>ISO 3166 alpha-3 code of <see cref="Country"/> ("SDN"), when the export has one.</summary>
    public string Iso3 { get; init; } = "";

    /// <summary>"Protests/Peaceful protest": the label the classifier predicts.</summary>
    public string Label => EventTaxonomy.Label(EventType, SubEventType);

    /// <summary>
    /// True for the rows kept out of training: one in five, chosen by a hash of the note, so the split
    /// is the same on every machine and rows that share a note (a toll split across places) fall on
    /// the same side.
    /// </summary>
    public bool IsHeldOut => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(Notes)) % 5 == 0;
}

/// <summary>Reads an ACLED export (CSV with one header row, RFC 4180 quoting).</summary>
internal static class AcledCsv
{
    /// <summary>The rows of <paramref name="path"/>; a malformed row throws <see cref="InvalidDataException"/> naming file and line.</summary>
    public static List<AcledGoldRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        int line = 1;
        var header = CsvRecords.Read(reader, ref line) ?? throw new InvalidDataException($"{path}:1: empty file, expected an ACLED header row");
        var column = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        foreach (var required in new[] { "event_id_cnty", "event_date", "event_type", "sub_event_type", "notes", "fatalities" })
            if (!column.ContainsKey(required)) throw new InvalidDataException($"{path}:1: no '{required}' column; is this an ACLED export?");

        var rows = new List<AcledGoldRow>();
        while (true)
        {
            int at = line;
            var f = CsvRecords.Read(reader, ref line);
            if (f is null) break;
            if (f.Count == 1 && f[0].Length == 0) continue;
            if (f.Count != header.Count) throw new InvalidDataException($"{path}:{at}: {f.Count} fields, the header has {header.Count}");
            string Get(string name) => column.TryGetValue(name, out var i) ? f[i] : "";
            if (!TryDate(Get("event_date"), out var date)) throw new InvalidDataException($"{path}:{at}: event_date '{Get("event_date")}' is not a date");
            rows.Add(new AcledGoldRow(
                Get("event_id_cnty"), date, Int(Get("time_precision"), 1), Get("event_type"), Get("sub_event_type"),
                Get("actor1"), Get("actor2"), Get("country"), Get("admin1"), Get("location"),
                Double(Get("latitude")), Double(Get("longitude")), Int(Get("geo_precision"), 1), Int(Get("fatalities"), 0), Get("notes"))
            {
                Inter1 = int.TryParse(Get("inter1"), CultureInfo.InvariantCulture, out var inter1) ? inter1 : null,
                Inter2 = int.TryParse(Get("inter2"), CultureInfo.InvariantCulture, out var inter2) ? inter2 : null,
                Iso3 = Get("iso3"),
            });
        }
        return rows;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["d-MMM-yy", "d MMMM yyyy", "yyyy-MM-dd", "d-MMMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static int Int(string text, int fallback) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static double? Double(string text) => double.TryParse(text, CultureInfo.InvariantCulture, out var x) ? x : null;
}
