using System.Runtime.InteropServices;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// The compiled gazetteer on disk: a header naming the sources it was built from, then every column
/// as a length-prefixed block of raw little-endian values, so loading is a handful of reads.
/// </summary>
internal static class GazetteerFile
{
    private const string Magic = "SITREP-GAZ-4";

    /// <summary>A compiled gazetteer's file name, in the cache and in a resources folder.</summary>
    public const string FileName = "gazetteer.bin";

    /// <summary>Writes <paramref name="gazetteer"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void Save(Gazetteer gazetteer, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            var c = gazetteer.Columns;
            writer.Write(Magic);
            writer.Write(c.Sources.Length);
            foreach (var s in c.Sources)
            {
                writer.Write(s.Path);
                writer.Write(s.Length);
                writer.Write(s.LastWriteTicks);
            }
            Write(writer, c.GeonameIds);
            Write(writer, c.Latitudes);
            Write(writer, c.Longitudes);
            Write(writer, c.Populations);
            Write(writer, c.Origins);
            Write(writer, c.EventCounts);
            Write(writer, c.Levels);
            Write(writer, c.Flags);
            Write(writer, c.Countries);
            Write(writer, c.Admin1);
            Write(writer, c.Admin2);
            Write(writer, c.NamePool);
            Write(writer, c.NameStarts);
            Write(writer, c.ChangedAdmin1);
            Write(writer, c.ChangedSince);
            Write(writer, c.ChangedFrom);
            Write(writer, gazetteer.Names);
            Write(writer, gazetteer.Demonyms);
            Write(writer, gazetteer.Sounds);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the header only: the sources a compiled file was built from (null when it is not a gazetteer of this version).</summary>
    public static SourceStamp[]? ReadSources(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            return ReadHeader(reader, path, throwOnMismatch: false);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Loads a compiled gazetteer; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static Gazetteer Load(string path)
    {
        using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Encoding.UTF8);
        try
        {
            var sources = ReadHeader(reader, path, throwOnMismatch: true)!;
            var columns = new GazetteerColumns
            {
                Sources = sources,
                GeonameIds = Read<int>(reader),
                Latitudes = Read<float>(reader),
                Longitudes = Read<float>(reader),
                Populations = Read<int>(reader),
                Origins = Read<byte>(reader),
                EventCounts = Read<int>(reader),
                Levels = Read<byte>(reader),
                Flags = Read<byte>(reader),
                Countries = Read<ushort>(reader),
                Admin1 = Read<int>(reader),
                Admin2 = Read<int>(reader),
                NamePool = Read<char>(reader),
                NameStarts = Read<int>(reader),
                ChangedAdmin1 = Read<int>(reader),
                ChangedSince = Read<int>(reader),
                ChangedFrom = Read<int>(reader),
            };
            return new Gazetteer(columns, ReadIndex(reader), ReadIndex(reader), ReadIndex(reader));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: truncated gazetteer file; rebuild it with 'sitrep gazetteer build'.");
        }
    }

    private static SourceStamp[]? ReadHeader(BinaryReader reader, string path, bool throwOnMismatch)
    {
        if (reader.BaseStream.Length < Magic.Length + 1 || reader.ReadString() != Magic)
        {
            if (throwOnMismatch) throw new InvalidDataException($"{path}: not a gazetteer of this version ({Magic}); rebuild it with 'sitrep gazetteer build'.");
            return null;
        }
        var sources = new SourceStamp[reader.ReadInt32()];
        for (int i = 0; i < sources.Length; i++) sources[i] = new SourceStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
        return sources;
    }

    private static void Write(BinaryWriter writer, NameIndex index)
    {
        Write(writer, index.Keys);
        Write(writer, index.KeyStarts);
        Write(writer, index.PostingStarts);
        Write(writer, index.Postings);
        Write(writer, index.Slots);
    }

    private static NameIndex ReadIndex(BinaryReader reader) =>
        new(Read<char>(reader), Read<int>(reader), Read<int>(reader), Read<int>(reader), Read<int>(reader));

    private static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] Read<T>(BinaryReader reader) where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new EndOfStreamException();
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
