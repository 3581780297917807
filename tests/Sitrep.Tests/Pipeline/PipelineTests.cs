using Sitrep.Storage.Sqlite;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Reading;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Pipeline;

public class PipelineTests
{
    private sealed class FakeStage(string name, Layer requires, Layer provides, Action<Document>? action = null) : IStage
    {
        public string Name => name;
        public Layer Requires => requires;
        public Layer Provides => provides;
        public void Process(Document document) => action?.Invoke(document);
    }

    [Fact]
    public void Build_StageBeforeWhatItRequires_IsRejected()
    {
        var builder = new PipelineBuilder().Use(new FakeStage("entities", Layer.Tokens, Layer.Entities)).UseText();
        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("entities", error.Message);
    }

    [Fact]
    public void Build_TwoStagesProvidingOneLayer_IsRejected()
    {
        var builder = new PipelineBuilder().UseText().Use(new FakeStage("tokens-again", Layer.None, Layer.Tokens));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Default_ProvidesTextLayers()
    {
        var layers = StandardStages.Default.Provides;
        Assert.Equal(Layer.Paragraphs | Layer.Tokens | Layer.Sentences, layers & (Layer.Paragraphs | Layer.Tokens | Layer.Sentences));
    }

    [Fact]
    public void Providing_KeepsOnlyTheStagesALayerNeeds()
    {
        var pipeline = new PipelineBuilder().UseText().UseQuantities().UseTimes().UseAttributions().Build();
        Assert.Equal(["text"], pipeline.Providing(Layer.Sentences).Stages.Select(s => s.Name));
        Assert.Equal(["text", "times"], pipeline.Providing(Layer.Times).Stages.Select(s => s.Name));
        Assert.Empty(pipeline.Providing(Layer.Events).Stages);
    }

    [Fact]
    public async Task OrderedParallel_YieldsResultsInInputOrder()
    {
        var results = new List<int>();
        await foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 500), i =>
                       {
                           Thread.SpinWait((500 - i) * 100);
                           return i * 2;
                       }, bound: 8))
            results.Add(r);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), results);
    }

    [Fact]
    public async Task OrderedParallel_SourceThatThrows_SurfacesTheError()
    {
        static IEnumerable<int> Broken()
        {
            yield return 1;
            throw new IOException("disk gone");
        }
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in OrderedParallel.Map(Broken(), i => i, bound: 2)) { }
        });
    }

    [Fact]
    public async Task Ingest_StageFailureOnOneDocument_ReportsItAndStoresTheRest()
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"));
        var pipeline = new PipelineBuilder().UseText()
            .Use(new FakeStage("fragile", Layer.Tokens, Layer.Entities, d =>
            {
                if (d.Text.Contains("poison")) throw new InvalidOperationException("boom");
                d.SetEntities([]);
            }))
            .Build();
        var items = new[] { "Fine one.", "A poison report.", "Fine two." }
            .Select((t, i) => ReadItem.Ok(new RawReport(t, new DateOnly(2022, 1, 6), new SourceLocation("in.jsonl", i + 1))));
        var diagnostics = new List<Diagnostic>();

        var result = await new IngestRunner(pipeline, store, IngestOptions.Default with { BatchSize = 1 }).RunAsync(items, diagnostics.Add);

        Assert.Equal(3, result.Read);
        Assert.Equal(2, result.Added);
        Assert.Equal(1, result.Failed);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.StageFailed, error.Code);
        Assert.Equal("in.jsonl:2", error.Location.ToString());
        Assert.Contains("fragile", error.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ingest_ComputesALinkingStoresSignaturesOnTheWorkers_AndNoneWhenItDoesNotLink(bool linking)
    {
        using var dir = new TempDirectory();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"));
        store.Linking = linking;
        var processed = new System.Collections.Concurrent.ConcurrentBag<Document>();
        var pipeline = new PipelineBuilder().UseText()
            .Use(new FakeStage("keep", Layer.Tokens, Layer.Entities, d => { d.SetEntities([]); processed.Add(d); }))
            .Build();
        var texts = new[] { "Police dispersed a march in Aktau on Monday.", "Protesters blocked a road in Almaty on Tuesday." };
        var items = texts.Select((t, i) => ReadItem.Ok(new RawReport(t, new DateOnly(2022, 1, 6), new SourceLocation("in.jsonl", i + 1))));

        await new IngestRunner(pipeline, store, IngestOptions.Default).RunAsync(items, _ => { });

        Assert.Equal(2, processed.Count);
        foreach (var document in processed)
            Assert.Equal(linking ? Sitrep.Linking.MinHash.Signature(document.Text) : null, document.LinkSignature);
    }
}
