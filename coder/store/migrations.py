"""Schema migrations, keyed on ``PRAGMA user_version``.

Each entry takes the schema from version ``n - 1`` to ``n``; :func:`coder.store.db.migrate_db`
runs them in order, each in its own transaction. Never edit a migration that has been
released: add a new one, so that old project files keep working.
"""

from __future__ import annotations

from collections.abc import Callable

from coder.store.sqlite import sqlite_utils

V1_TABLES = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL,
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT,
    organisation TEXT,
    municipality TEXT,
    year INTEGER,
    doc_type TEXT,
    team_type TEXT,
    size_class TEXT,
    region TEXT,
    pages INTEGER NOT NULL DEFAULT 0,
    chars INTEGER NOT NULL DEFAULT 0,
    extractor TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL
);

-- One normalised text per document; every offset in the project points into it.
CREATE TABLE document_texts (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);

CREATE TABLE pages (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    image_only INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, page),
    CHECK (start <= "end")
);

-- Layout blocks (heading, paragraph, quote, table) and italic runs, as offsets.
CREATE TABLE blocks (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'quote', 'table', 'list')),
    level INTEGER,
    page INTEGER,
    PRIMARY KEY (doc_id, start, kind)
);

CREATE TABLE italics (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, start)
);

CREATE TABLE coders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'consensus')),
    created_at TEXT NOT NULL
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    origin TEXT NOT NULL CHECK (origin IN ('detected', 'manual')),
    speaker TEXT,
    source TEXT,
    attribution TEXT,
    created_by INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL,
    UNIQUE (doc_id, start, "end"),
    CHECK (start < "end")
);
CREATE INDEX quotes_doc ON quotes(doc_id, start);

CREATE TABLE facets (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('single', 'multi')),
    description TEXT,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE codes (
    key TEXT PRIMARY KEY,
    facet TEXT NOT NULL REFERENCES facets(key) ON UPDATE CASCADE,
    label TEXT NOT NULL,
    description TEXT,
    when_to_use TEXT,
    when_not TEXT,
    keywords TEXT NOT NULL DEFAULT '[]',
    examples TEXT NOT NULL DEFAULT '[]',
    colour TEXT,
    grp TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX codes_facet ON codes(facet, position);

CREATE TABLE codings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    coder_id INTEGER NOT NULL REFERENCES coders(id),
    facet TEXT NOT NULL REFERENCES facets(key) ON UPDATE CASCADE,
    code TEXT NOT NULL REFERENCES codes(key) ON UPDATE CASCADE,
    memo TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (quote_id, coder_id, code)
);
CREATE INDEX codings_coder ON codings(coder_id, quote_id);
CREATE INDEX codings_code ON codings(code);

