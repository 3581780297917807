using Npgsql;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Storage.Postgres;

/// <summary>How a queue worker runs.</summary>
public sealed record WorkerOptions
{
    /// <summary>Worker loops in this process, each with its own connections.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports claimed (and stored) per transaction.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long a claim holds its rows; a worker that dies frees them this long after its claim.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Claims of one row before it is quarantined instead of claimed again.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Stop once no work is pending (none waiting, none leased); else wait for more.</summary>
    public bool ExitWhenIdle { get; init; }

    /// <summary>First wait before reconnecting after the database went away; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between reconnection attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a worker process did.</summary>
public sealed record WorkerTotals(long Stored, long AlreadyKnown, long Failed, long Reconnects);

/// <summary>
/// Runs the pipeline over the work queue of a PostgreSQL store (<see cref="WorkQueue"/>): each thread
/// claims a batch, processes it, and stores the results with the rows marked done in one transaction.
/// A report that makes a stage throw is given back to the queue with its error (and quarantined after
/// the last attempt); the rest of its batch is stored. When the database goes away the thread waits,
/// doubling the wait, and carries on where the queue says. Idle threads LISTEN for new work rather
/// than polling.
/// </summary>
public sealed class QueueWorker(string connectionString, DocumentPipeline pipeline, WorkerOptions options)
{
    private long _stored, _known, _failed, _reconnects;

    /// <summary>Runs <see cref="WorkerOptions.Threads"/> loops until idle (with <see cref="WorkerOptions.ExitWhenIdle"/>) or cancelled.</summary>
    public async Task<WorkerTotals> RunAsync(Action<string> log, CancellationToken cancellation = default)
    {
        string process = $"{Environment.MachineName}:{Environment.ProcessId}";
        var loops = Enumerable.Range(1, options.Threads)
            .Select(i => Task.Factory.StartNew(() => Loop($"{process}:{i}", log, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        return new WorkerTotals(_stored, _known, _failed, _reconnects);
    }

    private void Loop(string worker, Action<string> log, CancellationToken cancellation)
    {
        PostgresDocumentStore? store = null;
        NpgsqlConnection? listener = null;
        var backoff = options.FirstBackoff;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    store ??= PostgresDocumentStore.Open(connectionString);
                    var claimed = WorkQueue.Claim(store.Connection, worker, options.BatchSize, options.Lease, options.MaxAttempts);
                    if (claimed.Count == 0)
                    {
                        // Workers store batches in whatever order they finish them: once the queue is empty, the
                        // incidents are settled to what date order makes (at once when all came in order; a
                        // backlog's late reports are linked again once, not after every batch).
                        store.SettleIncidents();
                        if (!WaitForWork(store.Connection, ref listener, cancellation)) return;
                        continue;
                    }
                    Process(store, claimed, log);
                    backoff = options.FirstBackoff;
                }
                catch (Exception e) when (IsConnectionLoss(e))
                {
                    // The database went away (restart, failover, network): nothing of the open batch was
                    // committed. Reconnect after a wait; the claim then takes this worker's rows back.
                    log($"{worker}: database unavailable ({Inner(e).Message}); retrying in {backoff.TotalSeconds:0.##} s");
                    store?.Dispose();
                    store = null;
                    listener?.Dispose();
                    listener = null;
                    Interlocked.Increment(ref _reconnects);
                    cancellation.WaitHandle.WaitOne(backoff);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
                }
            }
        }
        finally
        {
            store?.Dispose();
            listener?.Dispose();
        }
    }

    private void Process(PostgresDocumentStore store, List<WorkItem> claimed, Action<string> log)
    {
        var documents = new List<Document>(claimed.Count);
        var done = new List<long>(claimed.Count);
        foreach (var item in claimed)
        {
            try
            {
                var document = item.Report.ToDocument();
                pipeline.Process(document);
                store.Prepare(document); // before linking's lock, which other workers wait on
                documents.Add(document);
                done.Add(item.Id);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A report that breaks a stage must not hold up the rest of the batch, nor the queue.
                string error = $"{e.GetType().Name}: {e.Message}";
                log($"{item.Report.Origin}: {error} (attempt {item.Attempts} of {options.MaxAttempts})");
                WorkQueue.Fail(store.Connection, item, error, options.MaxAttempts);
                Interlocked.Increment(ref _failed);
            }
        }
        var outcome = store.StoreWork(documents, done);
        Interlocked.Add(ref _stored, outcome.Added);
        Interlocked.Add(ref _known, outcome.AlreadyKnown);
    }

    // Waits until work may be claimable; false when the worker should stop (idle, and told to exit then).
    private bool WaitForWork(NpgsqlConnection connection, ref NpgsqlConnection? listener, CancellationToken cancellation)
    {
        var leased = WorkQueue.NextLeaseExpiry(connection);
        if (options.ExitWhenIdle && leased is null && WorkQueue.Count(connection).Pending == 0) return false;
        if (listener is null)
        {
            listener = new NpgsqlConnection(connectionString);
            listener.Open();
            using var listen = new NpgsqlCommand($"LISTEN {WorkQueue.Channel}", listener);
            listen.ExecuteNonQuery();
        }
        // New work is announced; a lease running out is not, so wake for the earliest one too. The
        // wait is cut into short spells so that Ctrl+C stops an idle worker at once.
        var wait = leased is { } expiry ? expiry + TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(30);
        // Finishing workers announce nothing: one about to exit looks again every second.
        if (options.ExitWhenIdle && wait > TimeSpan.FromSeconds(1)) wait = TimeSpan.FromSeconds(1);
        var deadline = DateTime.UtcNow + wait;
        while (!cancellation.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            // Whole milliseconds, at least one: Npgsql reads a zero timeout as "wait for ever".
            int spell = (int)Math.Clamp((deadline - DateTime.UtcNow).TotalMilliseconds, 1, IdleSpell.TotalMilliseconds);
            if (listener.Wait(spell)) break;
        }
        return !cancellation.IsCancellationRequested;
    }

    private static readonly TimeSpan IdleSpell = TimeSpan.FromMilliseconds(500);

    private static bool IsConnectionLoss(Exception e) => Inner(e) switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException n when n.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException => true,
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03",
        _ => false,
    };

    private static Exception Inner(Exception e) => e is StoreException { InnerException: { } inner } ? inner : e;
}
