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


def _with_item(**item):
    return _minimal(sections=[{"id": "a", "title": "A", "items": [{"id": "i", "text": "Tekst", **item}]}])


def test_item_kinds_and_their_defaults():
    assert parse(_with_item(kind="status")).items[0].note is True
    assert parse(_with_item(kind="check")).items[0].note is False
    assert parse(_with_item(kind="text", max_length=500)).items[0].max_length == 500
    choice = parse(_with_item(kind="choice", options=[{"value": "ja", "label": "Ja", "score": 2},
                                                      {"value": "nej", "label": "Nej", "score": 0}])).items[0]
    assert [o.value for o in choice.choices] == ["ja", "nej"]
    assert [o.label for o in parse(_with_item(kind="status")).items[0].choices] == [
        "I orden", "Skal handles", "Ikke relevant"]


@pytest.mark.parametrize("data, message", [
    (_minimal(colour="blå"), "ukendt felt 'colour'"),
    (_with_item(kind="slider"), "'kind' skal være en af"),
    (_with_item(kind="text", note=True), "'note' kan ikke bruges"),
    (_with_item(kind="check", max_length=10), "kun bruges på et text-punkt"),
    (_with_item(kind="text", max_length=0), "helt tal fra 1 til 10000"),
    (_with_item(kind="choice"), "'options' skal være der"),
    (_with_item(kind="check", options=[]), "'options' skal være der"),
    (_with_item(kind="choice", options=[{"value": "ja", "label": "Ja"}]), "2 til 6 svar"),
    (_with_item(kind="choice", options=[{"value": "ja", "label": "Ja"}, {"value": "ja", "label": "J"}]), "to gange"),
    (_with_item(kind="choice", options=[{"value": "ja", "label": "Ja", "score": 11}, {"value": "n", "label": "N"}]),
     "'score'"),
    (_with_item(note="ja"), "true eller false"),
    (_minimal(sections=[{"id": "a", "title": "A", "items": [{"id": "i", "text": "t"}],
                         "summaries": [{"min": 0, "text": "x"}]}]), "kræver choice-punkter"),
])
def test_parse_rejects_what_the_format_does_not_allow(data, message):
    with pytest.raises(ChecklistError, match=message):
        parse(data, where="x.toml")


def test_summaries_need_one_for_every_answer():
    options = [{"value": "ja", "label": "Ja", "score": 2}, {"value": "nej", "label": "Nej", "score": 0}]
    section = {"id": "a", "title": "A", "items": [{"id": "i", "text": "t", "kind": "choice", "options": options}]}
    with pytest.raises(ChecklistError, match="min = 0"):
        parse(_minimal(sections=[{**section, "summaries": [{"min": 0.5, "text": "x"}]}]))
    parsed = parse(_minimal(sections=[{**section, "summaries": [{"min": 0, "text": "lav"},
                                                                {"min": 0.75, "text": "høj"}]}]))
    assert [s.min for s in parsed.sections[0].summaries] == [0.75, 0.0]


def test_errors_name_the_file_and_the_place():
    with pytest.raises(ChecklistError, match=r"x\.toml, afsnit 1 \(a\), punkt 1 \(i\): 'kind'"):
        parse(_with_item(kind="slider"), where="x.toml")



def test_every_item_kind_is_used_by_some_checklist():
    kinds = {item.kind for c in checklists.available() for item in checklists.load(c).items}
    assert kinds == set(checklists.KINDS)
