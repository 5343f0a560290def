import html
import subprocess
import sys
from pathlib import Path

from tools.html import attrs, escape


def test_escape_covers_markup_and_quotes():
    assert escape('<b a="1">&\'') == "&lt;b a=&quot;1&quot;&gt;&amp;&#x27;"


def test_escape_does_what_the_standard_librarys_html_escape_does():
    texts = ["".join(map(chr, range(0x20, 0x7F))), "Å&æ<ø>\"'&amp;\u2028\x00", 42, None, "&#x27;"]
    assert [escape(text) for text in texts] == [html.escape(str(text), quote=True) for text in texts]


def test_the_widgets_never_import_the_html_package():
    """It loads html.entities, which the browser's snapshot of Python would carry (see tools/html.py)."""
    check = "import sys, tools.runtime; tools.runtime.prepare(); print(sorted(m for m in sys.modules if m.split('.')[0] == 'html'))"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"


def test_attrs_drops_none_and_false_and_renders_true_bare():
    assert attrs(type="checkbox", checked=True, disabled=False, title=None) == ' type="checkbox" checked'


def test_attrs_names_and_escaping():
    assert attrs(class_="a", aria_describedby="x", data_value='"><script>') == (
        ' class="a" aria-describedby="x" data-value="&quot;&gt;&lt;script&gt;"')


def test_attrs_empty():
    assert attrs() == ""


def test_a_textarea_keeps_its_text_exactly_and_only_the_counter_gets_a_thousands_separator():
    from tools.html import textarea

    text = "Hjemme, når det passer. 10,5 timer & <b>"
    markup = textarea("f", "note:x", text, 10_000)
    assert ">Hjemme, når det passer. 10,5 timer &amp; &lt;b&gt;</textarea>" in markup
    assert "af 10.000 tegn" in markup and markup.count("Hjemme, når") == 2  # the field and its print copy


def test_a_full_textarea_counts_as_danish_writes_numbers():
    from tools.html import textarea

    assert "10.000 af 10.000 tegn" in textarea("f", "note:x", "x" * 10_000, 10_000)
    assert "999 af 1.000 tegn" in textarea("f", "note:x", "x" * 999, 1_000)
