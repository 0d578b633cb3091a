"""The shipped codebook speaks Dutch; English texts are an optional second field."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import sqlite_utils

from coder.codebook import (
    check_codebook,
    codebook_from_db,
    load_codebook,
    sync_codebook,
)
from coder.export.labels import project_labels
from coder.store.db import connect, schema_version
from coder.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.codebook.test_codebook_core import BASE, write

SHIPPED = Path(__file__).resolve().parents[2] / "codebook.yaml"
DUTCH = re.compile(r"\b(het|de|een|en|van|is|over|zonder|niet|wordt|of)\b")


def test_shipped_descriptions_and_rules_are_dutch_with_english_beside_them():
    book = load_codebook(SHIPPED)
    assert book.language == "nl"
    for item in [*book.facets, *book.all_codes()]:
        assert DUTCH.search(item.description) and not re.search(r"\bthe\b", item.description), item.key
        assert item.english and item.english.label and item.english.description, item.key
        assert item.english.description != item.description
    for code in book.all_codes():
        for rule in (code.when_to_use, code.when_not):
            assert not re.search(r"\b(the|quote)\b", rule), (code.key, rule)


def test_old_codebooks_without_english_fields_stay_valid(tmp_path):
    book = load_codebook(write(tmp_path, BASE))
    assert check_codebook(write(tmp_path, BASE)) == []
    assert book.code("positief").english is None


def test_english_fields_are_checked_as_known_and_stored(tmp_path):
    text = BASE.replace("        label: Positief\n", "        label: Positief\n        label_en: Positive\n"
                        "        description_en: Praise.\n")
    path = write(tmp_path, text)
    assert check_codebook(path) == []
    db = connect(tmp_path / "p.db")
    sync_codebook(db, load_codebook(path))
    back = codebook_from_db(db).code("positief")
    assert (back.english.label, back.english.description) == ("Positive", "Praise.")
    assert project_labels(db, "en").code("positief") == "Positive"
    assert project_labels(db, "en").code("negatief") == "Negatief"  # no label_en: the label
    assert project_labels(db).code("positief") == "Positief"


def test_codebook_language_is_the_default_language(tmp_path):
    db = connect(tmp_path / "p.db")
    english = BASE.replace('version: "1"', 'version: "1"\nlanguage: en')
    sync_codebook(db, load_codebook(write(tmp_path, english)))
    assert project_labels(db).lang == "en"
    assert project_labels(db, "nl").lang == "nl"


def test_unknown_codebook_language_is_a_warning(tmp_path):
    problems = check_codebook(write(tmp_path, BASE.replace('version: "1"', 'version: "1"\nlanguage: fr')))
    assert [p.level for p in problems] == ["warning"] and "language 'fr'" in problems[0].reason


def test_a_project_from_before_the_english_columns_opens_and_loads(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    db = sqlite_utils.Database(old)
    before = sorted(v for v in MIGRATIONS if v < 6)  # every step before the English columns (migration 6)
    for version in before:
        MIGRATIONS[version](db)
    db.execute(f"PRAGMA user_version = {before[-1]}")
    db.execute("INSERT INTO facets (key, label, mode) VALUES ('valentie', 'Valentie', 'single')")
    db.execute("INSERT INTO codes (key, facet, label) VALUES ('positief', 'valentie', 'Positief')")
    old.commit()
    old.close()
    project = connect(path)
    assert schema_version(project) == SCHEMA_VERSION
    assert project_labels(project, "en").code("positief") == "Positief"
    assert codebook_from_db(project).code("positief").english is None
