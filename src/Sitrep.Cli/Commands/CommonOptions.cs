using Sitrep.Server;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Sitrep.Reading;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several commands, so each is spelled and parsed one way.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "sitrep.db";

    /// <summary>Where the store is: <c>--db FILE</c> (SQLite, the default) or <c>--postgres CONN</c>, added to a command together.</summary>
    public sealed class StoreOptions
    {
        public Option<string> Database { get; } = new("--db")
        {
            Description = "SQLite database file",
            DefaultValueFactory = _ => DefaultDatabase,
            HelpName = "FILE",
        };

        public Option<string?> Postgres { get; } = new("--postgres")
        {
            Description = "A shared PostgreSQL database instead of the SQLite file (Npgsql connection string, e.g. \"Host=db;Username=sitrep;Database=sitrep\")",
            HelpName = "CONN",
        };

        public void AddTo(Command command)
        {
            command.Add(Database);
            command.Add(Postgres);
        }

        public StoreLocation Location(ParseResult parse) => parse.GetValue(Postgres) is { Length: > 0 } connection
            ? StoreLocation.Postgres(connection)
            : StoreLocation.Sqlite(parse.GetValue(Database)!);
    }

    public static StoreOptions Store(Command command)
    {
        var options = new StoreOptions();
        options.AddTo(command);
        return options;
    }

    public static Option<string> Format(string defaultFormat, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => defaultFormat,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Argument<string[]> Paths() => new("PATH")
    {
        Description = "Report files (seed format, .txt, .jsonl, any of them .gz), directories, or - for standard input",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<DateOnly?> Date(string description) => new("--date")
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = ParseDate,
    };

    public static Option<DateOnly?> From() => new("--from") { Description = "Only reports dated on or after this day", HelpName = "YYYY-MM-DD", CustomParser = ParseDate };

    public static Option<DateOnly?> To() => new("--to") { Description = "Only reports dated on or before this day", HelpName = "YYYY-MM-DD", CustomParser = ParseDate };

    public static Option<int> Limit(int defaultLimit) => new("--limit")
    {
        Description = "Maximum number of results",
        DefaultValueFactory = _ => defaultLimit,
    };

    /// <summary>The options that control reading, added to a command together.</summary>
    public sealed class ReaderOptionSet
    {
        public Option<DateOnly?> Date { get; } = CommonOptions.Date("Date for plain-text reports that have no 'date YYYY-MM-DD' header or JSON 'published'");

        public Option<string?> Source { get; } = new("--source") { Description = "Publisher for reports that do not name one" };

        public Option<string?> Country { get; } = CountryOption();

        private static Option<string?> CountryOption()
        {
            var option = new Option<string?>("--country")
            {
                Description = "Country the source reports from (ISO 3166 alpha-2, e.g. NG), for reports that do not name one: a feed of one country's press",
                HelpName = "CC",
            };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<string?>() is { } code && ReaderOptions.CountryCode(code) is null)
                    r.AddError($"--country must be an ISO 3166 alpha-2 code such as NG, not '{code}'");
            });
            return option;
        }

        public Option<long> MaxReportSize { get; } = new("--max-report-size")
        {
            Description = "Largest report accepted (bytes, or with KB/MB suffix)",
            DefaultValueFactory = _ => ReaderOptions.Default.MaxReportBytes,
            CustomParser = ParseSize,
            HelpName = "SIZE",
        };

        public void AddTo(Command command)
        {
            command.Add(Date);
            command.Add(Source);
            command.Add(Country);
            command.Add(MaxReportSize);
        }

        public ReaderOptions Read(ParseResult parse) => ReaderOptions.Default with
        {
            DefaultDate = parse.GetValue(Date),
            DefaultSource = parse.GetValue(Source),
            DefaultCountry = ReaderOptions.CountryCode(parse.GetValue(Country)),
            MaxReportBytes = parse.GetValue(MaxReportSize),
        };
    }

    /// <summary>Opens (or creates) the store named by <c>--db</c> or <c>--postgres</c>; a <see cref="StoreException"/> is reported as fatal by the caller.</summary>
    public static IDocumentStore OpenStore(ParseResult parse, StoreOptions database, bool create = true) =>
        database.Location(parse).Open(create: create);

    /// <summary>Runs a query on an existing store, turning an unusable or missing store into a one-line error and exit code 1.</summary>
    public static int WithStore(CliContext context, ParseResult parse, StoreOptions database, Func<IDocumentStore, int> action)
    {
        try
        {
            using var store = OpenStore(parse, database, create: false);
            return action(store);
        }
        catch (StoreException e)
        {
            context.Error.WriteLine($"sitrep: {e.Message}");
            return SitrepCli.Fatal;
        }
    }

    public static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"'{text}' is not a valid date (expected YYYY-MM-DD)");
        return null;
    }

    private static long ParseSize(ArgumentResult result)
    {
        var text = (result.Tokens.Count > 0 ? result.Tokens[0].Value : "").Trim().ToUpperInvariant();
        long multiplier = 1;
        foreach (var (suffix, factor) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1L) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length].Trim();
                multiplier = factor;
                break;
            }
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            return (long)(value * multiplier);
        result.AddError($"'{result.Tokens[0].Value}' is not a valid size (e.g. 2MB, 500KB, 100000)");
        return 0;
    }
}
