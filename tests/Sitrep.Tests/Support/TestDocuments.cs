using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Support;

internal static class TestDocuments
{
    /// <summary>A document with the text layers, as the default pipeline leaves it.</summary>
    public static Document Make(string text, string file = "a.txt", DateOnly? date = null, string? source = null)
    {
        var document = new Document(text, date ?? new DateOnly(2022, 1, 6), new SourceLocation(file)) { Source = source };
        StandardStages.Default.Process(document);
        return document;
    }
}
