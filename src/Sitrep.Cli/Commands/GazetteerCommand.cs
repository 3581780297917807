using Sitrep.Documents;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Pipeline;
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
        var explain = new Option<bool>("--explain") { Description = "Say why: each entry's score and the features that made it (with --in, as the geoparser weighs the name in that text)" };
        var within = new Option<string?>("--in") { Description = "A sentence or report that names the place: the entry the geoparser chooses there, and why (implies --explain)" };
        var date = new Option<DateOnly?>("--date") { Description = "The report date for --in (borders as they were then); default today" };
        var command = new Command("lookup", "List the entries a name can refer to, most likely first (without context, or as read in a text with --in)") { name, limit, explain, within, date };
        command.SetAction(parse =>
        {
            var gazetteer = GazetteerCache.Default;
            if (gazetteer is null)
            {
                context.Error.WriteLine("sitrep: no gazetteer: run 'npm ci' in the repository, then 'sitrep gazetteer build'.");
                return SitrepCli.Fatal;
            }
            var key = PlaceNames.Key(parse.GetValue(name)!);
            if (parse.GetValue(within) is { } text)
                return ExplainIn(context, key, text, parse.GetValue(date) ?? DateOnly.FromDateTime(DateTime.Today), parse.GetValue(limit));
            var postings = gazetteer.Names.Find(key);
            if (postings.IsEmpty) postings = gazetteer.Sounds.Find(PlaceNames.Sound(key));
            bool why = parse.GetValue(explain);
            var table = new Table().AddColumns("name", "level", "country", "admin1", "lat", "lon", "population", "events", "source", "geonameid");
            if (why) table.AddColumns("prior score", "why");
            var ranker = PlaceRanker.Default;
            var features = new double[RankerFeatures.Count];
            foreach (var posting in postings[..Math.Min(postings.Length, parse.GetValue(limit))])
            {
                int e = posting & NameIndex.EntryMask;
                int admin1 = gazetteer.Admin1(e);
                var row = new List<string>
                {
                    Markup.Escape(gazetteer.Name(e)), PlaceLevels.Name(gazetteer.Level(e)), gazetteer.Country(e),
                    Markup.Escape(admin1 >= 0 && admin1 != e ? gazetteer.Name(admin1) : ""),
                    gazetteer.Latitude(e).ToString("0.00", CultureInfo.InvariantCulture), gazetteer.Longitude(e).ToString("0.00", CultureInfo.InvariantCulture),
                    gazetteer.Population(e).ToString("N0", CultureInfo.InvariantCulture), gazetteer.Events(e).ToString("N0", CultureInfo.InvariantCulture),
                    PlaceSources.Name(gazetteer.Source(e)), gazetteer.GeonameId(e)?.ToString(CultureInfo.InvariantCulture) ?? "",
                };
                if (why)
                {
                    // Without a text, only the entry's own features count: what the name means before anything is said around it.
                    Array.Clear(features);
                    RankerFeatures.Prior(posting, gazetteer.Columns, features);
                    row.Add(ranker.Score(features).ToString("0.00", CultureInfo.InvariantCulture));
                    row.Add(Markup.Escape(PlaceExplanation.Contributions(ranker, features)));
                }
                table.AddRow([.. row]);
            }
            context.Console.Write(table);
            return postings.IsEmpty ? SitrepCli.SomeFailed : SitrepCli.Ok;
        });
        return command;
    }

    // Reads the text as the engine would, and says why each mention of the name was placed where it was.
    private static int ExplainIn(CliContext context, string key, string text, DateOnly date, int top)
    {
        var resources = SitrepResources.Shipped;
        var document = new Document(text, date, new SourceLocation("--in"));
        var mentions = PlaceReasons.Explain(resources, document).Where(x => PlaceNames.Key(document.TextOf(x.Range)) == key || x.Name == key).ToList();
        // The name where the tagger read it as someone or something else: never a place candidate.
        var passedOver = document.Entities.Where(m => m.Type != EntityType.Location && PlaceNames.Key(document.TextOf(m.Range)) == key
            && !mentions.Exists(x => x.Range.Start < m.Range.End && m.Range.Start < x.Range.End)).ToList();
        foreach (var m in passedOver)
            context.Out.WriteLine($"\"{document.TextOf(m.Range)}\" at {m.Range.Start}-{m.Range.End}: not weighed as a place: the tagger read it as {EntityTypes.Name(m.Type)}");
        if (mentions.Count == 0 && passedOver.Count == 0)
        {
            context.Error.WriteLine("sitrep: the geoparser finds no place of that name in the text (not capitalised, or not a name the gazetteer holds)");
            return SitrepCli.SomeFailed;
        }
        foreach (var mention in mentions)
        {
            context.Out.WriteLine($"\"{document.TextOf(mention.Range)}\" at {mention.Range.Start}-{mention.Range.End}:");
            foreach (var line in mention.Describe(resources.Gazetteer, top)) context.Out.WriteLine("  " + line);
        }
        return mentions.Count > 0 ? SitrepCli.Ok : SitrepCli.SomeFailed;
    }
}
