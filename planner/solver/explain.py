"""Why an office or a person is left out of a plan, in plain words, derived after solving."""

from __future__ import annotations

from planner.problem import PlannedMeeting, Priority
from planner.solver.prepare import Instance


def _at(moment) -> str:
    return f"{moment:%-I:%M %p}"


def offices_left_out(instance: Instance, meetings: tuple[PlannedMeeting, ...]) -> dict[int, str]:
    rules = instance.problem.rules
    planned = {m.office for m in meetings}
    registered_constituents = set()
    for person in instance.people.values():
        registered_constituents |= person.constituent_of
    reasons = {}
    for key, office in instance.offices.items():
        if key in planned:
            continue
        if key in instance.office_reasons:
            reasons[key] = instance.office_reasons[key]
            continue
        free = [p for p in instance.candidates.get(key, []) if (p, key) in instance.edges]
        if not instance.candidates.get(key):
            where = office.constituency or office.state
            reasons[key] = f"nobody registered from {where}" + (
                "" if office.priority == Priority.MUST else " and the office is not a must"
            )
        elif not free:
            if office.fixed_start is not None:
                reasons[key] = (
                    f"the office's confirmed time ({_at(office.fixed_start)}) clashes with "
                    "the day of everyone who could go"
                )
            else:
                reasons[key] = "nobody who could go is free while the office is available"
        elif len(free) < rules.team_min:
            reasons[key] = (
                f"only {len(free)} of those who could go "
                f"{'is' if len(free) == 1 else 'are'} free while the office is available, "
                f"and a team needs at least {rules.team_min}"
            )
        elif office.priority == Priority.MUST:
            reasons[key] = (
                "everyone who could go is needed in other must meetings or cannot fit "
                f"it into their day (at most {rules.max_meetings_per_person} meetings each)"
            )
        else:
            reasons[key] = (
                "those who could go are needed for offices that matter more, or cannot fit "
                f"it into their day (at most {rules.max_meetings_per_person} meetings each)"
            )
    return reasons


def people_left_out(instance: Instance, meetings: tuple[PlannedMeeting, ...]) -> dict[int, str]:
    rules = instance.problem.rules
    busy = {person for meeting in meetings for person in meeting.people}
    could = {}
    for office, people in instance.candidates.items():
        for person in people:
            could.setdefault(person, []).append(office)
    free = {person for person, _ in instance.edges}
    reasons = {}
    for key in instance.people:
        if key in busy:
            continue
        if key not in could:
            reasons[key] = "no office to visit from their state or chapter"
        elif key not in free:
            reasons[key] = "not free while any office they could visit is available"
        else:
            reasons[key] = (
                "every meeting they could join has its team already "
                f"(teams of {rules.team_min} to {rules.team_max}) with people who fit it better"
            )
    return reasons
