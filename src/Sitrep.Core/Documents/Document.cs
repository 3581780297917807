namespace Sitrep.Documents;

/// <summary>
/// One report and the layers read from it. <see cref="Text"/> is the report exactly as received;
/// every annotation is a range of offsets into it. Each layer is set once, by the stage that provides it.
/// </summary>
public sealed class Document
{
    private TextRange[] _paragraphs = [];
    private Token[] _tokens = [];
    private Sentence[] _sentences = [];

    /// <summary>Creates a document; the id is computed from the text.</summary>
    public Document(string text, DateOnly date, SourceLocation origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Date = date;
        Origin = origin;
        Id = DocumentId.Compute(text);
    }

    /// <summary>Content hash of the normalised text (<see cref="DocumentId"/>).</summary>
    public string Id { get; }

    /// <summary>The report text, never rewritten.</summary>
    public string Text { get; }

    /// <summary>The report's date (publication date in the publisher's own time zone).</summary>
    public DateOnly Date { get; }

    /// <summary>Where this copy of the report was read from.</summary>
    public SourceLocation Origin { get; }

    /// <summary>Full publication time when the input gave one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Publisher or outlet, when known.</summary>
    public string? Source { get; init; }

    /// <summary>The report's address, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Headline, when known; not part of <see cref="Text"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The id the input itself gave the record, if any (kept for provenance, not used as the key).</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// The country the source reports from, as ISO 3166 alpha-2 ("NG"), when the input says (a feed of
    /// one country's press): the places of a report that names no country are first looked for there.
    /// </summary>
    public string? SourceCountry { get; init; }

    /// <summary>The layers set so far.</summary>
    public Layer Layers { get; private set; }

    /// <summary>Paragraph ranges, in order.</summary>
    public ReadOnlySpan<TextRange> Paragraphs => _paragraphs;

    /// <summary>Tokens, in order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>Sentences, in order; never crossing a paragraph.</summary>
    public ReadOnlySpan<Sentence> Sentences => _sentences;

    /// <summary>Named-entity mentions.</summary>
    public IReadOnlyList<Mention> Entities { get; private set; } = [];

    /// <summary>Resolved toponyms.</summary>
    public IReadOnlyList<PlaceMention> Places { get; private set; } = [];

    /// <summary>Quantities.</summary>
    public IReadOnlyList<Quantity> Quantities { get; private set; } = [];

    /// <summary>Temporal expressions.</summary>
    public IReadOnlyList<TimeExpression> Times { get; private set; } = [];

    /// <summary>Attributions.</summary>
    public IReadOnlyList<Attribution> Attributions { get; private set; } = [];

    /// <summary>Coded events.</summary>
    public IReadOnlyList<CodedEvent> Events { get; private set; } = [];

    private List<Diagnostic>? _diagnostics;

    /// <summary>What the stages noted about this reading that is not an error (a report that tells of no event: <c>no-events</c>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_diagnostics ?? [];

    /// <summary>Notes <paramref name="reason"/> (under the stable <paramref name="code"/>) about this document's reading.</summary>
    public void AddDiagnostic(string code, string reason) => (_diagnostics ??= []).Add(new Diagnostic(Origin, code, reason));

    /// <summary>The MinHash signature linking compares, when computed ahead of storing (see Linking.ReportLinker.Prepare).</summary>
    internal uint[]? LinkSignature { get; set; }

    /// <summary>The reading a store keeps of this document, when encoded ahead of storing (see Storage.StoredReading).</summary>
    internal byte[]? EncodedReading { get; set; }

    /// <summary>Number of word-like tokens (0 before tokenisation).</summary>
    public int WordCount { get; private set; }

    /// <summary>The text a range covers, without copying.</summary>
    public ReadOnlySpan<char> Slice(TextRange range) => Text.AsSpan(range.Start, range.Length);

    /// <summary>The text a range covers, as a new string (for output, not hot paths).</summary>
    public string TextOf(TextRange range) => Text.Substring(range.Start, range.Length);

