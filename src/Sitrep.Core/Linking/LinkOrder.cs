using Sitrep.Documents;

namespace Sitrep.Linking;

/// <summary>
/// Where a report comes in the order that defines the incidents: report date, then id. Linking the
/// stored reports in this order makes the incidents <c>sitrep db relink</c> makes, whatever order
/// they arrived in.
/// </summary>
internal readonly record struct LinkKey(DateOnly Date, string Id) : IComparable<LinkKey>
{
    public static LinkKey Of(Document document) => new(document.Date, document.Id);

    public int CompareTo(LinkKey other) => Date.CompareTo(other.Date) is var c and not 0 ? c : string.CompareOrdinal(Id, other.Id);

    public static bool operator <(LinkKey a, LinkKey b) => a.CompareTo(b) < 0;

    public static bool operator >(LinkKey a, LinkKey b) => a.CompareTo(b) > 0;

    public static LinkKey Min(LinkKey a, LinkKey? b) => b is { } other && other < a ? other : a;

    public static LinkKey Max(LinkKey a, LinkKey? b) => b is { } other && other > a ? other : a;
}

/// <summary>
/// What a store remembers of the order its reports were linked in: the last report in linking order
/// linked so far, and the first report linked out of that order since the incidents were last settled
/// (<see cref="LinkRewinding"/>); null when every report came in order.
/// </summary>
internal readonly record struct LinkOrder(LinkKey? Newest, LinkKey? SettleFrom)
{
    /// <summary>This order after linking <paramref name="first"/> to <paramref name="last"/> (in linking order) of a batch.</summary>
    public LinkOrder After(LinkKey first, LinkKey last) => new(
        LinkKey.Max(last, Newest),
        Newest is { } newest && first < newest ? LinkKey.Min(first, SettleFrom) : SettleFrom);
}
