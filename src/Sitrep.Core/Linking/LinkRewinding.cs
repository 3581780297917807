using Sitrep.Documents;

namespace Sitrep.Linking;

/// <summary>
/// What a store does to link its reports again from a point in linking order, step by step;
/// <see cref="LinkRewinding.Settle"/> is the algorithm both stores share. Every step runs in one
/// transaction (and, in the shared store, under the linking lock).
/// </summary>
internal interface IRewindSteps
{
    /// <summary>Unlinking's steps in the same transaction: an incident's members and links, and renaming its parts.</summary>
    IUnlinkSteps Unlinking { get; }

    /// <summary>The stored reports from <paramref name="from"/> on, in linking order, each with whether its reading is stored.</summary>
    List<(string Id, bool HasReading)> ReportsFrom(LinkKey from);

    /// <summary>
    /// Deletes what linking wrote for <paramref name="reports"/>: their events, every link of those
    /// events, their near-duplicate pairs and signatures (and any index in memory that held them).
    /// Returns the incidents that had events of these reports and keep others, to be split into their
    /// connected parts; an incident left with no member goes with them.
    /// </summary>
    List<string> Forget(IReadOnlyList<string> reports);

    /// <summary>A stored report as it was read, with its events.</summary>
    Document Reading(string report);

    /// <summary>Linking's reads and writes in this transaction, as they stand after <see cref="Forget"/>.</summary>
    ILinkData LinkData();
}

/// <summary>
/// Makes the incidents what linking the stored reports in linking order (report date, then id) makes,
/// after reports arrived out of that order. Incidents grow by comparing each new event with the heads
/// of incidents already stored, so a report linked before a report that comes earlier in that order
/// may have joined other incidents than it would have after it. Linking records the first report
/// that came out of order; settling takes back the linking of every report from there on (their
/// incidents fall back to what the earlier reports alone make: the connected parts of the links among
/// them, since links are only ever made by a report with earlier ones) and links them again in order.
/// Reports that come in order cost nothing; late ones cost one linking of the reports after the
/// earliest of them, however many batches brought them (reports stored while the incidents wait to
/// be settled are not linked until then).
/// </summary>
internal static class LinkRewinding
{
    // Reports read back and linked at a time: their readings are held only while they are linked.
    private const int Page = 256;

    /// <summary>
    /// Settles the incidents if reports came out of order since they were last settled; returns the
    /// reports linked again, or null when a report from that point on was stored by an older sitrep
    /// (no reading to link it again from: <c>sitrep db relink</c> reads it again).
    /// </summary>
    public static int? Settle(IRewindSteps steps)
    {
        var order = steps.LinkData().Order;
        if (order.SettleFrom is not { } from) return 0;
        var reports = steps.ReportsFrom(from);
        if (reports.Any(r => !r.HasReading)) return null;
        var ids = reports.ConvertAll(r => r.Id);

        var unlinking = steps.Unlinking;
        foreach (var incident in steps.Forget(ids))
            unlinking.Rename(incident, ReportLinker.Components(unlinking.Members(incident), unlinking.Links(incident)));

        var data = steps.LinkData();
        foreach (var page in ids.Chunk(Page))
        {
            var documents = Array.ConvertAll(page, steps.Reading);
            foreach (var document in documents) ReportLinker.Prepare(document);
            ReportLinker.LinkInOrder(documents, data);
        }
        data.Order = order with { SettleFrom = null };
        data.Flush();
        return ids.Count;
    }
}
