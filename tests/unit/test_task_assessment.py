"""The task finder's rules: each rule, each group, the day suggestion, and every catalogue task."""

import tomllib
from importlib import resources

import pytest

from tools import task_assessment as ta
from tools import task_catalogue as tc

CATALOGUE = tc.load()
ALL_NO = {q.id: tc.NO for q in CATALOGUE.questions}
HOME_ANSWERS = {**ALL_NO, "computer-telefon": tc.YES}
DEMANDS = [q.id for q in CATALOGUE.questions if q.effect == tc.DEMAND]
ADAPTS = [q.id for q in CATALOGUE.questions if q.effect == tc.ADAPT]


def question(question_id):
    return next(q for q in CATALOGUE.questions if q.id == question_id)


def task(task_id, answers=HOME_ANSWERS, hours="", name=None):
    return {"id": task_id, "name": name or task_id, "own": True, "answers": dict(answers), "hours": hours, "note": ""}


def data(*tasks, work_days="", situation=None):
    return {"tasks": list(tasks), "situation": situation or {}, "work_days": work_days}


# ---- One task ----------------------------------------------------------------

def test_nothing_demanding_and_doable_by_computer_is_home_with_its_reasons():
    verdict = ta.assess_task(CATALOGUE, HOME_ANSWERS)
    assert verdict.group == ta.HOME
    assert verdict.reasons == (ta.HOME_REASON, question("computer-telefon").reasons[tc.YES])


@pytest.mark.parametrize("question_id", DEMANDS)
def test_each_demand_yes_needs_the_workplace_and_partly_makes_it_partly(question_id):
    yes = ta.assess_task(CATALOGUE, {**HOME_ANSWERS, question_id: tc.YES})
    assert yes.group == ta.SITE and yes.reasons == (question(question_id).reasons[tc.YES],)
    partly = ta.assess_task(CATALOGUE, {**HOME_ANSWERS, question_id: tc.PARTLY})
    assert partly.group == ta.MIDDLE and question(question_id).reasons[tc.PARTLY] in partly.reasons


def test_not_doable_by_computer_and_phone_needs_the_workplace():
    assert ta.assess_task(CATALOGUE, {**HOME_ANSWERS, "computer-telefon": tc.NO}).group == ta.SITE
    assert ta.assess_task(CATALOGUE, {**HOME_ANSWERS, "computer-telefon": tc.PARTLY}).group == ta.MIDDLE


@pytest.mark.parametrize("question_id", ADAPTS)
def test_cooperation_or_training_on_the_spot_makes_it_partly_never_site(question_id):
    verdict = ta.assess_task(CATALOGUE, {**HOME_ANSWERS, question_id: tc.YES})
    assert verdict.group == ta.MIDDLE and question(question_id).reasons[tc.YES] in verdict.reasons
    assert ta.assess_task(CATALOGUE, {**HOME_ANSWERS, question_id: tc.PARTLY}).group == ta.HOME


def test_concentration_work_is_a_reason_for_home_that_changes_no_group():
    for answers, group in ((HOME_ANSWERS, ta.HOME), ({**HOME_ANSWERS, "samarbejde": tc.YES}, ta.MIDDLE)):
        verdict = ta.assess_task(CATALOGUE, {**answers, "fordybelse": tc.YES})
        assert verdict.group == group and question("fordybelse").reasons[tc.YES] in verdict.reasons


def test_site_reasons_alone_decide_a_site_task():
    verdict = ta.assess_task(CATALOGUE, {**HOME_ANSWERS, "maskiner": tc.YES, "samarbejde": tc.YES})
    assert verdict.reasons == (question("maskiner").reasons[tc.YES],)


def test_unanswered_questions_leave_the_group_open_unless_a_demand_already_decides_it():
    assert ta.assess_task(CATALOGUE, {}).group is None
    assert ta.assess_task(CATALOGUE, {}).missing == CATALOGUE.question_ids
    assert ta.assess_task(CATALOGUE, {"samarbejde": tc.YES}).group is None  # a demand could still make it site
    assert ta.assess_task(CATALOGUE, {"moede-mennesker": tc.YES}).group == ta.SITE


def test_every_catalogue_task_gets_a_group_from_its_default_answers():
    groups = {t.id: ta.assess_task(CATALOGUE, t.answers).group for t in CATALOGUE.tasks}
    assert None not in groups.values()
    counts = {g: list(groups.values()).count(g) for g in ta.GROUPS}
    assert min(counts.values()) >= 12, counts  # the finder also says "this needs the workplace"


def test_the_catalogue_holds_cabis_twelve_examples_and_at_least_sixty_tasks_in_every_area():
    assert len(CATALOGUE.tasks) >= 60
    cabi = [t.id for t in CATALOGUE.tasks if t.source.startswith("Cabi")]
    assert cabi == ["programmering", "databehandling", "telefonopgaver", "hjemmesider", "bogholderi",
                    "transskribering", "korrektur", "grafisk-opsaetning", "sociale-medier", "skriveopgaver",
                    "kundeservice", "filmredigering"]
    assert all(ta.assess_task(CATALOGUE, CATALOGUE.task(i).answers).group == ta.HOME for i in cabi)
    for area in CATALOGUE.areas:
        assert sum(t.area == area.id for t in CATALOGUE.tasks) >= 4, area.id


# ---- Hours and days ------------------------------------------------------------

@pytest.mark.parametrize("typed, hours", [("", None), ("4", 4.0), ("2,5", 2.5), (" 60 ", 60.0), ("0.5", 0.5)])
def test_hours_that_are_fine(typed, hours):
    assert ta.parse_hours(typed) == (hours, None)


