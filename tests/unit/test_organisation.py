"""The organisation's profile: the example reads, and every kind of bad file is refused naming the key."""

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tools import organisation

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "organisation.toml"


def example() -> dict:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_example_profile_reads_with_its_rules_in_order_and_its_logo():
    profile = organisation.load(EXAMPLE)
    assert profile.name == "Eksempel Kommune" and profile.contact["name"] == "HR og Personale"
    assert [h for h, _ in profile.terms()] == list(organisation.RULES.values())
    assert profile.accessibility["reviewed"] == dt.date(2026, 10, 1)
    assert profile.logo == EXAMPLE.parent / "organisation-logo.svg"


def test_only_the_name_and_a_contact_are_needed():
    profile = organisation.parse({"organisation": {"name": "Firma"}, "contact": {"name": "Bo"}})
    assert profile.terms() == [] and profile.policies == {} and profile.logo is None


def test_no_profile_means_a_general_guide():
    assert organisation.from_environment({}) is None
    assert organisation.from_environment({"ORGANISATION": str(EXAMPLE)}).name == "Eksempel Kommune"


@pytest.mark.parametrize("breaking, key", [
    (lambda d: d.update(farve={"x": "y"}), "[farve]"),
    (lambda d: d["organisation"].update(colour="blå"), "organisation.colour"),
    (lambda d: d["organisation"].pop("name"), "organisation.name mangler"),
    (lambda d: d["contact"].pop("name"), "contact.name mangler"),
    (lambda d: d["rules"].update(core_days=2), "rules.core_days"),
    (lambda d: d["rules"].update(meetings="  "), "rules.meetings"),
    (lambda d: d["accessibility"].update(reviewed="i går"), "accessibility.reviewed"),
    (lambda d: d["policies"].update(url="javascript:alert(1)"), "policies.url"),
    (lambda d: d["policies"].pop("text"), "policies.text"),
    (lambda d: d["contact"].update(email="ikke en adresse"), "contact.email"),
    (lambda d: d["organisation"].update(logo="findes-ikke.svg"), "organisation.logo"),
    (lambda d: d.update(rules="ja"), "[rules]"),
])
def test_a_bad_profile_is_refused_with_a_message_naming_the_key(breaking, key):
    data = example()
    breaking(data)
    with pytest.raises(organisation.ProfileError) as error:
        organisation.parse(data, where="profil.toml", folder=EXAMPLE.parent)
    assert key in str(error.value) and "profil.toml" in str(error.value)


def test_a_file_that_is_not_toml_or_not_there_is_refused(tmp_path):
    broken = tmp_path / "profil.toml"
    broken.write_text("[organisation\nname = ", encoding="utf-8")
    with pytest.raises(organisation.ProfileError, match="ikke gyldig TOML"):
        organisation.load(broken)
    with pytest.raises(organisation.ProfileError, match="findes ikke"):
        organisation.load(tmp_path / "mangler.toml")