-- Append-only log of coding actions: undo/redo and the audit trail replay it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    action TEXT NOT NULL,
    quote_id INTEGER,
    facet TEXT,
    code TEXT,
    payload TEXT NOT NULL DEFAULT '{}',
    target_event INTEGER REFERENCES events(id)
);
CREATE INDEX events_coder ON events(coder_id, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Full-text index over quote text, kept in step by triggers.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIEW coded_quotes AS
SELECT
    codings.id AS coding_id,
    quotes.id AS quote_id,
    documents.title AS document,
    documents.doc_type,
    documents.team_type,
    documents.year,
    quotes.page,
    quotes.text AS quote,
    quotes.attribution,
    coders.name AS coder,
    facets.label AS facet,
    codes.key AS code,
    codes.label AS code_label,
    codings.memo,
    codings.updated_at
FROM codings
JOIN quotes ON quotes.id = codings.quote_id
JOIN documents ON documents.id = quotes.doc_id
JOIN coders ON coders.id = codings.coder_id
JOIN facets ON facets.key = codings.facet
JOIN codes ON codes.key = codings.code;

CREATE VIEW code_counts AS
SELECT
    codings.facet,
    codings.code,
    codes.label,
    coders.name AS coder,
    COUNT(DISTINCT codings.quote_id) AS quotes,
    COUNT(DISTINCT quotes.doc_id) AS documents
FROM codings
JOIN codes ON codes.key = codings.code
JOIN coders ON coders.id = codings.coder_id
JOIN quotes ON quotes.id = codings.quote_id
GROUP BY codings.facet, codings.code, coders.name;
"""


def _v1(db: sqlite_utils.Database) -> None:
    """The first schema: documents, text, pages, quotes, codebook, coders, codings, events."""
    for statement in _split_sql(V1_TABLES):
        db.execute(statement)


def _split_sql(script: str) -> list[str]:
    """Split a script on ``;`` at line ends, keeping trigger bodies (``...; END;``) whole."""
    statements, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current)
        in_trigger = joined.lstrip().upper().startswith("CREATE TRIGGER")
        if line.rstrip().endswith(";") and (not in_trigger or line.strip().upper().endswith("END;")):
            statements.append(joined)
            current = []
    return statements


def _v2(db: sqlite_utils.Database) -> None:
    """Client-experience indicators: one figure (value, respondents) per survey document."""
    db.execute("""
        CREATE TABLE indicators (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            indicator TEXT NOT NULL,
            value REAL NOT NULL,
            n INTEGER NOT NULL CHECK (n > 0),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, indicator)
        )""")


def _v3(db: sqlite_utils.Database) -> None:
    """Double-coding rounds (which quotes both coders must code) and adjudication decisions."""
    for statement in _split_sql("""
        CREATE TABLE rounds (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL,
            seed INTEGER,
            created_at TEXT NOT NULL,
            locked_at TEXT
        );
        CREATE TABLE round_quotes (
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            PRIMARY KEY (round_id, quote_id)
        );
        CREATE TABLE adjudications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            facet TEXT NOT NULL REFERENCES facets(key) ON UPDATE CASCADE,
            coder_a INTEGER NOT NULL REFERENCES coders(id),
            coder_b INTEGER NOT NULL REFERENCES coders(id),
            choice TEXT NOT NULL CHECK (choice IN ('agreed', 'a', 'b', 'both', 'other')),
            codes TEXT NOT NULL,
            reason TEXT,
            adjudicator TEXT,
            decided_at TEXT NOT NULL,
            UNIQUE (quote_id, facet)
        );
    """):
        db.execute(statement)


V9_TABLES = """
CREATE TABLE round_members (
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    coder_id INTEGER NOT NULL REFERENCES coders(id),
    PRIMARY KEY (round_id, coder_id)
);
CREATE TRIGGER locked_round_keeps_quotes BEFORE DELETE ON quotes
WHEN EXISTS (SELECT 1 FROM round_quotes rq JOIN rounds r ON r.id = rq.round_id
             WHERE rq.quote_id = old.id AND r.locked_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'quote is part of a locked round and cannot be removed'); END;
CREATE TRIGGER locked_round_is_fixed BEFORE DELETE ON round_quotes
WHEN (SELECT locked_at FROM rounds WHERE id = old.round_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a locked round cannot lose a quote'); END;
CREATE TABLE adjudications_v8 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    facet TEXT NOT NULL REFERENCES facets(key) ON UPDATE CASCADE,
    code TEXT NOT NULL DEFAULT '',
    coder_a INTEGER NOT NULL REFERENCES coders(id),
    coder_b INTEGER NOT NULL REFERENCES coders(id),
    choice TEXT NOT NULL CHECK (choice IN ('agreed', 'a', 'b', 'both', 'other')),
    codes TEXT NOT NULL,
    memos TEXT NOT NULL DEFAULT '{}',
    reason TEXT,
    adjudicator TEXT,
    decided_at TEXT NOT NULL,
    UNIQUE (quote_id, facet, code)
);
INSERT INTO adjudications_v8 (id, quote_id, facet, code, coder_a, coder_b, choice, codes, reason,
                              adjudicator, decided_at)
