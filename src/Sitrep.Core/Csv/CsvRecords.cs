using System.Text;

namespace Sitrep.Csv;

/// <summary>Records of a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and newlines).</summary>
internal static class CsvRecords
{
    /// <summary>One CSV record (fields may hold quoted commas, quotes and newlines); null at the end.</summary>
    public static List<string>? Read(TextReader reader, ref int line)
    {
        if (reader.Peek() < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        while (true)
        {
            int c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') field.Append((char)reader.Read());
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                default: field.Append((char)c); break;
            }
        }
    }
}
