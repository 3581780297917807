using System.Threading.Channels;

namespace Sitrep.Pipeline;

/// <summary>
/// Maps a stream through a function on the thread pool, in parallel, yielding results in input
/// order. At most <c>bound</c> items are in flight, so memory stays flat however long the stream.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Yields <c>work(item)</c> for each item of <paramref name="source"/>, in order.</summary>
    public static async IAsyncEnumerable<TOut> Map<TIn, TOut>(
        IEnumerable<TIn> source,
        Func<TIn, TOut> work,
        int bound,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var inFlight = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(bound)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        // The producer enumerates the source (file I/O, decoding) on its own thread.
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var task = Task.Run(() => work(item), cancellation);
                    await inFlight.Writer.WriteAsync(task, cancellation).ConfigureAwait(false);
                }
                inFlight.Writer.Complete();
            }
            catch (Exception e)
            {
                inFlight.Writer.Complete(e);
            }
        }, cancellation);

        await foreach (var task in inFlight.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            yield return await task.ConfigureAwait(false);

        await producer.ConfigureAwait(false);
    }
}
