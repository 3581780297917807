using System.Diagnostics;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>Precision, recall and F1.</summary>
internal readonly record struct Score(double Precision, double Recall, double F1)
{
    /// <summary>Scores matched system and gold items against the system and gold totals.</summary>
    public static Score Of(int matchedSystem, int matchedGold, int system, int gold)
    {
        double p = system == 0 ? 0 : (double)matchedSystem / system;
        double r = gold == 0 ? 0 : (double)matchedGold / gold;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>TempEval-3 style timex scores.</summary>
internal sealed record TimexScores(
    Score Strict, Score Relaxed, double TypeAccuracy, double ValueAccuracy, double ValueF1,
    int GoldCount, int SystemCount, int Documents, long Tokens, double TokensPerSecond);

/// <summary>One disagreement with the gold: a gold timex missed, a system timex the gold lacks, or a
/// matched one whose extent, type or value differs. <paramref name="Gold"/> or <paramref name="System"/> is null
/// for a miss or a spurious find.</summary>
internal sealed record TimexDisagreement(string Document, string Text, GoldTimex? Gold, TimeExpression? System);

/// <summary>
/// Scores the time stage on TimeML gold as the TempEval-3 scorer does: extents matched strictly
/// (same span) and relaxed (overlapping), type and value accuracy over the relaxed matches, and
/// value F1 = relaxed F1 × value accuracy.
/// </summary>
internal static class TimexEvaluation
{
    /// <summary>Runs <paramref name="pipeline"/> (which must provide times) over the documents and scores it;
    /// <paramref name="disagreement"/>, when given, hears of every gold or system timex not matched exactly.</summary>
    public static TimexScores Run(IEnumerable<TimeMlDocument> documents, DocumentPipeline pipeline, Action<TimexDisagreement>? disagreement = null)
    {
        int gold = 0, system = 0, strict = 0, relaxed = 0, typeRight = 0, valueRight = 0, docs = 0;
        long tokens = 0;
        var clock = new Stopwatch();
        foreach (var doc in documents)
        {
            var document = new Document(doc.Text, doc.CreationDate, new SourceLocation(doc.Name));
            clock.Start();
            pipeline.Process(document);
            clock.Stop();
            docs++;
            tokens += document.Tokens.Length;
            gold += doc.Timexes.Count;
            system += document.Times.Count;
            var used = new bool[document.Times.Count];
            foreach (var g in doc.Timexes)
            {
                int best = -1;
                for (int s = 0; s < document.Times.Count; s++)
                {
                    if (used[s] || !Overlaps(g.Range, document.Times[s].Range)) continue;
                    if (best < 0 || document.Times[s].Range == g.Range) best = s;
                }
                if (best < 0)
                {
                    disagreement?.Invoke(new TimexDisagreement(doc.Name, doc.Text, g, null));
                    continue;
                }
                used[best] = true;
                var found = document.Times[best];
                bool sameRange = found.Range == g.Range, sameValue = found.Value == g.Value;
                bool sameType = string.Equals(found.Type.ToString(), g.Type, StringComparison.OrdinalIgnoreCase);
                if (!(sameRange && sameValue && sameType)) disagreement?.Invoke(new TimexDisagreement(doc.Name, doc.Text, g, found));
                relaxed++;
                if (sameRange) strict++;
                if (sameType) typeRight++;
                if (sameValue) valueRight++;
            }
            for (int s = 0; s < used.Length; s++)
                if (!used[s]) disagreement?.Invoke(new TimexDisagreement(doc.Name, doc.Text, null, document.Times[s]));
        }
        var relaxedScore = Score.Of(relaxed, relaxed, system, gold);
        double valueAccuracy = relaxed == 0 ? 0 : (double)valueRight / relaxed;
        return new TimexScores(
            Score.Of(strict, strict, system, gold), relaxedScore,
            relaxed == 0 ? 0 : (double)typeRight / relaxed, valueAccuracy, relaxedScore.F1 * valueAccuracy,
            gold, system, docs, tokens, clock.Elapsed.TotalSeconds > 0 ? tokens / clock.Elapsed.TotalSeconds : 0);
    }

    private static bool Overlaps(TextRange a, TextRange b) => a.Start < b.End && b.Start < a.End;
}
