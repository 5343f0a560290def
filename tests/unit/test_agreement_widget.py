"""The home-work agreement: its fields, prefill from the finder and the APV checklist, files, print."""

import pytest

from tools import checklists, copies, runtime
from tools.contract import Context, Stored
from tools.widgets import agreement as ag
from tools.widgets import task_finder as tf

NOW = "2026-11-23T10:00:00.000+01:00"
FINDER_ROOT = tf.ROOT
APV_ROOT = "hjemmearbejde/v1/checklist/apv-leder"


def finder_document(name="Anna", changed=NOW, tasks=("bogholderi", "kundeservice", "rengoering"), hours=None):
    state, _ = tf.mount(tf.start({}), Context(storage="ok", now=NOW, query={"opgaver": [",".join(tasks)]}))
    data = copies.data(state)
    for task, h in zip(data["tasks"], hours or ()):
        task["hours"] = h
    return {"schema": 1, "tool": "task-finder", "title": "x", "name": name, "changed": changed, "opened": changed,
            "data": data}


def apv_document(answers, name="APV Anna", changed=NOW):
    return {"schema": 2, "tool": "checklist", "checklist": "apv-leder", "title": "x", "name": name,
            "changed": changed, "opened": changed, "data": {"answers": answers, "notes": {}}}


def mounted(finder=None, apv=None, stored=None):
    inputs = {FINDER_ROOT: Stored(documents=finder or {}), APV_ROOT: Stored(documents=apv or {})}
    return ag.mount(ag.start({}), Context(storage="ok", now=NOW, inputs=inputs, stored=Stored(documents=stored or {})))


def answers(state):
    return copies.data(state)["fields"]["answers"]


def test_it_reads_the_finder_and_the_apv_checklist_as_declared_inputs():
    assert ag.reads({}) == [FINDER_ROOT, APV_ROOT]
    assert ag.storage_key({}) == "hjemmearbejde/v1/agreement"


def test_the_fields_are_one_data_file_in_the_checklist_format_with_only_text_and_dates():
    fields = ag.fields()
    assert {i.kind for i in fields.items} == {checklists.TEXT, checklists.DATE}
    for wanted in ("medarbejder", "leder", "dage", "ugedage", "opgaver", "arbejdstid", "kontaktform", "udstyr",
                   "arbejdsplads", "forsikring", "it-sikkerhed", "transport", "aendring", "start",
                   "proeveperiode-slut", "evaluering", "oevrige"):
        assert fields.item(wanted), wanted


def test_static_html_has_every_field_and_prints_signature_lines():
    html = runtime.render_static("agreement", {})
    assert all(f'id="hj-aftale-{i.id}"' in html for i in ag.fields().items)
    assert "Medarbejder</span>" in html and "Leder</span>" in html and "hj-agreement__line" in html
    assert "Hent dage og opgaver" not in html  # prefill needs the browser


def test_a_fresh_agreement_is_prefilled_from_the_newest_finder_copy_and_marked_but_not_saved():
    old = finder_document("Gammel", changed="2026-01-01T10:00:00.000+01:00", tasks=("rengoering",))
    new = finder_document("Anna", hours=("20", "10", "10"))
    state, effects = mounted(finder={f"{FINDER_ROOT}/k1": old, f"{FINDER_ROOT}/k2": new})
    assert answers(state)["dage"] == "3 dage hjemme og 2 dage på arbejdspladsen om ugen."
    assert answers(state)["opgaver"] == "Kan løses hjemme: Regnskab, bogholderi og controlling, Kundeservice og support."
    assert copies.data(state)["prefilled"]["dage"] == "Udfyldt fra opgavefinderen (»Anna«)."
    assert not [e for e in effects if e["type"] == "save"]  # nobody has changed anything yet
    html = ag.render(state)
    assert "Udfyldt fra opgavefinderen (»Anna«). Du kan rette det." in html
    assert 'aria-describedby="hj-aftale-dage-hint hj-aftale-dage-prefilled hj-aftale-dage-count"' in html


def test_editing_a_prefilled_field_saves_everything_and_removes_its_mark():
    state, _ = mounted(finder={f"{FINDER_ROOT}/k1": finder_document()})
    state, effects = ag.handle(state, {"type": "input", "name": "answer:dage", "value": "To dage", "now": NOW})
    [saved] = [e for e in effects if e["type"] == "save"]
    assert saved["document"]["data"]["fields"]["answers"]["dage"] == "To dage"
    assert "opgaver" in saved["document"]["data"]["fields"]["answers"]
    assert "dage" not in copies.data(state)["prefilled"] and "opgaver" in copies.data(state)["prefilled"]


