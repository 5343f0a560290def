import pytest

from tools import checklists
from tools.checklists import ChecklistError, parse


def test_every_checklist_file_loads():
    ids = checklists.available()
    assert "kom-godt-i-gang" in ids
    for checklist_id in ids:
        checklist = checklists.load(checklist_id)
        assert checklist.id == checklist_id
        assert checklist.items


def test_kom_godt_i_gang_has_the_three_phases():
    checklist = checklists.load("kom-godt-i-gang")
    assert [s.title for s in checklist.sections] == ["Før", "Under", "Efter"]
    assert len(checklist.item_ids) == len(set(checklist.item_ids)) >= 10
    assert checklist.source.startswith("Cabi")


def _minimal(**overrides):
    data = {"id": "x", "title": "T", "source": "S",
            "sections": [{"id": "a", "title": "A", "items": [{"id": "i", "text": "Tekst"}]}]}
    data.update(overrides)
    return data


def test_parse_accepts_a_minimal_checklist():
    checklist = parse(_minimal())
    assert checklist.item_ids == ("i",)
    assert checklist.items[0].hint == ""


@pytest.mark.parametrize("data, message", [
    (_minimal(title=""), "'title' mangler"),
    (_minimal(sections=[]), "ingen afsnit"),
    (_minimal(sections=[{"id": "a", "title": "A", "items": []}]), "ingen punkter"),
    (_minimal(sections=[{"id": "a", "title": "A", "items": [{"id": "a", "text": "t"}]}]), "brugt to gange"),
    (_minimal(sections=[{"id": "A b", "title": "A", "items": [{"id": "i", "text": "t"}]}]), "små bogstaver"),
    (_minimal(sections=[{"id": "a", "title": "A", "items": [{"id": "i", "text": " "}]}]), "'text' mangler"),
])
def test_parse_rejects_malformed_data_with_a_clear_message(data, message):
    with pytest.raises(ChecklistError, match=message):
        parse(data)


def test_parse_insists_on_the_file_name_as_id():
    with pytest.raises(ChecklistError, match="filnavnet"):
        parse(_minimal(), expected_id="y")


@pytest.mark.parametrize("bad_id", ["../etc", "Nope", "findes-ikke"])
def test_load_rejects_unknown_or_unsafe_ids(bad_id):
    with pytest.raises(ChecklistError):
        checklists.load(bad_id)
