""""Gælder skærmreglerne?": days of screen work at home and elsewhere, week by week, and what applies.

The rule itself is `tools.screen_rules.assess`; this widget only collects the
answers, shows bad input at the field (error summary) and the result with its
reasons. Nothing is saved: the answers are not personal, and a reload starts over.

State::

    {"home": [str] * 5, "other": [str] * 5,   # what is typed, kept as typed
     "compliant": "" | "ja" | "nej",
     "errors": [{"field", "message"}],
     "result": {"applies", "reasons"} | None,
     "storage": "static" | "ok" | …}
"""

from .. import screen_rules
from ..contract import STORAGE_OK, STORAGE_STATIC, Context, announce, focus
from ..html import attrs, describedby, error_summary, escape, field_error

NAME = "screen-rules"
UID = "hj-skaermregler"
WEEKS = screen_rules.MAX_WEEKS


def storage_key(config: dict) -> None:
    return None


def reads(config: dict) -> list[str]:
    return []


def start(config: dict) -> dict:
    return {"home": [""] * WEEKS, "other": [""] * WEEKS, "compliant": "", "errors": [], "result": None,
            "storage": STORAGE_STATIC}


def mount(state: dict, context: Context) -> tuple[dict, list]:
    return {**state, "storage": STORAGE_OK}, []


def _field(kind: str, week: int) -> str:
    return f"{UID}-{kind}-{week + 1}"


def handle(state: dict, event: dict) -> tuple[dict, list]:
    kind, name = event.get("type"), str(event.get("name") or "")
    if kind in ("input", "change"):
        place, _, week = name.partition("-")
        if place in ("home", "other") and week.isdigit() and 1 <= int(week) <= WEEKS:
            values = list(state[place])
            values[int(week) - 1] = str(event.get("value", ""))[:20]
            return {**state, place: values}, []
        if name == "compliant" and event.get("value") in ("ja", "nej"):
            return {**state, "compliant": event["value"]}, []
        return state, []
    if kind == "submit" and event.get("action") == "assess-screen-rules":
        fields = dict(event.get("fields") or [])
        state = {**state, "home": [str(fields.get(f"home-{w + 1}", state["home"][w]))[:20] for w in range(WEEKS)],
                 "other": [str(fields.get(f"other-{w + 1}", state["other"][w]))[:20] for w in range(WEEKS)],
                 "compliant": fields.get("compliant", state["compliant"]) or ""}
        return _assess(state)
    return state, []


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def _assess(state: dict) -> tuple[dict, list]:
    errors, home, other = [], [], []
    weeks = [w for w in range(WEEKS) if state["home"][w].strip() or state["other"][w].strip()]
    if not weeks:
        errors.append({"field": _field("home", 0), "message": "Skriv antal dage hjemme for mindst én uge."})
    elif weeks != list(range(len(weeks))):
        first_gap = next(w for w in range(WEEKS) if w not in weeks)
        errors.append({"field": _field("home", first_gap),
                       "message": f"Uge {first_gap + 1} er tom. Udfyld ugerne i rækkefølge."})
    for w in weeks:
        for place, values, label in (("home", home, "hjemme"), ("other", other, "andre steder")):
            text = state[place][w].strip() or "0"
            number = _number(text)
            if number is None:
                errors.append({"field": _field(place, w),
                               "message": f"Uge {w + 1}: skriv dagene {label} som et tal, fx 2 eller 2,5."})
            elif number < 0:
                errors.append({"field": _field(place, w), "message": f"Uge {w + 1}: dagene {label} kan ikke være under 0."})
            elif number * 2 != int(number * 2):
                errors.append({"field": _field(place, w),
                               "message": f"Uge {w + 1}: skriv hele eller halve dage {label}, fx 2 eller 2,5."})
            values.append(number if number is not None else 0)
    if not errors:
        for w in weeks:
            if home[w] + other[w] > screen_rules.DAYS_IN_WEEK:
                errors.append({"field": _field("other", w),
                               "message": f"Uge {w + 1}: hjemme og andre steder er tilsammen "
                                          f"{screen_rules.days(home[w] + other[w])} dage. En uge har kun 7."})
    if not errors:
        outcomes = {answer: screen_rules.assess(home, other, answer) for answer in (False, True)}
        if outcomes[False].applies != outcomes[True].applies and not state["compliant"]:
            errors.append({"field": f"{UID}-compliant-ja",
                           "message": "Svar på, om medarbejderen har adgang til en skærmarbejdsplads et andet sted."})
    if errors:
        return {**state, "errors": errors, "result": None}, [focus(f"{UID}-errors")]
    result = outcomes[state["compliant"] == "ja"]
    headline = "De særlige krav gælder hjemme." if result.applies else "De særlige krav gælder ikke hjemme."
    return ({**state, "errors": [], "result": {"applies": result.applies, "reasons": list(result.reasons)}},
            [announce(headline), focus(f"{UID}-result")])