def test_the_apv_checklist_fills_the_workstation_with_its_status_and_what_must_be_acted_on():
    apv = checklists.load("apv-leder")
    first, second = apv.items[0], apv.items[1]
    state, _ = mounted(apv={f"{APV_ROOT}/k1": apv_document({first.id: "ok", second.id: "act"})})
    text = answers(state)["arbejdsplads"]
    assert f"2 af {len(apv.items)}" in text and second.text in text and first.text not in text


def test_hent_fills_only_empty_fields_and_says_which_it_left_alone():
    state, _ = mounted(finder={f"{FINDER_ROOT}/k1": finder_document()})
    state, _ = ag.handle(state, {"type": "input", "name": "answer:dage", "value": "Min egen tekst", "now": NOW})
    state, _ = ag.handle(state, {"type": "input", "name": "answer:opgaver", "value": "", "now": NOW})
    state, effects = ag.handle(state, {"type": "submit", "action": "prefill-finder", "fields": [["source", "k1"]],
                                       "now": NOW})
    assert answers(state)["dage"] == "Min egen tekst" and answers(state)["opgaver"].startswith("Kan løses hjemme")
    said = " ".join(e["message"] for e in effects if e["type"] == "announce")
    assert "havde allerede tekst" in said and "Hvor meget arbejder" in said


def test_without_other_tools_it_says_so_and_starts_empty():
    state, _ = mounted()
    assert answers(state) == {}
    html = ag.render(state)
    assert "ingen kopier i opgavefinderen" in html and "ingen kopier af lederens APV-tjekliste" in html


def test_unreadable_inputs_are_ignored():
    broken = {**finder_document(), "data": {"tasks": "x"}}
    state, _ = mounted(finder={f"{FINDER_ROOT}/k1": broken, f"{FINDER_ROOT}/k2": "ikke et dokument",
                               "hjemmearbejde/v1/task-finder-andet/k3": finder_document()})
    assert state["sources"]["finder"] == [] and answers(state) == {}


def test_hostile_text_is_escaped_and_dates_are_checked():
    state, _ = mounted()
    state, _ = ag.handle(state, {"type": "input", "name": "answer:medarbejder", "value": '"><script>x</script>, 2,5',
                                 "now": NOW})
    html = ag.render(state)
    assert "<script>x" not in html and ">&quot;&gt;&lt;script&gt;x&lt;/script&gt;, 2,5</textarea>" in html
    same, effects = ag.handle(state, {"type": "change", "name": "answer:start", "value": "i morgen", "now": NOW})
    assert same == state and effects == []
    state, _ = ag.handle(state, {"type": "change", "name": "answer:start", "value": "2027-01-04", "now": NOW})
    assert "4. januar 2027" in ag.to_markdown("Anna", copies.data(state), NOW)


def test_export_and_import_round_trip_keeps_the_marks():
    state, _ = mounted(finder={f"{FINDER_ROOT}/k1": finder_document()})
    state, _ = ag.handle(state, {"type": "input", "name": "answer:leder", "value": "Bo", "now": NOW})
    state, effects = ag.handle(state, {"type": "click", "action": "export-json", "now": NOW})
    text = next(e for e in effects if e["type"] == "download")["content"]
    imported, problem = copies.read_import(ag.shelf(), text)
    assert problem is None and imported["data"] == copies.data(state)
    markdown = ag.to_markdown("Aftale med Anna", copies.data(state), NOW)
    assert "**Lederens navn**\n  Bo" in markdown and "Medarbejder: ____" in markdown


@pytest.mark.parametrize("broken", [
    {"fields": {"answers": {}, "notes": {}}},
    {"fields": {"answers": {"dage": 5}, "notes": {}}, "prefilled": {}},
    {"fields": {"answers": {}, "notes": {}}, "prefilled": {"dage": 1}},
    {"fields": "x", "prefilled": {}},
])
def test_data_out_of_shape_is_refused(broken):
    assert ag.read(broken).data is None


def test_the_organisations_fixed_terms_are_in_every_agreement_its_print_and_its_markdown():
    organisation = {"name": "Eksempel Kommune", "terms": [["Møder", "Afdelingsmøder holdes fysisk. <b>"]]}
    state = ag.start({"organisation": organisation})
    assert "Faste vilkår hos Eksempel Kommune" in ag.render(state) and "fysisk. &lt;b&gt;" in ag.render(state)
    state, _ = ag.mount(state, Context(storage="ok", now=NOW))
    assert state["organisation"] == organisation
    state, effects = ag.handle(state, {"type": "click", "action": "export-markdown", "now": NOW})
    markdown = next(e for e in effects if e["type"] == "download")["content"]
    assert "## Faste vilkår hos Eksempel Kommune" in markdown and "Afdelingsmøder holdes fysisk." in markdown
    assert "Faste vilkår" not in ag.render(ag.start({}))
