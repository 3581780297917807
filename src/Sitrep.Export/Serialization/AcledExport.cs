using Sitrep.Csv;
using Parquet.Serialization;
using Sitrep.Linking;

namespace Sitrep.Serialization;

/// <summary>Incidents exported as ACLED rows: CSV (RFC 4180) or Parquet (typed columns, same names).</summary>
public static class AcledExport
{
    /// <summary>Writes a header line and one line per incident.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<Incident> incidents)
    {
        writer.WriteLine(string.Join(',', AcledExportRow.Columns));
        foreach (var incident in incidents)
            writer.WriteLine(string.Join(',', AcledExportRow.Of(incident).CsvValues().Select(CsvField.Cell)));
    }

    /// <summary>Writes one Parquet file of the incidents' rows to <paramref name="stream"/>.</summary>
    public static void WriteParquet(Stream stream, IEnumerable<Incident> incidents) =>
        ParquetSerializer.SerializeAsync(incidents.Select(AcledExportRow.Of).ToList(), stream).GetAwaiter().GetResult();
}
