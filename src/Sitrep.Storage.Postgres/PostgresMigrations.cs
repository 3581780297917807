namespace Sitrep.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, one numbered step at a time, recorded in <c>schema_migrations</c>. Steps are
/// only ever appended. <c>sitrep db migrate --postgres CONN</c> applies the missing ones in one
/// transaction under an advisory lock, so workers started together migrate once.
/// The tables mirror the SQLite store's; PostgreSQL adds what a shared server is for: a generated
/// tsvector with a GIN index for full-text search, a generated PostGIS point with a GiST index for
/// map queries, and the work queue of <c>sitrep enqueue</c> and <c>sitrep worker</c>.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly string[] Steps =
    [
        // 1: documents, deliveries, events with their incidents, links, near-duplicates, API keys.
        // Ids compare byte by byte (COLLATE "C"), as in SQLite and in linking's own choice of names,
        // whatever the database's locale.
        $"""
        CREATE EXTENSION IF NOT EXISTS postgis;
        CREATE EXTENSION IF NOT EXISTS unaccent;
        -- Words as written, lower-cased and without diacritics ("Bogota" finds "Bogotá"), not stemmed:
        -- the SQLite store's full-text index reads them alike.
        CREATE TEXT SEARCH CONFIGURATION sitrep (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION sitrep ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

        CREATE TABLE documents (
            id             text COLLATE "C" PRIMARY KEY,
            seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            date           date NOT NULL,
            published      timestamptz,
            source         text,
            url            text,
            title          text,
            text           text NOT NULL,
            words          integer NOT NULL,
            sentence_count integer NOT NULL,
            sentences      bytea NOT NULL,  -- int32 little-endian (start, end) pairs
            paragraphs     bytea NOT NULL,
            stored_at      timestamptz NOT NULL,
            search         tsvector GENERATED ALWAYS AS (setweight(to_tsvector('sitrep', coalesce(title, '')), 'A') || to_tsvector('sitrep', text)) STORED
        );
        CREATE INDEX documents_by_date ON documents (date, seq);
        CREATE INDEX documents_by_source ON documents (source);
        CREATE INDEX documents_search ON documents USING gin (search);

        CREATE TABLE deliveries (
            document_id  text COLLATE "C" NOT NULL REFERENCES documents (id),
            source       text NOT NULL,
            file         text NOT NULL,
            line         integer,
            external_id  text,
            url          text,
            delivered_at timestamptz NOT NULL,
            PRIMARY KEY (document_id, source, file)
        );
        CREATE INDEX deliveries_by_file ON deliveries (file);

        CREATE TABLE events (
            id               text COLLATE "C" PRIMARY KEY,
            document_id      text COLLATE "C" NOT NULL REFERENCES documents (id),
            ordinal          integer NOT NULL,
            event_type       text NOT NULL,
            sub_event_type   text NOT NULL,
            plover           text,
            date             date,
            time_precision   integer NOT NULL,
            place_start      integer,
            place_end        integer,
            place_name       text,
            geonameid        bigint,
            latitude         double precision,
            longitude        double precision,
            country          text COLLATE "C",
            admin1           text,
            level            text,
            place_confidence double precision,
            geo_precision    integer NOT NULL,
            actor1           text,
            actor2           text,
            inter1           integer,
            inter2           integer,
            fatalities       integer,
            fatalities_text  text,
            injured          integer,
            injured_text     text,
            source           text,
            confidence       double precision NOT NULL,
            notes            text,
            evidence         bytea NOT NULL,
            incident_id      text COLLATE "C" NOT NULL,
            incident_head    integer NOT NULL DEFAULT 1,
            family           integer GENERATED ALWAYS AS ({Linking.LinkCells.FamilySql}) STORED,
            cell             integer GENERATED ALWAYS AS ({Linking.LinkCells.CellSqlPostgres}) STORED,
            geom             geometry(Point, 4326) GENERATED ALWAYS AS (CASE WHEN longitude IS NULL OR latitude IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED
        );
        CREATE INDEX events_in_order ON events (incident_head, date, country, document_id, ordinal);
        CREATE INDEX events_by_country_in_order ON events (incident_head, country, date, document_id, ordinal);
        CREATE INDEX events_by_document ON events (document_id, ordinal);
        CREATE INDEX events_by_incident ON events (incident_id);
        CREATE INDEX events_geom ON events USING gist (geom);
        -- Linking's candidate indexes lead with the place, so neither can serve the other's search:
        -- led by the family, the planner would walk a whole family's heads through the wrong one.
        CREATE INDEX incident_heads_by_cell ON events (cell, family, time_precision, date) WHERE incident_head = 1;
        CREATE INDEX incident_heads_by_region ON events (country, admin1, family, time_precision, date) WHERE incident_head = 1;

        CREATE TABLE event_links (
            a       text COLLATE "C" NOT NULL,   -- event ids, a < b
            b       text COLLATE "C" NOT NULL,
            reason  text NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX event_links_by_b ON event_links (b);
        CREATE TABLE event_separations (
            a  text COLLATE "C" NOT NULL,
            b  text COLLATE "C" NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE TABLE document_signatures (
            document_id  text COLLATE "C" PRIMARY KEY,
            signature    bytea NOT NULL
        );
        CREATE TABLE document_bands (
            band         bigint NOT NULL,
            document_id  text COLLATE "C" NOT NULL,
            PRIMARY KEY (band, document_id)
        );
        CREATE TABLE document_duplicates (
            a           text COLLATE "C" NOT NULL,
            b           text COLLATE "C" NOT NULL,
            similarity  double precision NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX document_duplicates_by_b ON document_duplicates (b);

        CREATE TABLE api_keys (
            id          text COLLATE "C" PRIMARY KEY,
            name        text NOT NULL,
            hash        text NOT NULL UNIQUE,
            created_at  timestamptz NOT NULL,
            revoked_at  timestamptz
        );
        """,
        // 2: the work queue of shared deployments: raw reports waiting for a worker (sitrep enqueue),
        // one row per delivery so every (source, file) that brought a report is recorded when stored.
        // A claim leases rows to one worker until leased_until; a worker that dies lets its lease run
        // out and the rows go to another. Rows that failed max-attempts times are quarantined with
        // their last error instead of blocking the queue.
        """
        CREATE TABLE work (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id   text COLLATE "C" NOT NULL,
            source        text NOT NULL,
            file          text NOT NULL,
            report        jsonb NOT NULL,
            state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'quarantined')),
            attempts      integer NOT NULL DEFAULT 0,
            worker        text,
            leased_until  timestamptz,
            error         text,
            enqueued_at   timestamptz NOT NULL DEFAULT now(),
            done_at       timestamptz,
            UNIQUE (document_id, source, file)
        );
        CREATE INDEX work_pending ON work (id) WHERE state = 'pending';
        """,
        // The country a report's source reports from (--country, "country" in JSON Lines), which steers its places.
        "ALTER TABLE documents ADD COLUMN source_country text;",
        // The order reports entered each band: the near-duplicate search reads a band's reports in that order, as the
        // embedded store's index does, so that both stores link the same reports the same way.
        """
        ALTER TABLE document_bands ADD COLUMN seq bigserial;
        CREATE INDEX document_bands_in_order ON document_bands (band, seq) INCLUDE (document_id);
        """,
        // How each report was read when stored (Storage.StoredReading: every layer, its events, what the stages
        // noted), so that it is shown as read, agreeing with its stored events.
        "ALTER TABLE documents ADD COLUMN reading bytea;",
        // Where the reports linked so far fall in linking order (Linking.LinkOrder): the last one, and the first that
        // came out of order since the incidents were last settled. A store linked before this step counts as in order.
        """
        CREATE TABLE link_order (
            one          boolean PRIMARY KEY DEFAULT true CHECK (one),
            newest_date  date,
            newest_id    text COLLATE "C",
            settle_date  date,
            settle_id    text COLLATE "C"
        );
        INSERT INTO link_order (newest_date, newest_id)
            SELECT max(date), (SELECT id FROM documents WHERE date = (SELECT max(date) FROM documents) ORDER BY id DESC LIMIT 1) FROM documents;
        """,
    ];
}
