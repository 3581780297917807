namespace Sitrep.Reading;

/// <summary>
/// Lists the files under a directory for reading: every real directory once, so a link back to a
/// parent (or two of them) ends instead of looping; hidden entries skipped; a directory that cannot be
/// listed comes back as an error, like an unreadable file, instead of being skipped silently.
/// </summary>
internal static class DirectoryWalk
{
    /// <summary>One directory's listing: its files and its subdirectories (full paths).</summary>
    internal delegate (IEnumerable<string> Files, IEnumerable<string> Directories) Lister(string directory);

    /// <summary>The files under <paramref name="root"/> and the directories that could not be listed, sorted by path.</summary>
    public static List<(string Path, Exception? Error)> Under(string root, Lister? list = null)
    {
        list ??= List;
        var found = new List<(string Path, Exception? Error)>();
        var walked = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (!walked.Add(RealPath(directory))) continue;
            try
            {
                var (files, directories) = list(directory);
                foreach (var file in files) found.Add((file, null));
                foreach (var sub in directories) pending.Push(sub);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                found.Add((directory, e));
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        // On Unix, .NET reports dot-files and dot-directories as hidden, so they are skipped too.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private static (IEnumerable<string>, IEnumerable<string>) List(string directory)
    {
        var files = new List<string>();
        var directories = new List<string>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel))
        {
            // A link to a directory is listed as a file whose target is a directory.
            bool isDirectory = entry is DirectoryInfo || entry.LinkTarget is not null && Directory.Exists(entry.FullName);
            (isDirectory ? directories : files).Add(entry.FullName);
        }
        return (files, directories);
    }

    /// <summary>The path with every link in it resolved (a link loop stops after 40 links, as the system's lookup does).</summary>
    internal static string RealPath(string path)
    {
        int hops = 0;
        return Resolve(path, ref hops);
    }

    private static string Resolve(string path, ref int hops)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var real = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            if (hops < 40 && new DirectoryInfo(next).LinkTarget is { } target)
            {
                hops++;
                next = Resolve(Path.GetFullPath(target, real), ref hops);
            }
            real = next;
        }
        return real;
    }
}
