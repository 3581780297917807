using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Time;

/// <summary>Adds the times layer: temporal expressions resolved against the report date.</summary>
public sealed class TimeStage : IStage
{
    /// <inheritdoc/>
    public string Name => "times";

    /// <inheritdoc/>
    public Layer Requires => Layer.Tokens | Layer.Sentences;

    /// <inheritdoc/>
    public Layer Provides => Layer.Times;

    /// <inheritdoc/>
    public void Process(Document document)
    {
        var found = new List<TimeExpression>();
        var context = new TimeContext(document.Date);
        foreach (var sentence in document.Sentences)
            TimeScanner.Scan(document.Text, document.Tokens.Slice(sentence.FirstToken, sentence.TokenCount), context, found);
        document.SetTimes(found);
    }
}