    /// <summary>Sets the paragraph layer.</summary>
    public void SetParagraphs(TextRange[] paragraphs)
    {
        foreach (var p in paragraphs) CheckInText(p);
        _paragraphs = paragraphs;
        MarkSet(Layer.Paragraphs);
    }

    /// <summary>Sets the token layer and the word count.</summary>
    public void SetTokens(Token[] tokens)
    {
        int words = 0;
        foreach (var t in tokens)
        {
            CheckInText(t.Range);
            if (t.IsWordLike) words++;
        }
        _tokens = tokens;
        WordCount = words;
        MarkSet(Layer.Tokens);
    }

    /// <summary>Sets the sentence layer; requires tokens.</summary>
    public void SetSentences(Sentence[] sentences)
    {
        Require(Layer.Tokens);
        foreach (var s in sentences)
        {
            CheckInText(s.Range);
            if (s.FirstToken < 0 || s.EndToken > _tokens.Length)
                throw new ArgumentOutOfRangeException(nameof(sentences), $"Sentence {s.Range} points past the token layer.");
        }
        _sentences = sentences;
        MarkSet(Layer.Sentences);
    }

    /// <summary>
    /// Sets the paragraphs and sentences of a reading kept by a store (Storage.StoredReading), which
    /// keeps no tokens: the sentences point at none, and the word count is the one stored.
    /// </summary>
    internal void Restore(Layer layers, TextRange[] paragraphs, TextRange[] sentences, int wordCount)
    {
        foreach (var r in paragraphs) CheckInText(r);
        foreach (var r in sentences) CheckInText(r);
        _paragraphs = paragraphs;
        _sentences = Array.ConvertAll(sentences, r => new Sentence(r, 0, 0));
        WordCount = wordCount;
        MarkSet(layers);
    }

    /// <summary>Sets the entity layer.</summary>
    public void SetEntities(IReadOnlyList<Mention> entities) => Entities = SetLayer(Layer.Entities, entities, m => m.Range);

    /// <summary>Sets the place layer.</summary>
    public void SetPlaces(IReadOnlyList<PlaceMention> places) => Places = SetLayer(Layer.Places, places, p => p.Range);

    /// <summary>Sets the quantity layer.</summary>
    public void SetQuantities(IReadOnlyList<Quantity> quantities) => Quantities = SetLayer(Layer.Quantities, quantities, q => q.Range);

    /// <summary>Sets the time layer.</summary>
    public void SetTimes(IReadOnlyList<TimeExpression> times) => Times = SetLayer(Layer.Times, times, t => t.Range);

    /// <summary>Sets the attribution layer.</summary>
    public void SetAttributions(IReadOnlyList<Attribution> attributions) => Attributions = SetLayer(Layer.Attributions, attributions, a => a.Range);

    /// <summary>Sets the event layer.</summary>
    public void SetEvents(IReadOnlyList<CodedEvent> events)
    {
        foreach (var e in events)
            foreach (var r in e.Evidence) CheckInText(r);
        Events = events;
        MarkSet(Layer.Events);
    }

    private IReadOnlyList<T> SetLayer<T>(Layer layer, IReadOnlyList<T> items, Func<T, TextRange> rangeOf)
    {
        foreach (var item in items) CheckInText(rangeOf(item));
        MarkSet(layer);
        return items;
    }

    private void MarkSet(Layer layer)
    {
        if ((Layers & layer) != 0)
            throw new InvalidOperationException($"Layer {layer} of document {Id} is already set.");
        Layers |= layer;
    }

    private void Require(Layer layer)
    {
        if ((Layers & layer) != layer)
            throw new InvalidOperationException($"Document {Id} lacks layer {layer}.");
    }

    private void CheckInText(TextRange range)
    {
        if (range.End > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(range), $"Range {range} is past the end of document {Id} ({Text.Length} chars).");
    }
}
