using Sitrep.Documents;

namespace Sitrep.Entities;

/// <summary>Adds the entities layer: PER, ORG, LOC and MISC mentions found by the trained tagger, sentence by sentence.</summary>
public sealed class EntityStage(PerceptronTagger tagger) : IStage
{
    /// <inheritdoc/>
    public string Name => "entities";

    /// <inheritdoc/>
    public Layer Requires => Layer.Tokens | Layer.Sentences;

    /// <inheritdoc/>
    public Layer Provides => Layer.Entities;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        var sentences = new List<string[]>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            var words = new string[sentence.TokenCount];
            for (int t = 0; t < words.Length; t++) words[t] = document.TextOf(document.Tokens[sentence.FirstToken + t].Range);
            sentences.Add(words);
        }
        var tags = tagger.TagDocument(sentences);
        var mentions = new List<Mention>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var first = document.Sentences[s].FirstToken;
            foreach (var (type, start, end) in ConllCorpus.Chunks(tags[s]))
                mentions.Add(new Mention(new TextRange(document.Tokens[first + start].Start, document.Tokens[first + end - 1].End), EntityTypes.Parse(type)));
        }
        document.SetEntities(mentions);
    }
}
