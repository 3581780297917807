namespace Sitrep.Storage.Sqlite;

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
        // 2: coded events, each tied to the report it was read from and its evidence sentences.
        """
        CREATE TABLE events (
            id              TEXT PRIMARY KEY,   -- document id + '-' + ordinal: the same text gives the same ids
            document_id     TEXT NOT NULL REFERENCES documents(id),
            ordinal         INTEGER NOT NULL,
            event_type      TEXT NOT NULL,
            sub_event_type  TEXT NOT NULL,
            plover          TEXT,
            date            TEXT,
            time_precision  INTEGER NOT NULL,
            place_start     INTEGER,
            place_end       INTEGER,
            place_name      TEXT,
            geonameid       INTEGER,
            latitude        REAL,
            longitude       REAL,
            country         TEXT,
            admin1          TEXT,
            level           TEXT,
            place_confidence REAL,
            geo_precision   INTEGER NOT NULL,
            actor1          TEXT,
            actor2          TEXT,
            inter1          INTEGER,
            inter2          INTEGER,
            fatalities      INTEGER,
            fatalities_text TEXT,
            injured         INTEGER,
            injured_text    TEXT,
            source          TEXT,
            confidence      REAL NOT NULL,
            notes           TEXT,
            evidence        BLOB NOT NULL       -- int32 little-endian (start, end) pairs into the report text
        ) WITHOUT ROWID;
        CREATE INDEX events_by_date ON events(date);
        CREATE INDEX events_by_country_date ON events(country, date);
        CREATE INDEX events_by_document ON events(document_id);
        """,
        // 3: API keys for the HTTP server's write endpoints; only a SHA-256 of each secret is kept.
        """
        CREATE TABLE api_keys (
            id          TEXT PRIMARY KEY,
            name        TEXT NOT NULL,
            hash        TEXT NOT NULL UNIQUE,
            created_at  TEXT NOT NULL,
            revoked_at  TEXT
        ) WITHOUT ROWID;
        CREATE INDEX events_by_place ON events(latitude, longitude);
        """,
        // 4: event lists come in (date, country, document, ordinal) order. These indexes give a page
        // of ids in that order without sorting the table (unfiltered or by country), or hold the
        // order's columns so that sorting the events of a box or of matching reports reads no rows.
        """
        DROP INDEX events_by_date;
        DROP INDEX events_by_country_date;
        DROP INDEX events_by_place;
        DROP INDEX events_by_document;
        CREATE INDEX events_in_order ON events(date, country, document_id, ordinal);
        CREATE INDEX events_by_country_in_order ON events(country, date, document_id, ordinal);
        CREATE INDEX events_by_place ON events(latitude, longitude, date, country, document_id, ordinal);
        CREATE INDEX events_by_document ON events(document_id, date, country, ordinal);
        """,
        // 5: linking across reports. Each event belongs to an incident, named by the smallest id of
        // the events linked to it (itself when alone); links say why two reports' events are one
        // incident; separations are an analyst's "not the same" that linking must respect. Reports
        // keep MinHash signatures and LSH band keys, and near-duplicate pairs are recorded.
        """
        ALTER TABLE events ADD COLUMN incident_id TEXT;
        UPDATE events SET incident_id = id;
        CREATE INDEX events_by_incident ON events(incident_id);
        CREATE TABLE event_links (
            a       TEXT NOT NULL,   -- event ids, a < b
            b       TEXT NOT NULL,
            reason  TEXT NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX event_links_by_b ON event_links(b);
        CREATE TABLE event_separations (
            a  TEXT NOT NULL,
            b  TEXT NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE TABLE document_signatures (
            document_id  TEXT PRIMARY KEY,
            signature    BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE document_bands (
            band         INTEGER NOT NULL,
            document_id  TEXT NOT NULL,
            PRIMARY KEY (band, document_id)
        ) WITHOUT ROWID;
        CREATE TABLE document_duplicates (
            a           TEXT NOT NULL,   -- document ids, a < b
            b           TEXT NOT NULL,
            similarity  REAL NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX document_duplicates_by_b ON document_duplicates(b);
        """,
        // 6: each incident's head, the member whose coding stands for it (finest place, then finest
        // date, then most confident; Incident.Representative orders alike), so incidents are listed
        // and filtered by the coding they show rather than by whichever report came first.
        $"""
        ALTER TABLE events ADD COLUMN incident_head INTEGER NOT NULL DEFAULT 1;
        UPDATE events SET incident_head = (id = (SELECT m.id FROM events m WHERE m.incident_id = events.incident_id {StoreSchema.HeadOrder}))
        WHERE incident_id IN (SELECT incident_id FROM events GROUP BY incident_id HAVING count(*) > 1);
        """,
        // 7: blocking keys for linking, computed from each event's own columns (Linking.LinkCells),
        // and indexes over incident heads by key: a new event finds the incidents it may belong to
        // in a few index probes, however many events the store holds. The list-order indexes of
        // step 4 lead with the head flag, as every listing is of incidents (their heads).
        $"""
        ALTER TABLE events ADD COLUMN family INTEGER GENERATED ALWAYS AS ({Linking.LinkCells.FamilySql}) VIRTUAL;
        ALTER TABLE events ADD COLUMN cell INTEGER GENERATED ALWAYS AS ({Linking.LinkCells.CellSql}) VIRTUAL;
        CREATE INDEX incident_heads_by_cell ON events(family, cell, time_precision, date) WHERE incident_head = 1;
        CREATE INDEX incident_heads_by_region ON events(family, country, admin1, time_precision, date) WHERE incident_head = 1;
        CREATE INDEX incident_head_of ON events(incident_id) WHERE incident_head = 1;
        DROP INDEX events_in_order;
        DROP INDEX events_by_country_in_order;
        DROP INDEX events_by_place;
        CREATE INDEX events_in_order ON events(incident_head, date, country, document_id, ordinal);
        CREATE INDEX events_by_country_in_order ON events(incident_head, country, date, document_id, ordinal);
        CREATE INDEX events_by_place ON events(incident_head, latitude, longitude, date, country, document_id, ordinal);
        """,
        // 8: LSH band keys are no longer stored: they derive from each report's signature, and the
        // store indexes them in memory (Linking.DuplicateIndex), reading the signatures in the order
        // they were stored and, on later batches, only those stored since (by seq).
        """
        CREATE TABLE report_signatures (
            seq          INTEGER PRIMARY KEY,
            document_id  TEXT NOT NULL,
            signature    BLOB NOT NULL
        );
        INSERT INTO report_signatures (document_id, signature)
            SELECT s.document_id, s.signature FROM document_signatures s JOIN documents d ON d.id = s.document_id ORDER BY d.rowid;
        DROP TABLE document_bands;
        DROP TABLE document_signatures;
        ALTER TABLE report_signatures RENAME TO document_signatures;
        """,
        // 9: the blocking indexes of step 7 are kept in memory (Linking.HeadIndex): their keys scattered
        // every stored event across the whole file, so each batch rewrote most of their pages. A
        // generation, moved on by every transaction that changes events, tells a process whether the
        // heads it holds in memory are still those stored.
        """
        DROP INDEX incident_heads_by_cell;
        DROP INDEX incident_heads_by_region;
        ALTER TABLE events DROP COLUMN cell;
        ALTER TABLE events DROP COLUMN family;
        CREATE TABLE link_state (generation INTEGER NOT NULL);
        INSERT INTO link_state (generation) VALUES (0);
        """,
        // 10: the list-order indexes of step 7 hold incident heads only (every listing is of incidents):
        // demoting a head deletes its entries instead of moving them, and the entries of the events
        // it stands for are not kept at all.
        """
        DROP INDEX events_in_order;
        DROP INDEX events_by_country_in_order;
        DROP INDEX events_by_place;
        CREATE INDEX incidents_in_order ON events(date, country, document_id, ordinal) WHERE incident_head = 1;
        CREATE INDEX incidents_by_country_in_order ON events(country, date, document_id, ordinal) WHERE incident_head = 1;
        CREATE INDEX incidents_by_place ON events(latitude, longitude, date, country, document_id, ordinal) WHERE incident_head = 1;
        """,
        // 11: a merge renames an incident by one narrow row instead of rewriting every stored member's
        // full row (and its index entries): an event's incident_id is the name its incident had when the
        // event was stored or last moved, and that name, once merged into a smaller one, is an alias of
        // it. Aliases are kept flat (each names the current incident), so one probe resolves any event;
        // event_incidents gives every event's current incident.
        """
        CREATE TABLE incident_aliases (
            dropped  TEXT PRIMARY KEY,   -- an incident's former name
            kept     TEXT NOT NULL       -- the name of the incident it is now part of
        ) WITHOUT ROWID;
        CREATE INDEX incident_aliases_by_kept ON incident_aliases(kept);
        CREATE VIEW event_incidents AS
            SELECT e.id, e.document_id, coalesce(a.kept, e.incident_id) AS incident_id, e.incident_head
            FROM events e LEFT JOIN incident_aliases a ON a.dropped = e.incident_id;
        """,
        // 12: events are a rowid table in the order they were stored, their id a unique key beside it.
        // Keyed by id ("{report}-{ordinal}", report ids being hashes), each batch's rows were written
        // all over the table, so every commit rewrote most of its pages (34 GB of writes for a
        // 1.7 GB database at 100,000 reports); appended, a batch writes about its own size. A report's
        // events are read as a range of the id key, so events_by_document is not kept.
        """
        DROP VIEW event_incidents;
        CREATE TABLE events_in_arrival (
            seq             INTEGER PRIMARY KEY,
            id              TEXT NOT NULL UNIQUE,
            document_id     TEXT NOT NULL REFERENCES documents(id),
            ordinal         INTEGER NOT NULL,
            event_type      TEXT NOT NULL,
            sub_event_type  TEXT NOT NULL,
            plover          TEXT,
            date            TEXT,
            time_precision  INTEGER NOT NULL,
            place_start     INTEGER,
            place_end       INTEGER,
            place_name      TEXT,
            geonameid       INTEGER,
            latitude        REAL,
            longitude       REAL,
            country         TEXT,
            admin1          TEXT,
            level           TEXT,
            place_confidence REAL,
            geo_precision   INTEGER NOT NULL,
            actor1          TEXT,
            actor2          TEXT,
            inter1          INTEGER,
            inter2          INTEGER,
            fatalities      INTEGER,
            fatalities_text TEXT,
            injured         INTEGER,
            injured_text    TEXT,
            source          TEXT,
            confidence      REAL NOT NULL,
            notes           TEXT,
            evidence        BLOB NOT NULL,
            incident_id     TEXT,
            incident_head   INTEGER NOT NULL DEFAULT 1
        );
        INSERT INTO events_in_arrival (id, document_id, ordinal, event_type, sub_event_type, plover, date, time_precision,
            place_start, place_end, place_name, geonameid, latitude, longitude, country, admin1, level, place_confidence,
            geo_precision, actor1, actor2, inter1, inter2, fatalities, fatalities_text, injured, injured_text, source,
            confidence, notes, evidence, incident_id, incident_head)
        SELECT e.id, e.document_id, e.ordinal, e.event_type, e.sub_event_type, e.plover, e.date, e.time_precision,
            e.place_start, e.place_end, e.place_name, e.geonameid, e.latitude, e.longitude, e.country, e.admin1, e.level, e.place_confidence,
            e.geo_precision, e.actor1, e.actor2, e.inter1, e.inter2, e.fatalities, e.fatalities_text, e.injured, e.injured_text, e.source,
            e.confidence, e.notes, e.evidence, e.incident_id, e.incident_head
        FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.rowid, e.ordinal;
        DROP TABLE events;
        ALTER TABLE events_in_arrival RENAME TO events;
        CREATE INDEX events_by_incident ON events(incident_id);
        CREATE INDEX incident_head_of ON events(incident_id) WHERE incident_head = 1;
        CREATE INDEX incidents_in_order ON events(date, country, document_id, ordinal) WHERE incident_head = 1;
        CREATE INDEX incidents_by_country_in_order ON events(country, date, document_id, ordinal) WHERE incident_head = 1;
        CREATE INDEX incidents_by_place ON events(latitude, longitude, date, country, document_id, ordinal) WHERE incident_head = 1;
        CREATE VIEW event_incidents AS
            SELECT e.id, e.document_id, coalesce(a.kept, e.incident_id) AS incident_id, e.incident_head
            FROM events e LEFT JOIN incident_aliases a ON a.dropped = e.incident_id;
        """,
        // 13: an incident's head is found among its members through events_by_incident (the in-memory
        // head index answers nearly every search); a second index keyed by incident was one more
        // page written for nearly every event stored.
        "DROP INDEX incident_head_of;",
        // 14: a link is keyed first by the arrival order (seq) of the event whose linking made it, so a
        // batch's links are appended, not written all over a table keyed by two hashed ids (with an
        // index by the second): at 100,000 reports linked, half the events have a link and each commit
        // rewrote most of those pages. Both events of a link are in one incident, so an incident's
        // links are found through its members' seqs.
        """
        CREATE TABLE event_links_in_arrival (
            seq     INTEGER NOT NULL,   -- events.seq of the link's newer event
            a       TEXT NOT NULL,      -- event ids, a < b
            b       TEXT NOT NULL,
            reason  TEXT NOT NULL,
            PRIMARY KEY (seq, a, b)
        ) WITHOUT ROWID;
        INSERT INTO event_links_in_arrival (seq, a, b, reason)
            SELECT max(x.seq, y.seq), l.a, l.b, l.reason FROM event_links l JOIN events x ON x.id = l.a JOIN events y ON y.id = l.b;
        DROP TABLE event_links;
        ALTER TABLE event_links_in_arrival RENAME TO event_links;
        """,
        // 15: the listing indexes a bulk ingest dropped, to be built again (SqliteDocumentStore.DeferredIndexes).
        "CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID;",
        // 16: the country a report's source reports from (--country, "country" in JSON Lines), which steers
        // its places, kept so that reading it again (relink, the API's document view) places it the same.
        "ALTER TABLE documents ADD COLUMN source_country TEXT;",
        // 17: how each report was read when stored (Storage.StoredReading: every layer, its events, what the
        // stages noted), so that it is shown as read, agreeing with its stored events.
        "ALTER TABLE documents ADD COLUMN reading BLOB;",
        // 18: where the reports linked so far fall in linking order (Linking.LinkOrder): the last one, and
        // the first that came out of order since the incidents were last settled, and how many times they
        // were (an in-memory band index of an earlier count holds signatures settling deleted). A store linked before
        // this step counts as in order up to its last report.
        """
        ALTER TABLE link_state ADD COLUMN newest_date TEXT;
        ALTER TABLE link_state ADD COLUMN newest_id TEXT;
        ALTER TABLE link_state ADD COLUMN settle_date TEXT;
        ALTER TABLE link_state ADD COLUMN settle_id TEXT;
        ALTER TABLE link_state ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
        UPDATE link_state SET (newest_date, newest_id) = (SELECT date, id FROM documents ORDER BY date DESC, id DESC LIMIT 1);
        """,
    ];
}
