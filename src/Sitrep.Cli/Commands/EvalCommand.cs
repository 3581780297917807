using System.CommandLine;
using System.Text.Json;
using Sitrep.Entities;
using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Sitrep.Places;
using Sitrep.Documents;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval time --gold DIR</c>: score a stage on gold data.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context) => new("eval", "Score a stage against gold data")
    {
        Ner(context),
        Time(context),
        Geo(context),
        Events(context),
        Reports(context),
    };

    private static Command Reports(CliContext context)
    {
        var gold = new Option<string>("--gold")
        {
            Description = "A folder of reports with their hand-coded events in expected.json, e.g. ../shared/data/events/reports-dev",
            Required = true,
            HelpName = "DIR",
        };
        var errors = new Option<string?>("--errors") { Description = "Also write each missed and each invented event to FILE, one line each", HelpName = "FILE" };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("reports", "Score the events read from wire reports against hand-coded ones (as shared/tools/report-events.py)") { gold, errors, format };
        command.SetAction(parse =>
        {
            ReportEventScores s;
            try
            {
                var pipeline = StandardStages.Default;
                if ((pipeline.Provides & Layer.Events) == 0)
                    throw new InvalidDataException("no event stage: it needs the gazetteer ('npm ci') and models/events.bin ('sitrep train events').");
                s = ReportEvaluation.Run(parse.GetValue(gold)!, pipeline);
                if (parse.GetValue(errors) is { } errorsPath) File.WriteAllLines(errorsPath, s.Lines);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or JsonException or KeyNotFoundException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    recall = Round(s.Recall), precision = Round(s.Precision), f1 = Round(s.F1),
                    found = s.Found, gold = s.Gold, predicted = s.Predicted,
                    reports_without_events = s.QuietReports, of_which_given_an_event = s.NoisyQuietReports,
                    events_at_must_not_places = s.AtMustNotPlaces, missed_because = s.MissedBecause,
                }));
                return SitrepCli.Ok;
            }
            var table = new Table().Title("Events read from reports against hand-coded ones").AddColumns("measure", "value");
            table.AddRow("recall", $"{P(s.Recall)} ({s.Found}/{s.Gold})");
            table.AddRow("precision", $"{P(s.Precision)} ({s.Found}/{s.Predicted})");
            table.AddRow("F1", P(s.F1));
            table.AddRow("reports with no event that got one", $"{s.NoisyQuietReports}/{s.QuietReports}");
            table.AddRow("events at a must-not place", s.AtMustNotPlaces.ToString());
            table.AddRow("missed, by what the nearest event placed there got wrong", string.Join(", ", s.MissedBecause.Select(m => $"{m.Key} {m.Value}")));
            context.Console.Write(table);
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Command Events(CliContext context)
    {
        var gold = new Option<string[]>("--gold")
        {
            Description = "ACLED export CSVs or folders of them, e.g. ../shared/data/events/acled-2020-04-27_05-02.csv ../shared/data/events/acled",
            Required = true,
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var splitOption = new Option<string>("--split")
        {
            Description = "Which rows to score: those held out of training (default: the development files and the reference week's hashed fifth), all, or the training rows",
            DefaultValueFactory = _ => "held-out",
        };
        splitOption.AcceptOnlyFromAmong("held-out", "all", "training");
        var nonConflict = new Option<string?>("--non-conflict")
        {
            Description = "Also count false events on news about other things: an AG News CSV, e.g. ../shared/data/news/ag_news_test.csv (its sports, business and science items)",
            HelpName = "FILE",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Also write the rows with anything wrong as CSV: the gold beside the system's best event, the fields it missed, the note",
            HelpName = "FILE",
        };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("events", "Score event coding on ACLED rows (each note read as a report dated on its event date)") { gold, splitOption, nonConflict, errors, format };
        command.SetAction(parse =>
        {
            var scores = new List<(string File, EventScores Scores)>();
            EventScores s;
            IReadOnlyList<NonConflictCount>? falseEvents = null;
            try
            {
                var split = parse.GetValue(splitOption);
                var rows = Sitrep.Events.AcledSplit.Read(parse.GetValue(gold)!)
                    .Where(r => split == "all" || Sitrep.Events.AcledSplit.IsDevelopment(r.File, r.Row) == (split == "held-out")).ToList();
                var pipeline = StandardStages.Default;
                if ((pipeline.Provides & Layer.Events) == 0)
                    throw new InvalidDataException("no event stage: it needs the gazetteer ('npm ci') and models/events.bin ('sitrep train events').");
                var results = new List<EventRowResult>();
                foreach (var file in rows.GroupBy(r => r.File))
                    scores.Add((Path.GetFileName(file.Key), EventEvaluation.Run([.. file.Select(r => r.Row)], pipeline, results.Add)));
                s = EventEvaluation.Combine(scores.Select(x => x.Scores).ToList());
                if (parse.GetValue(errors) is { } errorsPath)
                {
                    using var writer = new StreamWriter(errorsPath);
                    EventEvaluation.WriteErrors(writer, results);
                }
                if (parse.GetValue(nonConflict) is { } news) falseEvents = NonConflictEvaluation.Run(news, pipeline);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            if (parse.GetValue(format) == "json")
            {
                object Figures(EventScores s) => new
                {
                    n = s.N,
                    detected = Round(s.Detected),
                    event_type_accuracy = Round(s.EventTypeAccuracy),
                    sub_event_type_accuracy = Round(s.SubEventTypeAccuracy),
                    date_exact = Round(s.DateExact),
                    place_within_25km = Round(s.PlaceWithin25Km),
                    fatalities_exact = Round(s.FatalitiesExact),
                    actor1_exact = Round(s.Actor1Exact),
                    actor2_exact = Round(s.Actor2Exact),
                    inter1_exact = Round(s.Inter1Exact),
                    reports_per_second = Math.Round(s.ReportsPerSecond),
                };
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    all = Figures(s),
                    files = scores.ToDictionary(x => x.File, x => Figures(x.Scores)),
                    non_conflict_items_with_events = falseEvents?.ToDictionary(c => c.Kind, c => Round(c.Rate)),
                }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
                return SitrepCli.Ok;
            }
            var table = new Table().Title($"{s.N} ACLED rows (rates over all rows of each file)").AddColumns("measure", "all");
            foreach (var (file, _) in scores) table.AddColumn(file);
            void Row(string measure, Func<EventScores, double> value) =>
                table.AddRow([measure, P(value(s)), .. scores.Select(x => P(value(x.Scores)))]);
            table.AddRow(["rows", s.N.ToString("N0"), .. scores.Select(x => x.Scores.N.ToString("N0"))]);
            Row("detected", x => x.Detected);
            Row("event type", x => x.EventTypeAccuracy);
            Row("sub-event type", x => x.SubEventTypeAccuracy);
            Row("date exact", x => x.DateExact);
            Row("place within 25 km", x => x.PlaceWithin25Km);
            Row("fatalities exact", x => x.FatalitiesExact);
            Row("actor1 exact", x => x.Actor1Exact);
            Row("actor2 exact", x => x.Actor2Exact);
            Row("inter1", x => x.Inter1Exact);
            foreach (var c in falseEvents ?? [])
                table.AddRow([$"{c.Kind} news items with an event (false)", $"{P(c.Rate)} of {c.Items:N0}", .. scores.Select(_ => "")]);
            context.Console.Write(table);
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Command Ner(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "CoNLL-2003 file, e.g. ../shared/data/conll2003/eng.testa", Required = true, HelpName = "FILE" };
        var model = new Option<string>("--model") { Description = "Tagger model", DefaultValueFactory = _ => EntityModel.DefaultPath, HelpName = "FILE" };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("ner", "Score the entity tagger on CoNLL-2003 gold (conlleval: exact span and type)") { gold, model, format };
        command.SetAction(parse =>
        {
            NerScores s;
            try
            {
                s = NerEvaluation.Run(ConllCorpus.Read(parse.GetValue(gold)!), PerceptronTagger.Load(parse.GetValue(model)!));
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    precision = Round(s.Overall.Precision),
                    recall = Round(s.Overall.Recall),
                    f1 = Round(s.Overall.F1),
                    per_type = s.PerType.ToDictionary(t => t.Key, t => Json(t.Value)),
                    tokens = s.Tokens,
                    tokens_per_second = Math.Round(s.TokensPerSecond),
                }));
                return SitrepCli.Ok;
            }
            var table = new Table().AddColumns("type", "precision", "recall", "F1");
            foreach (var (type, score) in s.PerType) table.AddRow(type, P(score.Precision), P(score.Recall), P(score.F1));
            table.AddRow("overall", P(s.Overall.Precision), P(s.Overall.Recall), P(s.Overall.F1));
            context.Console.Write(table);
            context.Console.WriteLine($"{s.Tokens:N0} tokens, {s.TokensPerSecond:N0} tokens/s");
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Command Time(CliContext context)
    {
        var gold = new Option<string>("--gold")
        {
            Description = "A TimeML file or a directory of them (searched recursively), e.g. ../shared/data/timeml",
            Required = true,
            HelpName = "PATH",
        };
        var format = CommonOptions.Format("table", "table", "json");
        var errors = new Option<string?>("--errors")
        {
            Description = "Also write every disagreement with the gold (missed, spurious, other extent, type or value) to FILE as tab-separated lines",
            HelpName = "FILE",
        };
        var command = new Command("time", "Score temporal expressions on TimeML gold (TempEval-3 measures; the report date is the DCT)") { gold, format, errors };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(gold)!;
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : File.Exists(path) ? [path] : [];
            if (files.Count == 0)
            {
                context.Error.WriteLine($"sitrep: no TimeML (.tml) files at {path}");
                return SitrepCli.Fatal;
            }
            var pipeline = new PipelineBuilder().UseText().UseTimes().Build();
            TimexScores s;
            using var errorLog = parse.GetValue(errors) is { } errorPath ? new StreamWriter(errorPath) : null;
            errorLog?.WriteLine("document\tgold_text\tgold_type\tgold_value\tsystem_text\tsystem_type\tsystem_value\tsentence");
            try
            {
                s = TimexEvaluation.Run(files.Select(TimeMlReader.Read), pipeline, errorLog is null ? null : d => errorLog.WriteLine(DisagreementLine(d)));
            }
            catch (FormatException e)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    strict = Json(s.Strict),
                    relaxed = Json(s.Relaxed),
                    type_accuracy = Round(s.TypeAccuracy),
                    value_accuracy = Round(s.ValueAccuracy),
                    value_f1 = Round(s.ValueF1),
                    n_gold = s.GoldCount,
                    n_system = s.SystemCount,
                    documents = s.Documents,
                    tokens = s.Tokens,
                    tokens_per_second = Math.Round(s.TokensPerSecond),
                }));
                return SitrepCli.Ok;
            }
            var table = new Table().Title($"{s.Documents} documents, {s.GoldCount} gold and {s.SystemCount} system timexes")
                .AddColumns("measure", "precision", "recall", "F1");
            table.AddRow("extent, strict", P(s.Strict.Precision), P(s.Strict.Recall), P(s.Strict.F1));
            table.AddRow("extent, relaxed", P(s.Relaxed.Precision), P(s.Relaxed.Recall), P(s.Relaxed.F1));
            table.AddRow("value", "", "", P(s.ValueF1));
            context.Console.Write(table);
            context.Console.WriteLine($"type accuracy {P(s.TypeAccuracy)}, value accuracy {P(s.ValueAccuracy)}, {s.TokensPerSecond:N0} tokens/s");
            return SitrepCli.Ok;
        });
        return command;
    }

    // One tab-separated line: the gold and system sides (empty where absent) and the text around them.
    private static string DisagreementLine(TimexDisagreement d)
    {
        static string Clean(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');
        var range = d.Gold?.Range ?? d.System!.Range;
        int from = Math.Max(0, range.Start - 80), to = Math.Min(d.Text.Length, range.End + 80);
        string Side(TextRange? r, string? type, string? value) =>
            r is { } x ? $"{Clean(d.Text[x.Start..x.End])}\t{type}\t{value}" : "\t\t";
        return string.Join('\t', d.Document,
            Side(d.Gold?.Range, d.Gold?.Type, d.Gold?.Value),
            Side(d.System?.Range, d.System?.Type.ToString().ToUpperInvariant(), d.System?.Value.Text),
            Clean(d.Text[from..to]));
    }

    private static Command Geo(CliContext context)
    {
        var gold = new Option<string>("--gold")
        {
            Description = "A geoparsing corpus: TR-News or GeoWebNews XML, e.g. ../shared/data/geo/TR-News.xml",
            Required = true,
            HelpName = "FILE",
        };
        var withoutEntities = new Option<bool>("--without-entities") { Description = "Find toponyms from the gazetteer alone, without the entity tagger" };
        var givenSpans = new Option<bool>("--given-spans")
        {
            Description = "Also resolve the gold toponyms themselves and score every one (unresolved = wrong), as published resolvers are scored",
        };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("geo", "Score toponym recognition and resolution (accuracy within 161 km, error km, AUC)") { gold, withoutEntities, givenSpans, format };
        command.SetAction(parse =>
        {
            GeoScores s;
            GeoScores? given = null;
            try
            {
                var documents = GeoGold.Read(parse.GetValue(gold)!, out var dropped);
                var gazetteer = GazetteerCache.Default
                    ?? throw new InvalidDataException("no gazetteer: run 'npm ci' in the repository (or 'sitrep gazetteer build').");
                var before = new PipelineBuilder().UseText();
                if (!parse.GetValue(withoutEntities) && EntityModel.Default is { } tagger) before.UseEntities(tagger);
                var pipeline = before.Build();
                s = GeoEvaluation.Run(documents, pipeline, new PlaceStage(gazetteer, (pipeline.Provides & Layer.Entities) != 0), dropped);
                if (parse.GetValue(givenSpans))
                    given = GeoEvaluation.RunGivenSpans(documents, new PipelineBuilder().UseText().Build(), new PlaceStage(gazetteer, useEntities: true), dropped);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    recognition = Json(s.Recognition),
                    acc161 = Round(s.Accuracy161),
                    mean_km = Math.Round(s.MeanKm, 1),
                    median_km = Math.Round(s.MedianKm, 1),
                    auc = Round(s.Auc),
                    n = s.Resolved,
                    n_gold = s.Gold,
                    n_system = s.System,
                    documents = s.Documents,
                    dropped_gold = s.Dropped,
                    toponyms_per_second = Math.Round(s.ToponymsPerSecond),
                    given_spans = given is null ? null : new
                    {
                        acc161 = Round(given.Accuracy161), mean_km = Math.Round(given.MeanKm, 1), median_km = Math.Round(given.MedianKm, 1),
                        auc = Round(given.Auc), n = given.Gold, resolved = given.System,
                    },
                }));
                return SitrepCli.Ok;
            }
            var table = new Table().Title($"{s.Documents} documents, {s.Gold} gold and {s.System} system toponyms ({s.Dropped} gold unusable)")
                .AddColumns("measure", "value");
            table.AddRow("recognition P / R / F1", $"{P(s.Recognition.Precision)} / {P(s.Recognition.Recall)} / {P(s.Recognition.F1)}");
            table.AddRow("accuracy within 161 km", P(s.Accuracy161));
            table.AddRow("mean / median error", $"{s.MeanKm:N0} km / {s.MedianKm:N0} km");
            table.AddRow("AUC (lower is better)", P(s.Auc));
            table.AddRow("resolved and scored", s.Resolved.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            if (given is not null)
            {
                table.AddRow("given the gold spans: accuracy within 161 km", $"{P(given.Accuracy161)} (all {given.Gold:N0} placed gold toponyms; {given.System:N0} resolved, " +
                    $"{(given.System == 0 ? 0 : given.Accuracy161 * given.Gold / given.System):0.000} of them within 161 km; the rest count as wrong)");
                table.AddRow("given the gold spans: mean / median error, AUC", $"{given.MeanKm:N0} km / {given.MedianKm:N0} km, {P(given.Auc)}");
            }
            context.Console.Write(table);
            context.Console.WriteLine($"{s.ToponymsPerSecond:N0} toponyms/s (place stage alone)");
            return SitrepCli.Ok;
        });
        return command;
    }

    private static object Json(Score s) => new { precision = Round(s.Precision), recall = Round(s.Recall), f1 = Round(s.F1) };

    private static double Round(double x) => Math.Round(x, 4);

    private static string P(double x) => x.ToString("0.000");
}
