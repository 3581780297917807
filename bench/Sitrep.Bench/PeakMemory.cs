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

    /// <summary>VmRSS in bytes (what the process holds now), or the GC's working set where /proc is missing.</summary>
    public static long ResidentBytes() => Status("VmRSS:") ?? Environment.WorkingSet;

    private static long? Status(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
        return null;
    }

    /// <summary>VmHWM in bytes, or the GC's view of the working set where /proc is missing.</summary>
    public static long HighWaterMarkBytes() => Status("VmHWM:") ?? Environment.WorkingSet;
}
