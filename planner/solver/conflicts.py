"""Contradictions in the inputs, found before solving: no plan can satisfy them."""

from __future__ import annotations

from collections import defaultdict

from planner.problem import Pin, Problem


def _when(pin: Pin) -> str:
    return f"{pin.starts_at:%-I:%M %p}"


def find_conflicts(problem: Problem) -> tuple[str, ...]:
    rules = problem.rules
    found = []
    labels = {p.key: p.label for p in problem.participants}
    offices = {o.key: o.label for o in problem.offices}

    def name(pin: Pin) -> str:
        office = offices.get(pin.office, f"office {pin.office}")
        return f"the kept meeting with {office} at {_when(pin)}"

    for participant in problem.participants:
        window = participant.available
        minutes = (window.ends_at - window.starts_at).total_seconds() / 60
        if minutes < rules.meeting_minutes:
            found.append(
                f"{participant.label} is available for less than one meeting "
                f"({window.starts_at:%-I:%M %p} to {window.ends_at:%-I:%M %p})"
            )
    by_office = defaultdict(list)
    for pin in problem.pins:
        by_office[pin.office].append(pin)
    for pins in by_office.values():
        if len(pins) > 1:
            found.append(
                f"{name(pins[0])} and {name(pins[1])} are two kept meetings with the same office"
            )
    by_person = defaultdict(list)
    for pin in problem.pins:
        for person in pin.people:
            by_person[person].append(pin)
    most = rules.max_meetings_per_person
    for person, pins in sorted(by_person.items()):
        if len(pins) > most:
            who = labels.get(person, f"person {person}")
            found.append(
                f"{who} has {len(pins)} kept meetings, more than the {most} a person may have"
            )
    reported = set()
    for person, pins in by_person.items():
        pins = sorted(pins, key=lambda p: (p.starts_at, p.meeting))
        for i, first in enumerate(pins):
            for second in pins[i + 1 :]:
                walk = rules.walking_minutes(first.place, second.place)
                gap = (second.starts_at - first.ends_at).total_seconds() / 60
                if gap >= walk:
                    continue
                key = (first.meeting, second.meeting)
                who = labels.get(person, f"person {person}")
                if key in reported:
                    continue
                reported.add(key)
                problem_text = "they overlap" if gap < 0 else f"the walk needs {walk} minutes"
                found.append(
                    f"{who} cannot attend both {name(first)} and {name(second)}: {problem_text}"
                )
    return tuple(found)
