namespace Sitrep.Events;

/// <summary>
/// The fixed split of the ACLED gold into rows to train on and rows to measure on. Whole files of
/// countries and years the coder never sees in training (Sri Lanka 2022-23, Nicaragua 2019-20) say how
/// it does on new places and periods; the hashed fifth of the reference week (<see cref="AcledGoldRow.IsHeldOut"/>)
/// says how it does on rows like those it learned from.
/// </summary>
internal static class AcledSplit
{
    /// <summary>File names (without directory) kept whole for development.</summary>
    public static readonly IReadOnlyList<string> DevelopmentFiles = ["acled-sri-lanka-2022-2023.csv", "acled-nicaragua-2019-2020.csv"];

    /// <summary>The file whose hashed fifth is held out; its other rows are trained on.</summary>
    public const string ReferenceFile = "acled-2020-04-27_05-02.csv";

    /// <summary>True when <paramref name="row"/>, read from <paramref name="file"/>, is for development, not training.</summary>
    public static bool IsDevelopment(string file, AcledGoldRow row)
    {
        var name = Path.GetFileName(file);
        return DevelopmentFiles.Contains(name) || name == ReferenceFile && row.IsHeldOut;
    }

    /// <summary>Every row of the ACLED CSV files at <paramref name="paths"/> (files, or directories read for *.csv in sorted order), with its file.</summary>
    public static List<(string File, AcledGoldRow Row)> Read(IEnumerable<string> paths)
    {
        var rows = new List<(string, AcledGoldRow)>();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal) : (IEnumerable<string>)[path];
            foreach (var file in files)
                foreach (var row in AcledCsv.Read(file)) rows.Add((file, row));
        }
        return rows;
    }
}
