"""Demo asks for `load_demo`: this year's asks, in our own words, aimed as staff would aim them."""

from lawmakers.models import Committee
from talkingpoints.models import Ask
from talkingpoints.services import ask_create

JUDICIARY = ["SSJU", "HSJU"]
APPROPRIATIONS = ["SSAP", "HSAP"]

DEMO_ASKS = [
    {
        "title": "Cut the visa backlogs",
        "summary": "Co-sponsor legislation that lifts the per-country caps and stops counting "
        "spouses and minor children against the green-card quotas.",
        "background": "Families and employers wait a decade or more for green cards that "
        "Congress already approved. The caps treat a country of a billion people like a "
        "country of a million, and counting a worker's family against the same quota halves "
        "the visas that reach the workers themselves.",
        "talking_points": "- **Millions of people** are waiting in line for a green card that "
        "has already been approved.\n"
        "- Per-country caps mean the wait depends on birthplace, not on merit or need.\n"
        "- Counting spouses and children against the quota splits families for years.\n"
        "- Share a client's story: how long they have waited, and what the wait costs.",
        "bill_numbers": "H.R. 3648, S. 1234",
        "committees": [],
    },
    {
        "title": "An independent immigration court",
        "summary": "Support moving the immigration courts out of the Justice Department into "
        "an independent court under Article I.",
        "background": "Immigration judges are employees of the Attorney General, who can "
        "overrule their decisions and set their case quotas. A court that is part of the "
        "prosecutor's department cannot look impartial, and policy swings with each "
        "administration.",
        "talking_points": "- The backlog is over **3 million cases**; quotas have not cut it.\n"
        "- Judges, lawyers and former officials of both parties support the change.\n"
        "- Independence protects the court from whichever administration is in office.",
        "bill_numbers": "",
        "committees": JUDICIARY,
    },
    {
        "title": "Funded counsel for people who cannot pay",
        "summary": "Fund legal representation in immigration court for children and people "
        "who cannot afford a lawyer.",
        "background": "There is no right to appointed counsel in immigration court. People "
        "with a lawyer are several times more likely to win relief, and cases with counsel "
        "move faster because fewer hearings are postponed.",
        "talking_points": "- Children appear in court **alone**, sometimes in their first "
        "language.\n"
        "- Representation makes hearings shorter and court calendars faster.\n"
        "- It costs less than detention while a case waits.",
        "bill_numbers": "",
        "committees": APPROPRIATIONS + JUDICIARY,
    },
    {
        "title": "Fund the Shelter and Services Program",
        "summary": "Keep funding for the Shelter and Services Program, which helps towns "
        "receiving new arrivals.",
        "background": "Cities and counties that receive newly arrived migrants pay for "
        "shelter, food and transport while federal processing catches up.",
        "talking_points": "- Local governments and charities carry costs that federal "
        "policy creates.\n- Reimbursement keeps shelters open and streets safe.",
        "bill_numbers": "",
        "committees": APPROPRIATIONS,
    },
]


def demo_asks_create(*, event, by) -> list[Ask]:
    """Write the demo asks once; run again, leave them as they are."""
    if Ask.objects.filter(event=event).exists():
        return list(Ask.objects.filter(event=event))
    created = []
    for spec in DEMO_ASKS:
        fields = {key: value for key, value in spec.items() if key != "committees"}
        committees = Committee.objects.filter(code__in=spec["committees"])
        created.append(ask_create(event=event, by=by, committees=committees, **fields))
    return created
