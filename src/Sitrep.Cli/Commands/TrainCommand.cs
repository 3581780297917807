using System.CommandLine;
using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Entities;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train ner</c>: reproducible training of the project's models.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context) => new("train", "Train a model from gold data (reproducible: fixed seed)")
    {
        Ner(context),
        Events(context),
        Places(context),
        Senses(context),
    };

    private static Command Senses(CliContext context)
    {
        var gold = AcledGold();
        var other = new Option<string[]>("--other")
        {
            Description = "News mostly not about events, for the everyday senses: Reuters-21578 .sgm files or folders, e.g. ../shared/data/news/reuters21578",
            Required = true,
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "models/" + Sitrep.Events.TriggerSenses.FileName, HelpName = "FILE" };
        var command = new Command("senses", "Train which sense an event word has where it stands, from ACLED's training notes (event) and business news (other)") { gold, other, output };
        command.SetAction(parse =>
        {
            if (SplitRows(context, parse.GetValue(gold)!) is not var (training, _)) return SitrepCli.Fatal;
            var clock = Stopwatch.StartNew();
            var others = parse.GetValue(other)!.SelectMany(WordClusters.ReadTexts).ToList();
            var senses = Sitrep.Events.TriggerSenses.Train(training.Select(r => r.Notes), others);
            var (events, news) = Sitrep.Events.TriggerSenses.HeldOut(training.Select(r => r.Notes), others);
            context.Out.WriteLine($"held-out fifth, event words left to the model, read in the everyday sense: ACLED notes {events:P1}, other news {news:P1}");
            var path = parse.GetValue(output)!;
            senses.Save(path);
            context.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1048576.0:N1} MB, {clock.Elapsed.TotalSeconds:N0} s)");
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Option<string[]> AcledGold() => new("--gold")
    {
        Description = "ACLED export CSVs or folders of them, e.g. ../shared/data/events/acled-2020-04-27_05-02.csv ../shared/data/events/acled",
        Required = true,
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The ACLED rows at <paramref name="paths"/>, split into those to train on and the development ones; null after saying why the files could not be read.</summary>
    private static (List<Sitrep.Events.AcledGoldRow> Training, List<Sitrep.Events.AcledGoldRow> Development)? SplitRows(CliContext context, string[] paths)
    {
        try
        {
            var rows = Sitrep.Events.AcledSplit.Read(paths);
            var development = rows.ToLookup(r => Sitrep.Events.AcledSplit.IsDevelopment(r.File, r.Row), r => r.Row);
            return ([.. development[false]], [.. development[true]]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"sitrep: {e.Message}");
            return null;
        }
    }

    private static Command Places(CliContext context)
    {
        var gold = AcledGold();
        var output = new Option<string>("--out") { Description = "Where to write the event-place table", DefaultValueFactory = _ => "models/" + Sitrep.Places.EventPlaceTable.FileName, HelpName = "FILE" };
        var rankerOutput = new Option<string>("--ranker-out") { Description = "Where to write the place ranker's weights", DefaultValueFactory = _ => "models/" + Sitrep.Places.PlaceRanker.FileName, HelpName = "FILE" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the ranking examples", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "The learning rate of the ranker's gradient steps", DefaultValueFactory = _ => 0.001 };
        var command = new Command("places", "From ACLED's training rows: the gazetteer's event-place table, then the place ranker's weights learned from the notes and their coordinates")
            { gold, output, rankerOutput, epochs, rate };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            if (SplitRows(context, parse.GetValue(gold)!) is not var (training, development)) return SitrepCli.Fatal;
            var places = Sitrep.Events.AcledLocations.From(training);
            var path = parse.GetValue(output)!;
            Sitrep.Places.EventPlaceTable.Save(places, path);
            context.Out.WriteLine($"wrote {path} ({places.Count:N0} places, {places.Sum(p => p.Events):N0} events from {training.Count:N0} training rows of {training.Count + development.Count:N0})");

            // The ranker learns on a gazetteer holding the table just written.
            if (Sitrep.Places.GazetteerSources.FindNodeModules() is not { } modules)
            {
                context.Error.WriteLine("sitrep: the gazetteer packages are not installed: run 'npm ci' in the repository.");
                return SitrepCli.Fatal;
            }
            var gazetteer = new Sitrep.Places.GazetteerBuilder().Build(Sitrep.Places.GazetteerSources.InNodeModules(modules) with { EventPlaces = Path.GetFullPath(path) });
            var before = new PipelineBuilder().UseText().UseEntities(EntityModel.Default!).Build();
            static IEnumerable<Sitrep.Places.PlaceRankerTrainer.Example> Examples(IEnumerable<Sitrep.Events.AcledGoldRow> rows) =>
                rows.Where(r => r.Latitude is not null && r.Longitude is not null)
                    .Select(r => new Sitrep.Places.PlaceRankerTrainer.Example(r.Notes, r.Date, r.Latitude!.Value, r.Longitude!.Value));
            var ranker = Sitrep.Places.PlaceRankerTrainer.Train(Examples(training), gazetteer, before, parse.GetValue(epochs), parse.GetValue(rate), log: m => context.Error.WriteLine(m));
            var (n, right) = Sitrep.Places.PlaceRankerTrainer.Score(Examples(development), gazetteer, before, Sitrep.Places.PlaceRanker.HandSet, ranker);
            var (handRight, learnedRight) = (right[0], right[1]);
            var rankerPath = parse.GetValue(rankerOutput)!;
            // The learned weights replace the hand-set ones only where they rank better on rows they never saw.
            bool better = learnedRight > handRight;
            if (better) ranker.Save(rankerPath);
            else if (File.Exists(rankerPath)) File.Delete(rankerPath);
            context.Out.WriteLine($"on the development rows' {n:N0} ranking examples a right entry comes first {100.0 * learnedRight / Math.Max(1, n):0.0}% " +
                $"of the time with the learned weights, {100.0 * handRight / Math.Max(1, n):0.0}% with the hand-set ones: " +
                (better ? $"wrote {rankerPath}" : $"the hand-set weights stay (no {rankerPath})") + $", {clock.Elapsed.TotalSeconds:N0} s");
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Command Events(CliContext context)
    {
        var gold = AcledGold();
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "models/events.bin", HelpName = "FILE" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training rows", DefaultValueFactory = _ => 10 };
        var command = new Command("events", "Train the event-type classifier on ACLED notes (the development files and the reference week's hashed fifth are held out)") { gold, output, epochs };
        command.SetAction(parse =>
        {
            if (SplitRows(context, parse.GetValue(gold)!) is not var (training, development)) return SitrepCli.Fatal;
            int total = training.Count + development.Count;
            var clock = Stopwatch.StartNew();
            var examples = Sitrep.Events.EventModel.Examples(training, new PipelineBuilder().UseText().Build());
            var model = Sitrep.Events.TextClassifier.Train(examples, parse.GetValue(epochs));
            var path = parse.GetValue(output)!;
            model.Save(path);
            var actorsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Sitrep.Events.EventModel.ActorsFile);
            var actors = Sitrep.Events.ActorLexicon.Build(training);
            actors.Save(actorsPath);
            context.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1048576.0:N1} MB, {model.Labels.Count} labels, {training.Count:N0} training rows of {total:N0}, {clock.Elapsed.TotalSeconds:N0} s) and {actorsPath} ({actors.Count:N0} actor names)");
            return SitrepCli.Ok;
        });
        return command;
    }

    private static Command Ner(CliContext context)
    {
        var train = new Option<string>("--train") { Description = "CoNLL-2003 training file", Required = true, HelpName = "FILE" };
        var dev = new Option<string?>("--dev") { Description = "CoNLL-2003 development file, scored after each epoch", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "models/ner.bin", HelpName = "FILE" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed", DefaultValueFactory = _ => 20030531 };
        var unlabeled = new Option<string[]>("--unlabeled")
        {
            Description = "Unlabelled news to learn word classes from, with the training text (Reuters .sgm, news .csv, .txt; files or directories)",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("ner", "Train the named-entity tagger (averaged perceptron, BIO labels)") { train, dev, output, epochs, seed, unlabeled };
        command.SetAction(parse =>
        {
            List<TaggedSentence> sentences, devSentences;
            try
            {
                sentences = ConllCorpus.Read(parse.GetValue(train)!);
                devSentences = parse.GetValue(dev) is { } devPath ? ConllCorpus.Read(devPath) : [];
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"sitrep: {e.Message}");
                return SitrepCli.Fatal;
            }
            var labels = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
            var clock = Stopwatch.StartNew();
            var clusters = WordClusters.Empty;
            if (parse.GetValue(unlabeled) is { Length: > 0 } paths)
            {
                var texts = paths.SelectMany(WordClusters.ReadTexts).Concat(sentences.Select(s => string.Join(' ', s.Words)));
                clusters = WordClusters.Learn(texts);
                context.Error.WriteLine($"word classes: {clusters.Count:N0} words, {clock.Elapsed.TotalSeconds:N0} s");
            }
            var names = NameLexicon.Empty;
            if (Sitrep.Places.GazetteerCache.Default is { } gazetteer)
            {
                names = NameLexicon.From(gazetteer);
                context.Error.WriteLine($"gazetteer names: {names.Count:N0}");
            }
            else context.Error.WriteLine("sitrep: no gazetteer (run 'npm ci' or set SITREP_GAZETTEER); training without gazetteer features");
            var model = PerceptronTrainer.TrainTwoPass(labels, clusters, names, sentences, parse.GetValue(epochs), parse.GetValue(seed), (epoch, tagger) =>
            {
                var line = $"epoch {epoch}: {tagger.FeatureCount:N0} features, {clock.Elapsed.TotalSeconds:N0} s";
                if (devSentences.Count > 0) line += $", dev F1 {NerEvaluation.Run(devSentences, tagger).Overall.F1 * 100:N2}";
                context.Error.WriteLine(line);
            });
            var path = parse.GetValue(output)!;
            model.Save(path);
            context.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1048576.0:N1} MB, {model.FeatureCount:N0} features, {clock.Elapsed.TotalSeconds:N0} s)");
            return SitrepCli.Ok;
        });
        return command;
    }
}
