namespace Sitrep.Storage;

/// <summary>A link between two events of different reports, and why they are one incident.</summary>
public sealed record EventLink(string A, string B, string Reason)
{
    /// <summary>The same link with its ends in ordinal order, the form the store keeps.</summary>
    public EventLink Canonical() => string.CompareOrdinal(A, B) <= 0 ? this : this with { A = B, B = A };
}
