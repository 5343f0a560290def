"""The screen-work rule at home: boundaries alone and together, one heavy week, and bad input."""

import pytest

from tools.screen_rules import assess


def applies(home, other=None, compliant=False):
    return assess(home, other if other is not None else [0] * len(home), compliant).applies


def test_exactly_two_days_on_average_at_home_does_not_trigger_the_requirements():
    assert applies([2, 2, 2, 2]) is False
    assert applies([2.5, 2, 2, 2]) is True   # 2.125
    assert applies([2.5, 1.5, 2, 2]) is False  # exactly 2


def test_more_than_two_at_home_applies_whatever_the_workstation_elsewhere():
    result = assess([3, 3, 2, 3], [2, 2, 2, 2], True)
    assert result.applies and result.home_average == 2.75
    assert "2,75 dage" in result.reasons[0] and "gælder hjemme" in result.reasons[0]


def test_the_summation_rule_counts_home_and_other_places_together():
    assert applies([1, 1, 1, 1], [1, 1, 1, 1]) is False           # exactly 2 in all
    assert applies([1, 1, 1, 1.5], [1, 1, 1, 1]) is True           # 2.125 in all
    result = assess([1, 1, 1, 1.5], [1, 1, 1, 1], False)
    assert "sammentællingsreglen" in result.reasons[0] and "også hjemme" in result.reasons[1]


def test_a_compliant_workstation_elsewhere_lifts_the_summation_rule():
    result = assess([2, 2, 2, 2], [2, 2, 2, 2], True)
    assert result.applies is False and "gælder de særlige krav ikke hjemme" in result.reasons[1]


def test_one_heavy_week_is_averaged_over_the_month():
    assert applies([5, 0, 0, 0]) is False
    assert applies([5, 1, 1, 1.5]) is True  # 2.125
    assert applies([5]) is True             # a single week counts as itself


def test_every_answer_names_what_always_applies_and_the_source():
    for result in (assess([3], [0], False), assess([0], [0], False)):
        assert any("psykosociale" in r and "hviletid" in r for r in result.reasons)
        assert result.reasons[-1].startswith("Kilde: Beskæftigelsesministeriets bekendtgørelse nr. 384")


@pytest.mark.parametrize("home, other, compliant, message", [
    ([-1], [0], False, "under 0"),
    ([5], [3], False, "En uge har kun 7"),
    (["to"], [0], False, "skal være et tal"),
    ([True], [0], False, "skal være et tal"),
    ([float("nan")], [0], False, "skal være et tal"),
    ([1, 2], [1], False, "lige mange uger"),
    ([], [], False, "1 til 5 uger"),
    ([1] * 6, [0] * 6, False, "1 til 5 uger"),
    ("2", [0], False, "en liste"),
    ([1], [0], "ja", "ja eller nej"),
])
def test_bad_input_is_refused_with_a_danish_message(home, other, compliant, message):
    with pytest.raises(ValueError, match=message):
        assess(home, other, compliant)
