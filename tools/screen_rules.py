"""Do the special screen-work requirements apply at home? One pure function, `assess`.

The rule (Beskæftigelsesministeriets bekendtgørelse nr. 384 af 23. marts 2022, in
force 30 April 2022, amended by nr. 1846 af 19. december 2023, in force 1 February
2024; see ../shared/README.md):

- The special requirements of the screen-work order apply at home when screen work
  there is regular and more than two days a week on average over about a month.
  Exactly two days does not trigger them.
- When home alone does not reach that, home and other places (the office,
  changing workplaces) are counted together (the summation rule): above two days
  a week on average the requirements apply at home, unless the employee has access
  to a compliant screen workstation at the employer's address or that other place.
- Planning, instruction, suitable equipment, the psychosocial work environment,
  supervision and the rules on rest always apply.
"""

from dataclasses import dataclass
from numbers import Real

THRESHOLD = 2          # days a week on average; more than this triggers the requirements
MAX_WEEKS = 5          # about a month
DAYS_IN_WEEK = 7

SOURCE = ("Beskæftigelsesministeriets bekendtgørelse nr. 384 af 23. marts 2022, gældende fra 30. april 2022, "
          "ændret ved nr. 1846 af 19. december 2023 (fra 1. februar 2024)")
ALWAYS = ("Uanset antallet af dage gælder arbejdsgiverens pligt til at planlægge og tilrettelægge arbejdet, "
          "give instruktion og oplæring, sørge for egnet arbejdsudstyr, tage sig af det psykosociale "
          "arbejdsmiljø og føre tilsyn, og reglerne om hviletid og fridøgn gælder.")
REGULAR = ("Kravene gælder kun, når skærmarbejdet er regelmæssigt. Som udgangspunkt betyder det, "
           "at det står på i cirka to måneder.")


@dataclass(frozen=True)
class Assessment:
    applies: bool
    reasons: tuple[str, ...]
    home_average: float
    total_average: float


def days(value: float) -> str:
    """A number of days in Danish: 2, 2,5, 1,25."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _check(home_days, other_days) -> None:
    for name, values in (("hjemme", home_days), ("andre steder", other_days)):
        if not isinstance(values, (list, tuple)):
            raise ValueError(f"Dagene {name} skal være en liste med et tal for hver uge.")
        for week, value in enumerate(values, start=1):
            if isinstance(value, bool) or not isinstance(value, Real) or value != value:
                raise ValueError(f"Uge {week}: dagene {name} skal være et tal.")
            if value < 0:
                raise ValueError(f"Uge {week}: dagene {name} kan ikke være under 0.")
    if len(home_days) != len(other_days):
        raise ValueError("Der skal være lige mange uger for hjemme og for andre steder.")
    if not 1 <= len(home_days) <= MAX_WEEKS:
        raise ValueError(f"Skriv dagene for 1 til {MAX_WEEKS} uger.")
    for week, (home, other) in enumerate(zip(home_days, other_days), start=1):
        if home + other > DAYS_IN_WEEK:
            raise ValueError(f"Uge {week}: hjemme og andre steder er tilsammen {days(home + other)} dage. "
                             f"En uge har kun {DAYS_IN_WEEK}.")


def assess(home_days, other_days, compliant_elsewhere: bool) -> Assessment:
    """Whether the special screen-work requirements apply at home, and why (Danish sentences).

    `home_days` and `other_days`: days of screen work per week, one number per week
    (1 to 5 weeks, halves allowed); `compliant_elsewhere`: the employee has access to a
    compliant screen workstation at the employer's address or at the other place.
    Raises ValueError with a Danish message for bad input.
    """
    _check(home_days, other_days)
    if not isinstance(compliant_elsewhere, bool):
        raise ValueError("Svar ja eller nej til, om medarbejderen har adgang til en skærmarbejdsplads andre steder.")
    weeks = len(home_days)
    home = sum(home_days) / weeks
    total = (sum(home_days) + sum(other_days)) / weeks
    span = f"over {weeks} {'uge' if weeks == 1 else 'uger'}"
    if home > THRESHOLD:
        reasons = [f"Medarbejderen arbejder ved skærm hjemme {days(home)} dage om ugen i gennemsnit {span}. "
                   f"Det er mere end {THRESHOLD}, så skærmreglernes særlige krav gælder hjemme.", REGULAR]
        applies = True
    elif total > THRESHOLD:
        counted = (f"Hjemme alene er det {days(home)} dage om ugen i gennemsnit {span}, og det er ikke mere end "
                   f"{THRESHOLD}. Men med dagene andre steder bliver det {days(total)} dage. Så gælder "
                   "sammentællingsreglen.")
        if compliant_elsewhere:
            reasons = [counted, "Medarbejderen har adgang til en skærmarbejdsplads, der lever op til reglerne, "
                                "hos arbejdsgiveren eller på det andet sted. Derfor gælder de særlige krav ikke hjemme."]
            applies = False
        else:
            reasons = [counted, "Medarbejderen har ikke adgang til en skærmarbejdsplads, der lever op til reglerne, "
                                "et andet sted. Derfor gælder de særlige krav også hjemme.", REGULAR]
            applies = True
    else:
        reasons = [f"Skærmarbejdet hjemme og andre steder er tilsammen {days(total)} dage om ugen i gennemsnit "
                   f"{span}. Det er ikke mere end {THRESHOLD}, så skærmreglernes særlige krav gælder ikke hjemme."]
        applies = False
    return Assessment(applies=applies, reasons=tuple(reasons) + (ALWAYS, f"Kilde: {SOURCE}."),
                      home_average=home, total_average=total)
