namespace Sitrep.Entities;

/// <summary>One tagged sentence: words and their BIO tags ("B-PER", "I-PER", "O"), and the document it belongs to.</summary>
internal sealed record TaggedSentence(string[] Words, string[] Tags, int Document);

/// <summary>Reads CoNLL-2003 files: a token and its columns per line, the NER tag last, blank lines between sentences, <c>-DOCSTART-</c> between documents.</summary>
internal static class ConllCorpus
{
    /// <summary>Reads every sentence of <paramref name="path"/>; IOB1 tags are converted to BIO (IOB2).</summary>
    public static List<TaggedSentence> Read(string path)
    {
        var sentences = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int document = 0, lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                document++;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 2) throw new FormatException($"{path}:{lineNumber}: expected a token and a tag");
            words.Add(columns[0]);
            tags.Add(columns[^1]);
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count == 0) return;
            sentences.Add(new TaggedSentence([.. words], ToBio([.. tags]), document));
            words.Clear();
            tags.Clear();
        }
    }

    /// <summary>IOB1 ("I-X" may open an entity) to BIO ("B-X" always opens one).</summary>
    public static string[] ToBio(string[] tags)
    {
        var bio = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            var tag = tags[i];
            bool opens = tag.StartsWith("I-", StringComparison.Ordinal) && (i == 0 || TypeOf(tags[i - 1]) != TypeOf(tag));
            bio[i] = opens ? "B-" + tag[2..] : tag;
        }
        return bio;
    }

    /// <summary>The entity spans <c>(type, start, end)</c> of a BIO tag sequence, end exclusive, as conlleval counts them.</summary>
    public static List<(string Type, int Start, int End)> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<(string, int, int)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            bool continues = type is not null && tag.StartsWith("I-", StringComparison.Ordinal) && TypeOf(tag) == type;
            if (continues) continue;
            if (type is not null) chunks.Add((type, start, i));
            type = tag == "O" ? null : TypeOf(tag);
            start = i;
        }
        return chunks;
    }

    private static string TypeOf(string tag) => tag.Length > 2 ? tag[2..] : "";
}
