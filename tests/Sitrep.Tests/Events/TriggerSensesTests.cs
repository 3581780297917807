using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>The learned sense of an event word (models/trigger-senses.bin) and where the detector asks for it.</summary>
public class TriggerSensesTests
{
    private static readonly TriggerSenses Senses = TriggerSenses.Default
        ?? throw new InvalidOperationException("No models/trigger-senses.bin: rebuild it with 'sitrep train senses'.");

    private static List<(string Lower, string Original)> Words(string sentence)
    {
        var document = new Document(sentence, new DateOnly(2024, 3, 5), new SourceLocation("test"));
        new PipelineBuilder().UseText().Build().Process(document);
        return [.. document.Tokens.ToArray().Select(t => document.TextOf(t.Range)).Select(w => (w.ToLowerInvariant(), w))];
    }

    private static bool EventSense(string sentence, string word)
    {
        var words = Words(sentence);
        return Senses.IsEventSense(words, words.FindIndex(w => w.Original == word));
    }

    [Fact]
    public void AnEventWord_IsReadByItsNeighbours()
    {
        Assert.Equal([false, true, false, true], new[]
        {
            EventSense("Oil prices rallied to a record high on Friday.", "rallied"),
            EventSense("Hundreds of protesters rallied outside parliament on Friday.", "rallied"),
            EventSense("Sales showed explosive growth in emerging markets last year.", "explosive"),
            EventSense("Police found explosives in a car near the checkpoint on Friday.", "explosives"),
        });
    }

    [Fact]
    public void TheDetector_AsksTheModel_WhereNoOneArmedIsNamed()
    {
        // No one who acts in events, or only lawyers or a security firm: the everyday sense keeps the sentence out.
        foreach (var sentence in new[]
        {
            "Sales showed explosive growth in emerging markets last year.",
            "Sales at the home security firm exploded after a run of burglaries in the suburbs.",
            "Lawyers for the tobacco company and the smokers who won the verdict are fighting again over the fees.",
        })
        {
            var words = Words(sentence);
            Assert.Equal(EventDetection.Reporting.Event, EventDetection.Reported(words));
            Assert.Equal(EventDetection.Reporting.None, EventDetection.Reported(words, Senses));
        }
        // Someone armed named, people beside a protest word, or a government resigning: the detector's own rules decide, as
        // without the model (business news reads "slaughtered", "strike" and "resigned" in their everyday senses).
        foreach (var sentence in new[]
        {
            "Jihadists tied up and slaughtered 43 farm workers near the village on Monday.",
            "Hotel workers went on strike at four hotels on Monday after talks on a new contract failed.",
            "The government of the country has resigned.",
        })
            Assert.Equal(EventDetection.Reporting.Event, EventDetection.Reported(Words(sentence), Senses));
    }
}
