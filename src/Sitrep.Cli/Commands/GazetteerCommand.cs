using Sitrep.Documents;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Places;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep gazetteer build|lookup</c>: compile the place index and ask it what a name can mean.</summary>
internal static class GazetteerCommand
{
    public static Command Create(CliContext context) => new("gazetteer", "Compile and query the GeoNames-based place index")
    {
        Build(context),
        Lookup(context),
    };

    private static Command Build(CliContext context)
    {
        var geonames = new Option<string?>("--geonames")
        {
            Description = "A GeoNames table in the dump format (e.g. allCountries.txt) to use instead of the packaged cities500",
            HelpName = "FILE",
        };
        var output = new Option<string?>("--out") { Description = "Where to write the index (default: the cache the engine loads)", HelpName = "FILE" };
        var command = new Command("build", "Compile the gazetteer from the installed packages (done automatically on first use)") { geonames, output };
        command.SetAction(parse =>
        {
            var modules = GazetteerSources.FindNodeModules();
            if (modules is null)
            {
                context.Error.WriteLine("sitrep: the gazetteer packages are not installed: run 'npm ci' in the repository (the build does it when npm is present).");
                return SitrepCli.Fatal;
            }
            var sources = GazetteerSources.InNodeModules(modules);
            if (parse.GetValue(geonames) is { } table) sources = sources with { GeoNamesTable = Path.GetFullPath(table) };
            var path = parse.GetValue(output) ?? GazetteerCache.DefaultPath!;
            var builder = new GazetteerBuilder();
            var clock = Stopwatch.StartNew();
            Gazetteer gazetteer;
            try
            {
                gazetteer = builder.Build(sources);
                GazetteerFile.Save(gazetteer, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            foreach (var warning in builder.Warnings) context.Error.WriteLine($"sitrep: {warning}");
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{gazetteer.Count:N0} places, {gazetteer.Names.Count:N0} names, compiled in {clock.Elapsed.TotalSeconds:0.0} s -> {path} ({new FileInfo(path).Length / 1e6:0.0} MB)"));
            context.Out.WriteLine("Place data: GeoNames (geonames.org) and SimpleMaps World Cities (simplemaps.com), CC BY 4.0, via the npm packages listed in package.json; event locations from ACLED (acleddata.com) training rows.");
            return builder.Warnings.Count == 0 ? SitrepCli.Ok : SitrepCli.SomeFailed;
        });
        return command;
    }

    private static Command Lookup(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "A place name, spelled any common way (\"Alma-Ata\", \"Kiev\")" };
        var limit = new Option<int>("--limit") { Description = "Candidates to show", DefaultValueFactory = _ => 10 };
        var command = new Command("lookup", "List the entries a name can refer to, most likely first (without context)") { name, limit };
        command.SetAction(parse =>
        {
            var gazetteer = GazetteerCache.Default;
            if (gazetteer is null)
            {
                context.Error.WriteLine("sitrep: no gazetteer: run 'npm ci' in the repository, then 'sitrep gazetteer build'.");
                return SitrepCli.Fatal;
            }
            var key = PlaceNames.Key(parse.GetValue(name)!);
            var postings = gazetteer.Names.Find(key);
            if (postings.IsEmpty) postings = gazetteer.Sounds.Find(PlaceNames.Sound(key));
            var table = new Table().AddColumns("name", "level", "country", "admin1", "lat", "lon", "population", "events", "source", "geonameid");
            foreach (var posting in postings[..Math.Min(postings.Length, parse.GetValue(limit))])
            {
                int e = posting & NameIndex.EntryMask;
                int admin1 = gazetteer.Admin1(e);
                table.AddRow(Markup.Escape(gazetteer.Name(e)), PlaceLevels.Name(gazetteer.Level(e)), gazetteer.Country(e),
                    Markup.Escape(admin1 >= 0 && admin1 != e ? gazetteer.Name(admin1) : ""),
                    gazetteer.Latitude(e).ToString("0.00", CultureInfo.InvariantCulture), gazetteer.Longitude(e).ToString("0.00", CultureInfo.InvariantCulture),
                    gazetteer.Population(e).ToString("N0", CultureInfo.InvariantCulture), gazetteer.Events(e).ToString("N0", CultureInfo.InvariantCulture),
                    PlaceSources.Name(gazetteer.Source(e)), gazetteer.GeonameId(e)?.ToString(CultureInfo.InvariantCulture) ?? "");
            }
            context.Console.Write(table);
            return postings.IsEmpty ? SitrepCli.SomeFailed : SitrepCli.Ok;
        });
        return command;
    }
}
