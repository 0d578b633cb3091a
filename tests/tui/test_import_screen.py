"""Importing PDFs from the coding screen: a thread with its own connection."""

from __future__ import annotations

from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.widgets.document_list import DocumentList
from tests.conftest import make_pdf
from tests.tui.test_coding_flow import start


async def imports_done(app) -> None:
    await app.workers.wait_for_complete([w for w in app.workers if w.group == "import"])


async def test_import_a_folder_in_the_background_and_name_the_bad_file(tui_db, tmp_path):
    folder = tmp_path / "rapporten"
    folder.mkdir()
    make_pdf(folder / "wijkteam-oost.pdf", ["Jaarverslag Oost.\nEen vader zegt: „Het ging snel en goed.”"])
    make_pdf(folder / "wijkteam-west.pdf", ["Jaarverslag West.", "Pagina twee van het verslag."])
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "documents.csv").write_text("file,title,organisation,year\n"
                                          "wijkteam-oost.pdf,Oost 2023,Gemeente Oost,2023\n",
                                          encoding="utf-8")
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("I")
        await pilot.pause()
        await pilot.press(*str(folder), "enter")
        await pilot.pause()
        await imports_done(app)
        await pilot.pause()
        titles = [d["title"] for d in screen.session.documents]
        assert "Oost 2023" in titles and "wijkteam west" in titles
        assert screen.query_one(DocumentList).option_count == 4
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "kapot.pdf" in errors[0]
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("not in documents.csv" in w and "wijkteam-west.pdf" in w for w in warnings)
        assert "import done: 2 imported, 1 failed" in screen.status_line
        await pilot.press("1")  # coding goes on as before
        await pilot.pause()
    db = connect(tui_db)
    oost = db.execute("SELECT organisation, year, pages FROM documents WHERE title = 'Oost 2023'").fetchone()
    assert oost == ("Gemeente Oost", 2023, 1)
    assert db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 1


async def test_import_of_a_path_that_does_not_exist_says_so(tui_db, tmp_path):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("I")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "nergens"), "enter")
        await pilot.pause()
        await imports_done(app)
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "nergens" in errors[0] and "no such file" in errors[0]