SELECT id, quote_id, facet, '', coder_a, coder_b, choice, codes, reason, adjudicator, decided_at
FROM adjudications;
DROP TABLE adjudications;
ALTER TABLE adjudications_v8 RENAME TO adjudications;
"""


def _v4(db: sqlite_utils.Database) -> None:
    """Where a facet's code suggestions come from (keywords, speaker, none), see
    :class:`coder.codebook.model.Facet` (existing facets keep keyword suggestions until
    the codebook is loaded again); memos on quotes without codings."""
    db.execute("ALTER TABLE facets ADD COLUMN suggest TEXT NOT NULL DEFAULT 'keywords'")
    # A coder's memo on a quote they have not coded (yet): memos on codings need a coding.
    db.execute("""CREATE TABLE quote_memos (
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            coder_id INTEGER NOT NULL REFERENCES coders(id),
            memo TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (quote_id, coder_id)
        )""")


def _v5(db: sqlite_utils.Database) -> None:
    """Original files kept inside the project (a PDF that came in a .qdpx), in 1 MiB chunks
    so that a file of any size is written and read without holding it whole."""
    for statement in _split_sql("""
        CREATE TABLE document_files (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            filename TEXT NOT NULL,
            media_type TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE TABLE document_file_chunks (
            doc_id INTEGER NOT NULL REFERENCES document_files(doc_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (doc_id, seq)
        );
    """):
        db.execute(statement)


def _v6(db: sqlite_utils.Database) -> None:
    """English texts beside the codebook's own language (``label_en``, ``description_en``, ...).

    A column already there is left alone, so the step is safe wherever it is numbered."""
    for table, columns in (("facets", ("label_en", "description_en")),
                           ("codes", ("label_en", "description_en", "when_to_use_en", "when_not_en"))):
        present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in present:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


def _v7(db: sqlite_utils.Database) -> None:
    """Layout kinds beyond the running text (pull quotes and their attribution, captions,
    footnotes, sidebars) and the printed page label beside the PDF page number.

    SQLite cannot change a CHECK constraint, so ``blocks`` is copied into a new table."""
    kinds = ", ".join(f"'{k}'" for k in BLOCK_KINDS_V12)
    for statement in (
        f"""CREATE TABLE blocks_v12 (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ({kinds})),
            level INTEGER,
            page INTEGER,
            PRIMARY KEY (doc_id, start, kind)
        )""",
        'INSERT INTO blocks_v12 (doc_id, start, "end", kind, level, page)'
        ' SELECT doc_id, start, "end", kind, level, page FROM blocks',
        "DROP TABLE blocks",
        "ALTER TABLE blocks_v12 RENAME TO blocks",
        "ALTER TABLE pages ADD COLUMN label TEXT",
    ):
        db.execute(statement)


def _v8(db: sqlite_utils.Database) -> None:
    """Quotes know their end page; a coder can dismiss a candidate as "not a quote".

    A dismissal is one coder's judgement, like a coding: one row per (quote, coder),
    written and removed only through events (coder/quotes/dismiss.py). Old quotes get
    ``end_page`` NULL (read as "same as page"). What is already there is left alone, so
    the step is safe wherever it is numbered.
    """
    if "end_page" not in {row[1] for row in db.execute("PRAGMA table_info(quotes)")}:
        db.execute("ALTER TABLE quotes ADD COLUMN end_page INTEGER")
    db.execute("""
        CREATE TABLE IF NOT EXISTS dismissals (
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            coder_id INTEGER NOT NULL REFERENCES coders(id),
            reason TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (quote_id, coder_id)
        )""")
    db.execute("CREATE INDEX IF NOT EXISTS dismissals_coder ON dismissals(coder_id, quote_id)")


def _v9(db: sqlite_utils.Database) -> None:
    """Round members (who must code a round, and who is blind while it is open); quotes of
    a locked round can no longer be deleted (they used to cascade away on re-import);
    adjudication per code of a multi facet (``code``; '' = the whole facet) with both
    coders' memos kept beside the decision."""
    for statement in _split_sql(V9_TABLES):
        db.execute(statement)


BLOCK_KINDS_V12 = ("heading", "paragraph", "quote", "table", "list",
                  "pullquote", "attribution", "caption", "footnote", "sidebar")


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
    9: _v9,
}
SCHEMA_VERSION = max(MIGRATIONS)
