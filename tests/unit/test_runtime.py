import json
from html.parser import HTMLParser

import pytest

from tools import runtime, widgets
from tools.contract import STORAGE_OK

CONFIG = {"checklist": "kom-godt-i-gang"}


def call(**request):
    return json.loads(runtime.handle_message(json.dumps(request)))


def embedded_data(html):
    """The JSON in the widget's data-init attribute, read as a browser would."""

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if dict(attrs).get("data-init") is not None and not hasattr(self, "init"):
                self.init = json.loads(dict(attrs)["data-init"])

    reader = Reader()
    reader.feed(html)
    return reader.init


def test_render_static_wraps_the_widget_for_the_bridge():
    html = runtime.render_static("checklist", CONFIG)
    assert html.startswith('<div class="hj-widget" data-widget="checklist" data-state="static" data-init="')
    data = embedded_data(html)
    assert data["widget"] == "checklist"
    assert data["storageRoot"] == "hjemmearbejde/v1/checklist/kom-godt-i-gang"
    assert data["reads"] == []
    assert data["state"]["checklist"] == "kom-godt-i-gang"
    assert 'role="status"' in html and "<noscript>" in html
    assert "<script" not in html  # see render_static: Material would run it
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_embedded_json_is_escaped_in_its_attribute(monkeypatch):
    module = widgets.get("checklist")
    nasty = '"></div><script>alert(1)</script>'
    original = module.start
    monkeypatch.setattr(module, "start", lambda config: {**original(config), "now": nasty})
    html = runtime.render_static("checklist", CONFIG)
    assert "<script" not in html
    assert embedded_data(html)["state"]["now"] == nasty


def test_mount_then_event_round_trip():
    state = embedded_data(runtime.render_static("checklist", CONFIG))["state"]
    copy = {"schema": 2, "tool": "checklist", "checklist": "kom-godt-i-gang", "name": "Anna",
            "changed": "2026-11-20T09:00:00+01:00", "opened": "2026-11-20T09:00:00+01:00",
            "data": {"answers": {"hjaelp": True}, "notes": {}}}
    answer = call(op="mount", widget="checklist", state=state,
                  context={"storage": STORAGE_OK, "now": "2026-11-23T10:00:00+01:00",
                           "stored": {"documents": {"hjemmearbejde/v1/checklist/kom-godt-i-gang/k1": copy}}})
    assert answer["ok"] and answer["state"]["copies"]["k1"]["data"]["answers"] == {"hjaelp": True}
    assert "1 af" in answer["html"] and "Anna" in answer["html"]
    answer = call(op="event", widget="checklist", state=answer["state"],
                  event={"type": "change", "name": "answer:naervaer", "value": "true", "checked": True,
                         "now": "2026-11-23T10:01:00+01:00"})
    assert answer["ok"] and answer["effects"][0]["type"] == "save"
    assert answer["effects"][0]["key"] == "hjemmearbejde/v1/checklist/kom-godt-i-gang/k1"


@pytest.mark.parametrize("request_", [
    {"op": "mount", "widget": "findes-ikke", "state": {}},
    {"op": "dance", "widget": "checklist", "state": {}},
    {"op": "event", "widget": "checklist", "state": {}, "event": {"type": "change", "name": "answer:hjaelp"}},
])
def test_bad_requests_answer_with_an_error_instead_of_raising(request_):
    answer = call(**request_)
    assert answer["ok"] is False and answer["error"]


def test_unknown_widget_is_a_clear_error_at_build_time():
    with pytest.raises(widgets.UnknownWidget, match="Ukendt værktøj"):
        runtime.render_static("findes-ikke", {})


def test_every_registered_widget_follows_the_contract():
    for name in widgets.names():
        module = widgets.get(name)
        assert module.NAME == name
        for function in ("start", "storage_key", "reads", "mount", "handle", "render"):
            assert callable(getattr(module, function)), f"{name}.{function}"
