namespace Sitrep.Bench;

/// <summary>Peak resident memory of this process (Linux VmHWM), resettable between phases.</summary>
internal static class PeakMemory
{
    /// <summary>Resets the high-water mark (writing 5 to clear_refs); ignored where not supported.</summary>
    public static void Reset()
    {
        GC.Collect();
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>VmHWM in bytes, or the GC's view of the working set where /proc is missing.</summary>
    public static long HighWaterMarkBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        return Environment.WorkingSet;
    }
}
