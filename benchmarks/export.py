"""Export speed: 20,000 coded quotes to XLSX (target: a few seconds).

Baseline, measured in the same run: Python's csv module writing the same rows. Ours:
building the quote table from the database, then writing XLSX with a sheet per goal.

Run: ``python -m benchmarks.export``.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from coder.coding.coders import add_coder
from coder.coding.events import now
from coder.export.labels import project_labels
from coder.export.rows import quote_table
from coder.export.tables import write_csv, write_xlsx
from coder.store.db import connect, write
from coder.store.project import init_project

QUOTES = 20_000


def build(path: Path):
    db = connect(path)
    init_project(db, None, quiet=True)
    coder = add_coder(db, "bench")
    goals = [r[0] for r in db.execute("SELECT key FROM codes WHERE facet = 'transformatiedoel'")]
    elements = [r[0] for r in db.execute("SELECT key FROM codes WHERE facet = 'werkzame_elementen'")]
    rng = random.Random(3)
    sentence = "Het wijkteam „nam ons serieus en dacht mee over wat wij zelf konden doen” volgens een ouder. "
    stamp = now()
    with write(db):
        for d in range(200):
            text = sentence * (QUOTES // 200)
            doc = db["documents"].insert({"path": f"/x/{d}.pdf", "filename": f"{d}.pdf",
                                          "sha256": f"{d:064d}", "title": f"Jaarverslag {d}",
                                          "year": 2020, "doc_type": "jaarverslag",
                                          "pages": 1, "chars": len(text), "imported_at": stamp}).last_pk
            db["document_texts"].insert({"doc_id": doc, "text": text})
            db["pages"].insert({"doc_id": doc, "page": 1, "start": 0, "end": len(text)})
            quotes = [{"doc_id": doc, "start": i * len(sentence), "end": (i + 1) * len(sentence) - 1,
                       "text": sentence.strip(), "page": 1, "origin": "detected", "created_at": stamp}
                      for i in range(QUOTES // 200)]
            db["quotes"].insert_all(quotes)
        rows = []
        for (quote_id,) in db.execute("SELECT id FROM quotes"):
            rows += [(quote_id, coder.id, "transformatiedoel", rng.choice(goals), None, stamp, stamp),
                     (quote_id, coder.id, "valentie", rng.choice(["positief", "negatief"]), None,
                      stamp, stamp),
                     (quote_id, coder.id, "werkzame_elementen", rng.choice(elements), None, stamp, stamp)]
        db.conn.executemany("INSERT INTO codings (quote_id, coder_id, facet, code, memo, created_at,"
                            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return db, coder


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db, coder = build(tmp / "bench.db")
        start = time.perf_counter()
        table = quote_table(db, coder)
        built = time.perf_counter() - start
        start = time.perf_counter()
        write_csv(table.headers, table.rows, tmp / "q.csv")
        csv_time = time.perf_counter() - start
        start = time.perf_counter()
        write_xlsx(table, tmp / "q.xlsx")
        xlsx_time = time.perf_counter() - start
        labels = project_labels(db)
        start = time.perf_counter()
        write_xlsx(table, tmp / "labelled.xlsx", labels=labels)
        labelled_time = time.perf_counter() - start
        print(f"{len(table.rows)} coded quotes; table from the database {built:.2f} s")
        print(f"csv module (baseline):            {csv_time:6.2f} s")
        print(f"xlsx with one sheet per goal:     {xlsx_time:6.2f} s  "
              f"({xlsx_time / csv_time:.1f}x the csv time)")
        print(f"the same with labels (default):   {labelled_time:6.2f} s  "
              f"({labelled_time / xlsx_time:.2f}x keys)")
        print(f"total database -> xlsx:           {built + labelled_time:6.2f} s  (target: a few seconds)")


if __name__ == "__main__":
    main()
