namespace Sitrep.Documents;

/// <summary>The annotation layers a document can carry; stages declare which they need and which they add.</summary>
[Flags]
public enum Layer
{
    /// <summary>No layer.</summary>
    None = 0,
    /// <summary>Paragraphs (blank-line separated blocks).</summary>
    Paragraphs = 1 << 0,
    /// <summary>Tokens with char offsets.</summary>
    Tokens = 1 << 1,
    /// <summary>Sentences over the tokens.</summary>
    Sentences = 1 << 2,
    /// <summary>Named-entity mentions.</summary>
    Entities = 1 << 3,
    /// <summary>Resolved toponyms.</summary>
    Places = 1 << 4,
    /// <summary>Counted or measured quantities.</summary>
    Quantities = 1 << 5,
    /// <summary>Resolved temporal expressions.</summary>
    Times = 1 << 6,
    /// <summary>Who says what.</summary>
    Attributions = 1 << 7,
    /// <summary>Coded events.</summary>
    Events = 1 << 8,
}
