from coder.export.citation import citation


def test_citation_uses_title_and_page():
    doc = {"title": "Jaarverslag Wijkteams Arnhem 2020", "year": 2020}
    assert citation(doc, 12) == "(Jaarverslag Wijkteams Arnhem 2020, p. 12)"


def test_citation_adds_missing_year_and_builds_a_title_from_metadata():
    assert citation({"title": "Evaluatie buurtteams", "year": 2019}) == "(Evaluatie buurtteams 2019)"
    assert citation({"doc_type": "rekenkameronderzoek", "organisation": "Rekenkamer Rotterdam",
                     "year": 2018}, 3) == "(Rekenkameronderzoek Rekenkamer Rotterdam 2018, p. 3)"
