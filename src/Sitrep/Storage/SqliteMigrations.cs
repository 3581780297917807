namespace Sitrep.Storage;

/// <summary>
/// The SQLite schema, one numbered step at a time. A database records the last step applied in
/// <c>PRAGMA user_version</c>; opening it applies the missing steps in one transaction. Steps are
/// only ever appended, never edited.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        // 1: documents, the (source, file) deliveries of each, full-text index.
        """
        CREATE TABLE documents (
            rowid          INTEGER PRIMARY KEY,
            id             TEXT NOT NULL UNIQUE,
            date           TEXT NOT NULL,
            published      TEXT,
            source         TEXT,
            url            TEXT,
            title          TEXT,
            text           TEXT NOT NULL,
            words          INTEGER NOT NULL,
            sentence_count INTEGER NOT NULL,
            sentences      BLOB NOT NULL,  -- int32 little-endian (start, end) pairs
            paragraphs     BLOB NOT NULL,
            stored_at      TEXT NOT NULL
        );
        CREATE INDEX documents_by_date ON documents(date);
        CREATE INDEX documents_by_source ON documents(source);

        CREATE TABLE deliveries (
            document_id  TEXT NOT NULL REFERENCES documents(id),
            source       TEXT NOT NULL,   -- '' when unknown
            file         TEXT NOT NULL,   -- absolute path, or '-' for standard input
            line         INTEGER,
            external_id  TEXT,
            url          TEXT,
            delivered_at TEXT NOT NULL,
            PRIMARY KEY (document_id, source, file)
        ) WITHOUT ROWID;
        CREATE INDEX deliveries_by_file ON deliveries(file);

        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        """,
    ];
}
