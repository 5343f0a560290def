""""Gælder skærmreglerne?" as a widget: the answer, and bad input shown at the field with nothing lost."""

import pytest

from tools.contract import STORAGE_OK, Context
from tools.widgets import screen_rules as widget


def submitted(home, other=(), compliant=""):
    state, _ = widget.mount(widget.start({}), Context(storage=STORAGE_OK))
    fields = [[f"home-{i + 1}", v] for i, v in enumerate(home)] + [[f"other-{i + 1}", v] for i, v in enumerate(other)]
    if compliant:
        fields.append(["compliant", compliant])
    return widget.handle(state, {"type": "submit", "action": "assess-screen-rules", "fields": fields})


def test_the_static_form_has_every_week_and_no_submit_button():
    html = widget.render(widget.start({}))
    for week in range(1, 6):
        assert f'name="home-{week}"' in html and f'name="other-{week}"' in html
    assert 'type="submit"' not in html  # without JavaScript nothing is sent anywhere


def test_more_than_two_days_at_home_gives_the_answer_and_its_reasons():
    state, effects = submitted(["2,5", "3", "2", "2"])
    assert state["result"]["applies"] is True
    assert {"type": "announce", "message": "De særlige krav gælder hjemme."} in effects
    html = widget.render(state)
    assert "De særlige krav gælder hjemme." in html and "2,38 dage" in html and "Kilde: Beskæftigelsesministeriets" in html


def test_the_workstation_question_is_needed_only_when_it_changes_the_answer():
    state, _ = submitted(["1", "1", "1", "1"], ["2", "2", "2", "2"])
    assert state["result"] is None and "adgang til en skærmarbejdsplads et andet sted" in widget.render(state)
    state, _ = submitted(["1", "1", "1", "1"], ["2", "2", "2", "2"], "ja")
    assert state["result"]["applies"] is False
    state, _ = submitted(["1"], ["0,5"])
    assert state["result"]["applies"] is False  # 1.5 in all: the question does not matter


@pytest.mark.parametrize("home, other, message, field", [
    ([], [], "mindst én uge", "home-1"),
    (["to"], [], "som et tal", "home-1"),
    (["-1"], [], "under 0", "home-1"),
    (["2,3"], [], "hele eller halve dage", "home-1"),
    (["5"], ["3"], "En uge har kun 7", "other-1"),
    (["1", "", "1"], [], "Uge 2 er tom", "home-2"),
])
def test_bad_input_is_shown_at_the_field_and_what_was_typed_stays(home, other, message, field):
    state, effects = submitted(home, other)
    assert effects == [{"type": "focus", "id": "hj-skaermregler-errors"}]
    html = widget.render(state)
    assert "Der er et problem" in html and message in html
    assert f'href="#hj-skaermregler-{field}"' in html
    for i, value in enumerate(home):
        assert f'value="{value}"' in html or value == ""


def test_typing_is_kept_in_state_so_a_re_render_loses_nothing():
    state, _ = widget.mount(widget.start({}), Context(storage=STORAGE_OK))
    state, _ = widget.handle(state, {"type": "input", "name": "home-3", "value": "<b>2</b>"})
    html = widget.render(state)
    assert 'value="&lt;b&gt;2&lt;/b&gt;"' in html
