using Sitrep.Documents;

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
        var context = new TimeContext(document.Date);
        document.SetTimes(SentenceScan.Run<TimeExpression>(document, (tokens, _, found) => TimeScanner.Scan(document.Text, tokens, context, found)));
    }
}