@pytest.mark.parametrize("typed", ["0", "-1", "61", "abc", "nan", "inf", "1e9", "4 timer"])
def test_hours_that_are_refused_with_a_danish_message(typed):
    hours, error = ta.parse_hours(typed)
    assert hours is None and error and error.endswith(".")


def test_more_hours_in_all_than_a_week_holds_is_a_problem_at_the_last_task_with_hours():
    found = ta.problems(data(*(task(f"t{n}", hours="60") for n in range(3))))
    assert [p.field for p in found] == ["hours:t2"] and "180" in found[0].message


@pytest.mark.parametrize("typed, problem", [("", False), ("3", False), ("7", False), ("0", True), ("8", True),
                                            ("2,5", True), ("fem", True)])
def test_work_days(typed, problem):
    assert bool(ta.problems(data(work_days=typed))) is problem


def test_days_follow_the_share_of_hours_with_partly_tasks_counting_half():
    partly = {**HOME_ANSWERS, "samarbejde": tc.YES}
    site = {**HOME_ANSWERS, "fysiske-ting": tc.YES}
    result = ta.assess(CATALOGUE, data(task("a", hours="20"), task("b", partly, hours="10"),
                                       task("c", site, hours="10")))
    assert result.by_hours and result.weights == {ta.HOME: 20, ta.MIDDLE: 10, ta.SITE: 10}
    assert (result.home_days, result.site_days) == (3, 2)  # 5 × (20 + 5) / 40 = 3.125


def test_without_hours_for_every_task_the_tasks_count_equally_and_a_note_says_so():
    site = {**HOME_ANSWERS, "fysiske-ting": tc.YES}
    result = ta.assess(CATALOGUE, data(task("a", hours="30"), task("b", site), work_days="4"))
    assert not result.by_hours and result.home_days == 2
    assert any("lige meget" in n.text for n in result.notes)


def test_all_site_tasks_suggest_no_day_at_home():
    result = ta.assess(CATALOGUE, data(task("a", {**HOME_ANSWERS, "udendoers": tc.YES}, hours="37")))
    assert (result.home_days, result.site_days) == (0, 5) and result.notes == ()


def test_more_than_two_days_brings_the_attachment_and_screen_rule_notes_with_their_sources():
    result = ta.assess(CATALOGUE, data(task("a", hours="30"), task("b", {**ALL_NO}, hours="7")))
    assert result.home_days == 4
    sources = [n.source for n in result.notes]
    assert ta.SOURCE_ATTACHMENT in sources and ta.SOURCE_SCREEN in sources


def test_exactly_two_days_brings_neither_note():
    site = {**HOME_ANSWERS, "moede-mennesker": tc.YES}
    result = ta.assess(CATALOGUE, data(task("a", hours="20"), task("b", site, hours="30")))
    assert result.home_days == 2 and result.notes == ()


def test_every_day_at_home_brings_the_note_on_keeping_in_touch():
    result = ta.assess(CATALOGUE, data(task("a", hours="10"), work_days="3"))
    assert result.home_days == 3 and ta.SOURCE_CONTACT in [n.source for n in result.notes]


def test_no_suggestion_while_there_are_problems_or_nothing_is_assessed():
    assert ta.assess(CATALOGUE, data(task("a", hours="0"))).home_days is None
    assert ta.assess(CATALOGUE, data(task("a", answers={}))).home_days is None
    assert ta.assess(CATALOGUE, data()).home_days is None


def test_the_situation_changes_the_advice_never_a_group():
    answers = {f.id: (tc.YES if tc.YES in f.advice else tc.NO) for f in CATALOGUE.situation}
    plain = ta.assess(CATALOGUE, data(task("a", hours="10")))
    with_situation = ta.assess(CATALOGUE, data(task("a", hours="10"), situation=answers))
    assert plain.verdicts == with_situation.verdicts and plain.home_days == with_situation.home_days
    assert len(with_situation.advice) == len(CATALOGUE.situation) and plain.advice == ()
    assert all(a.source for a in with_situation.advice)


# ---- The data files ----------------------------------------------------------------

def _raw(name):
    return tomllib.loads((resources.files("tools") / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("breaking, message", [
    (lambda r, c: r["questions"][0].update(effect="maybe"), "'effect'"),
    (lambda r, c: r["questions"][0].pop("reason_yes"), "'reason_yes' mangler"),
    (lambda r, c: r["questions"][0].update(reason_no="x"), "'reason_no' bruges ikke"),
    (lambda r, c: r["situation"][0].pop("advice_yes", None) or r["situation"][0].pop("advice_no", None), "råd"),
    (lambda r, c: c["tasks"][0]["answers"].pop("maskiner"), "mangler maskiner"),
    (lambda r, c: c["tasks"][0]["answers"].update(maskiner="kanske"), "'maskiner'"),
    (lambda r, c: c["tasks"][1].update(id=c["tasks"][0]["id"]), "brugt to gange"),
    (lambda r, c: c["tasks"][0].update(area="rummet"), "rummet"),
    (lambda r, c: c["tasks"][0].update(keywords=[]), "'keywords'"),
    (lambda r, c: c["tasks"][0].update(colour="blå"), "ukendt felt 'colour'"),
])
def test_a_broken_data_file_is_refused_naming_the_file_and_the_field(breaking, message):
    rules, catalogue = _raw("opgavefinder.toml"), _raw("opgaver.toml")
    breaking(rules, catalogue)
    with pytest.raises(tc.CatalogueError) as error:
        tc.parse(rules, catalogue)
    assert message in str(error.value) and ".toml" in str(error.value)
