using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>What a word says about an event in its sentence.</summary>
[Flags]
internal enum EventCue
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Something happened that may be an event ("protest", "clash", "shelled").</summary>
    Trigger = 1 << 0,
    /// <summary>Death ("killed", "dead", "death toll", "eliminated").</summary>
    Death = 1 << 1,
    /// <summary>Injury ("injured", "wounded").</summary>
    Injury = 1 << 2,
    /// <summary>A future, plan, possibility or negation just before an event word: no event happened ("will send", "plans to attack", "did not attack").</summary>
    Unreal = 1 << 3,
    /// <summary>Membership or composition, not an action ("includes", "member of").</summary>
    Membership = 1 << 4,
    /// <summary>A natural or industrial disaster, or an accident: not an ACLED event unless an armed actor is involved.</summary>
    Disaster = 1 << 5,
    /// <summary>
    /// An event word with an everyday sense too ("stocks rallied", "the coach was fired", "sets a date"): an
    /// event only where the sentence names who acted (<see cref="Agent"/> or an actor).
    /// </summary>
    Weak = 1 << 6,
    /// <summary>A people or group that can act in an event ("workers", "fighters", "crowd").</summary>
    Agent = 1 << 7,
    /// <summary>An armed side, or arms in someone's hands ("rebels", "jihadists", "gunman", "rifles"): the words around an event word are then violence's.</summary>
    Armed = 1 << 8,
    /// <summary>A protest ("rallied", "strike", "picket"): people named beside it are protesting, whatever business news says of the word.</summary>
    Protest = 1 << 9,
}

/// <summary>When a coding rule overrides the trained classifier.</summary>
internal enum RuleStrength
{
    /// <summary>Always (a weapon decides the kind of violence).</summary>
    Decisive,
    /// <summary>Unless the sentence also reports violence, which is then the event.</summary>
    UnlessViolent,
    /// <summary>Only where the classifier is unsure.</summary>
    WhenUnsure,
    /// <summary>Where the sentence tells of dead or wounded, else only where the classifier is unsure (an explosion that kills is the event).</summary>
    WhenHarmful,
}

/// <summary>
/// Event words of English news and ACLED notes, by stem (<see cref="EventFeatures.Stem"/>): which
/// mark an event, and the coding rules some of them force whatever the classifier says.
/// </summary>
internal static class EventLexicon
{
    private static readonly Lexicon Words = Lexicon.Embedded("event-words.tsv");
    private static readonly Dictionary<string, EventCue> Cues = Build();

    /// <summary>
    /// Stems whose presence decides the sub-event type, checked in this order. Weapons decide the
    /// type of violence (a car bomb is a remote explosive, a missile a shelling, whatever else the
    /// sentence says); the coding rules the taxonomy states (looting, arrests, resignations,
    /// shutdowns, curfews, deployments, agreements are strategic developments) apply unless violence
    /// is reported too; the others only where the classifier is unsure.
    /// </summary>
    public static readonly (string[] Stems, string Label, RuleStrength Strength)[] Rules =
        [.. Words.Rows("rule").Select(r => (r[0].Split('|'), r[1], Enum.Parse<RuleStrength>(r[2])))];

    /// <summary>Stems that mark violence: where one is present, the always-on rules give way to the violence.</summary>
    public static readonly string[] ViolentStems = Words.Words("violent-stem");

    private static readonly HashSet<string> RuleStems = new(Rules.SelectMany(r => r.Stems).Concat(ViolentStems), StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RuleStemLookup = RuleStems.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestRuleStem = RuleStems.Max(r => r.Length);

    /// <summary>
    /// The rule and violence stems (<see cref="Rules"/>, <see cref="ViolentStems"/>) that begin some word of
    /// <paramref name="stems"/>: "shelling" holds "shell". One lookup per word prefix instead of a
    /// comparison per (word, stem) pair.
    /// </summary>
    public static HashSet<string> RuleStemsIn(IEnumerable<string> stems)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stem in stems)
            for (int k = 1; k <= stem.Length && k <= LongestRuleStem; k++)
                if (RuleStemLookup.TryGetValue(stem.AsSpan(0, k), out var rule)) found.Add(rule);
        return found;
    }

    /// <summary>The cues of one lower-cased word.</summary>
    public static EventCue Of(string lowerWord) =>
        Cues.TryGetValue(EventFeatures.Stem(lowerWord), out var cue) ? cue
        // Stem takes one suffix off: "bombings" → "bombing", which the lexicon holds as "bomb".
        : lowerWord.EndsWith("ings", StringComparison.Ordinal) ? Cues.GetValueOrDefault(EventFeatures.Stem(lowerWord[..^1])) : EventCue.None;

    private static Dictionary<string, EventCue> Build()
    {
        var cues = new Dictionary<string, EventCue>(StringComparer.Ordinal);
        foreach (var cue in Enum.GetValues<EventCue>().Where(c => c != EventCue.None))
            foreach (var word in Words.Words(cue.ToString().ToLowerInvariant()))
                cues[EventFeatures.Stem(word)] = cues.GetValueOrDefault(EventFeatures.Stem(word)) | cue;
        return cues;
    }
}
