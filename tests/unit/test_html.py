from tools.html import attrs, escape


def test_escape_covers_markup_and_quotes():
    assert escape('<b a="1">&\'') == "&lt;b a=&quot;1&quot;&gt;&amp;&#x27;"


def test_attrs_drops_none_and_false_and_renders_true_bare():
    assert attrs(type="checkbox", checked=True, disabled=False, title=None) == ' type="checkbox" checked'


def test_attrs_names_and_escaping():
    assert attrs(class_="a", aria_describedby="x", data_value='"><script>') == (
        ' class="a" aria-describedby="x" data-value="&quot;&gt;&lt;script&gt;"')


def test_attrs_empty():
    assert attrs() == ""
