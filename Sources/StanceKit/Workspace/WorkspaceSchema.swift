import GRDB

/// The workspace schema as named migrations. A shipped migration is never edited: a later change
/// is a new migration appended to the list, so a file written by any earlier version upgrades in
/// order, and a file written by a later version is recognised by its unknown migration names.
///
/// The rules live in the schema (NOT NULL, CHECK, foreign keys) so that no code path, however
/// buggy, can store a statement with an inverted span or an unknown status.
enum WorkspaceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles-actors-statements-history", migrate: createVersion1)
        migrator.registerMigration("v2-search-index-filled-per-batch", migrate: fillSearchIndexPerBatch)
        migrator.registerMigration("v3-covering-indexes-for-the-workbench", migrate: addCoveringIndexes)
        migrator.registerMigration("v4-import-one-unique-key-per-statement", migrate: keepOneUniqueStatementKey)
        migrator.registerMigration("v5-timeline-summaries-from-indexes", migrate: addTimelineIndexes)
        migrator.registerMigration("v6-search-prefix-index", migrate: indexSearchPrefixes)
        migrator.registerMigration("v7-import-deferred-read-indexes", migrate: recordDeferredReadIndexes)
        migrator.registerMigration("v8-statements-by-actor-and-day", migrate: addStatementsByActorAndDay)
        return migrator
    }

    /// A first import drops the indexes only reads use and makes them again at its end, and
    /// commits every so many articles in between: a crash in between leaves a workspace without
    /// them. This table names them (with their SQL) from the first of the import's commits until the
    /// indexes are made again, so whoever comes next (opening the workspace, or the next import)
    /// knows to make them.
    private static func recordDeferredReadIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE import_deferred_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL)
            """)
    }

    /// The corpus timeline and agreement count each actor's statements per day and stance, and
    /// the timeline reads an actor's statements by day: in this index's order both come without
    /// a sort (grouping 231,000 statements in a temporary b-tree was most of opening either view
    /// at 10,000 articles), and every column they read is in it, so no statement row (which holds
    /// the texts) is read. The timeline index stays: it orders by stance, for the per-stance counts.
    private static func addStatementsByActorAndDay(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX statements_by_actor_day ON statements(actor_id, date, stance, status, article_id, start)
            """)
    }

    private static let isoDay = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

    /// A prefix query (`pre*`) makes FTS5 merge the doclists of every word with the prefix, at
    /// every query: tens of milliseconds for a three-letter prefix at 10,000 articles (`the*`
    /// 57 ms). `prefix='3'` also indexes the first three letters of every word, so a
    /// three-letter prefix, the shortest a query may have and the one with the most words, is
    /// one doclist. A longer prefix still merges, but over far fewer words. FTS5 takes prefix
    /// lengths only when a table is created: the table is made again under the same name,
    /// columns and tokenizer (the triggers and the importer's batch insert name it and keep
    /// working) and refilled from the articles.
    private static func indexSearchPrefixes(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE article_search;
            CREATE VIRTUAL TABLE article_search USING fts5(
                title, text,
                content = 'articles', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2',
                prefix = '3'
            );
            INSERT INTO article_search(article_search) VALUES ('rebuild');
            """)
    }

    /// The workbench's lists count statements per article and per actor and stance, pair actors
    /// with articles, and list articles by date: indexes holding every column those read answer
    /// them without reading the (wide) statement and article rows. Each replaces the narrower index
    /// it starts with; the article list's index holds no texts and is read whole.
    private static func addCoveringIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX articles_for_list ON articles(published, title, id, file, source);
            CREATE INDEX statements_by_article_status ON statements(article_id, status);
            DROP INDEX statements_by_article;
            CREATE INDEX statements_by_actor_stance ON statements(actor_id, stance, status, article_id);
            DROP INDEX statements_by_actor;
            CREATE INDEX mentions_by_actor_article ON mentions(actor_id, article_id);
            DROP INDEX mentions_by_actor;
            """)
    }

    /// The timeline summarises each actor's standing statements (count per stance, first and last
    /// day) in one grouped query, and reads one actor's statements with their days: a statement's
    /// day is its own date, else its article's. The actor index gains the date (it replaces the
    /// one it starts with), and a narrow index gives an article's date by id, so neither the
    /// statement rows nor the article rows (which hold the texts) are read.
    private static func addTimelineIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX statements_for_timeline ON statements(actor_id, stance, status, date, article_id);
            DROP INDEX statements_by_actor_stance;
            CREATE INDEX articles_published_by_id ON articles(id, published);
            """)
    }

    /// A machine statement's suggestion key is its key (human statements have none), so the
    /// unique index on suggestion keys repeated the one on keys, with the same cost: the keys
    /// start with a content hash, so a batch of imported statements lands on nearly every page of
    /// both indexes, which grow with the workspace; in a bulk import the writer rewrote them
    /// batch after batch. A CHECK now ties the suggestion key to the key, whose index keeps both
    /// unique. SQLite drops a UNIQUE column constraint only by rebuilding the table; the
    /// table's indexes (whichever migrations made them) are made again from their own SQL.
    /// `articles_by_published` goes too: `articles_for_list` starts with the same column.
    private static func keepOneUniqueStatementKey(_ db: Database) throws {
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements' AND sql IS NOT NULL
            """)
        // AUTOINCREMENT never hands out an id again, even one whose row was deleted (an undo may
        // bring that row back): the new table goes on from where the old one was.
        let lastID = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'statements'")
        try db.execute(sql: """
            CREATE TABLE statements_v4 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE CHECK (key <> ''),
                suggestion_key TEXT CHECK (suggestion_key IS NULL OR suggestion_key = key),
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                actor_id INTEGER NOT NULL REFERENCES actors(id),
                kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported', 'description')),
                text TEXT NOT NULL,
                cue TEXT,
                start INTEGER NOT NULL CHECK (start >= 0),
                "end" INTEGER NOT NULL CHECK ("end" >= start),
                date TEXT CHECK (date IS NULL OR date GLOB \(isoDay)),
                date_text TEXT,
                stance TEXT NOT NULL CHECK (stance <> ''),
                confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
                origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
                status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'edited', 'rejected')),
                annotator TEXT,
                decided_at TEXT,
                note TEXT,
                CHECK ((origin = 'machine') = (suggestion_key IS NOT NULL)),
                CHECK (origin = 'machine' OR status <> 'suggested'),
                CHECK (status = 'suggested' OR (annotator IS NOT NULL AND decided_at IS NOT NULL))
            );
            INSERT INTO statements_v4(id, key, suggestion_key, article_id, actor_id, kind, text, cue, start, "end", date,
                                      date_text, stance, confidence, evidence, origin, status, annotator, decided_at, note)
            SELECT id, key, suggestion_key, article_id, actor_id, kind, text, cue, start, "end", date,
                   date_text, stance, confidence, evidence, origin, status, annotator, decided_at, note
            FROM statements ORDER BY id;
            DROP TABLE statements;
            ALTER TABLE statements_v4 RENAME TO statements;
            DROP INDEX articles_by_published;
            """)
        for index in indexes { try db.execute(sql: index) }
        if let lastID {
            try db.execute(sql: """
                DELETE FROM sqlite_sequence WHERE name = 'statements';
                INSERT INTO sqlite_sequence(name, seq) SELECT 'statements', max(?, coalesce(max(id), 0)) FROM statements;
                """, arguments: [lastID])
        }
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
                file_hash TEXT CHECK (file_hash IS NULL OR length(file_hash) = 64),
                file TEXT NOT NULL,
                title TEXT,
                source TEXT,
                published TEXT CHECK (published IS NULL OR published GLOB \(isoDay)),
                byline TEXT NOT NULL CHECK (json_valid(byline) AND json_type(byline) = 'array'),
                url TEXT,
                text TEXT NOT NULL,
                blocks TEXT NOT NULL CHECK (json_valid(blocks) AND json_type(blocks) = 'array'),
                warnings TEXT NOT NULL CHECK (json_valid(warnings) AND json_type(warnings) = 'array'),
                frame TEXT,
                imported_at TEXT NOT NULL
            );
            CREATE INDEX articles_by_file_hash ON articles(file_hash);
            CREATE INDEX articles_by_published ON articles(published);

            -- External content: the text is stored once, in articles; triggers keep the index in step.
            CREATE VIRTUAL TABLE article_search USING fts5(
                title, text,
                content = 'articles', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
                INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
            END;
            CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO article_search(article_search, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
                INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;

            CREATE TABLE actors (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE CHECK (key <> ''),
                name TEXT NOT NULL CHECK (trim(name) <> ''),
                normalized_name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'group')),
                role TEXT,
                is_participant INTEGER NOT NULL CHECK (is_participant IN (0, 1))
            );
            CREATE INDEX actors_by_name ON actors(kind, normalized_name);

            CREATE TABLE actor_aliases (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
                alias TEXT NOT NULL CHECK (trim(alias) <> ''),
                normalized_alias TEXT NOT NULL,
                UNIQUE (actor_id, normalized_alias)
            );
            CREATE INDEX actor_aliases_by_alias ON actor_aliases(normalized_alias);

            CREATE TABLE mentions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start INTEGER NOT NULL CHECK (start >= 0),
                "end" INTEGER NOT NULL CHECK ("end" >= start),
                UNIQUE (article_id, actor_id, start, "end")
            );
            CREATE INDEX mentions_by_actor ON mentions(actor_id);

            CREATE TABLE statements (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE CHECK (key <> ''),
                suggestion_key TEXT UNIQUE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                actor_id INTEGER NOT NULL REFERENCES actors(id),
                kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported', 'description')),
                text TEXT NOT NULL,
                cue TEXT,
                start INTEGER NOT NULL CHECK (start >= 0),
                "end" INTEGER NOT NULL CHECK ("end" >= start),
                date TEXT CHECK (date IS NULL OR date GLOB \(isoDay)),
                date_text TEXT,
                stance TEXT NOT NULL CHECK (stance <> ''),
                confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
                origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
                status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'edited', 'rejected')),
                annotator TEXT,
                decided_at TEXT,
                note TEXT,
                CHECK ((origin = 'machine') = (suggestion_key IS NOT NULL)),
                CHECK (origin = 'machine' OR status <> 'suggested'),
                CHECK (status = 'suggested' OR (annotator IS NOT NULL AND decided_at IS NOT NULL))
            );
            CREATE INDEX statements_by_article ON statements(article_id);
            CREATE INDEX statements_by_actor ON statements(actor_id);

            CREATE TABLE history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                command TEXT NOT NULL CHECK (json_valid(command)),
                forward TEXT NOT NULL CHECK (json_valid(forward)),
                inverse TEXT NOT NULL CHECK (json_valid(inverse)),
                annotator TEXT NOT NULL,
                made_at TEXT NOT NULL
            );

            -- The one row says which change the workspace is at: undo moves it back, redo forward.
            CREATE TABLE history_cursor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL CHECK (position >= 0)
            );
            INSERT INTO history_cursor(id, position) VALUES (1, 0);
            """)
    }

    /// A writer adding a batch of articles fills the full-text index once for the batch, in one
    /// statement, instead of once per article row: FTS5 (SQLite 3.40) flushes its pending terms to
    /// a new segment at every statement and savepoint boundary of a transaction, so filled row by
    /// row it writes, and then merges, one small segment per article: half the cost of a bulk
    /// import's writing. The writer puts the one row in `search_index_deferred`, adds the
    /// articles, indexes them and deletes the row, all in one transaction: the row is never
    /// committed, and every other insert is indexed by the trigger as before.
    private static func fillSearchIndexPerBatch(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE search_index_deferred (id INTEGER PRIMARY KEY CHECK (id = 1));
            DROP TRIGGER articles_search_insert;
            CREATE TRIGGER articles_search_insert AFTER INSERT ON articles
            WHEN NOT EXISTS (SELECT 1 FROM search_index_deferred) BEGIN
                INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            """)
    }
}