def render(state: dict) -> str:
    errors = state["errors"]
    rows = []
    for w in range(WEEKS):
        cells = []
        for place, label in (("home", "hjemme"), ("other", "andre steder")):
            field_id = _field(place, w)
            error, error_id = field_error(field_id, errors)
            cells.append(f'<td>{error}<label class="md-visually-hidden" for="{field_id}">Uge {w + 1}, dage {label}</label>'
                         f'<input{attrs(type="text", inputmode="decimal", id=field_id, name=f"{place}-{w + 1}", value=state[place][w], size=4, maxlength=20, autocomplete="off", aria_describedby=describedby(error_id), aria_invalid="true" if error_id else None)}></td>')
        rows.append(f'<tr><th scope="row">Uge {w + 1}</th>{"".join(cells)}</tr>')
    compliant_error, compliant_error_id = field_error(f"{UID}-compliant-ja", errors)
    radios = "".join(
        f'<span class="hj-choice"><input{attrs(type="radio", id=f"{UID}-compliant-{v}", name="compliant", value=v, checked=state["compliant"] == v)}>'
        f'<label for="{UID}-compliant-{v}">{label}</label></span>' for v, label in (("ja", "Ja"), ("nej", "Nej")))
    parts = [
        error_summary(f"{UID}-errors", errors),
        f'<form class="hj-screen-rules" data-action="assess-screen-rules" aria-labelledby="{UID}-title" novalidate>',
        f'<h3 id="{UID}-title">Gælder skærmreglerne hjemme?</h3>',
        '<p class="hj-hint">Skriv, hvor mange dage om ugen medarbejderen arbejder ved skærm. Brug gerne halve dage, '
        'fx 2,5. Udfyld fra uge 1 og op til fem uger, så I ser cirka en måned. En tom rubrik tæller som 0.</p>',
        '<table class="hj-screen-rules__weeks"><caption class="md-visually-hidden">Dage med skærmarbejde pr. uge</caption>'
        '<thead><tr><th scope="col">Uge</th><th scope="col">Dage hjemme</th>'
        '<th scope="col">Dage andre steder, fx på kontoret</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>',
        f'<fieldset class="hj-fieldset"{attrs(aria_describedby=describedby(compliant_error_id))}>'
        '<legend>Har medarbejderen adgang til en skærmarbejdsplads, der lever op til reglerne, '
        'hos jer eller på det andet sted?</legend>'
        f'{compliant_error}<div class="hj-choices">{radios}</div></fieldset>',
    ]
    if state["storage"] != STORAGE_STATIC:
        parts.append('<div class="hj-actions"><button type="submit" class="md-button md-button--primary">'
                     'Se, hvad der gælder</button></div>')
    parts.append("</form>")
    result = state.get("result")
    if result:
        headline = "De særlige krav gælder hjemme." if result["applies"] else "De særlige krav gælder ikke hjemme."
        reasons = "".join(f"<li>{escape(r)}</li>" for r in result["reasons"])
        parts.append(f'<div class="hj-screen-rules__result" id="{UID}-result" tabindex="-1">'
                     f'<p class="hj-screen-rules__headline"><strong>{escape(headline)}</strong></p>'
                     f'<ul>{reasons}</ul><p class="hj-hint">Det er vejledning, ikke juridisk rådgivning.</p></div>')
    return "".join(parts)
