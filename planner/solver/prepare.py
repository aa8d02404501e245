"""What the model works on: which offices can still be planned, who may join which, and when.

Restricting who may join an office is what keeps a national day small enough to solve
in seconds: an office's constituents always may, then (to fill a team) others of its
state, then others of the chapters that have members there, and for a must office
that would otherwise stay short, anyone. Each edge (person, office) carries the start
slots both are free for, after the person's pinned meetings and walks are taken out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from planner.problem import Office, Participant, Pin, Priority, Problem
from planner.solver.grid import Grid

# How many people beyond one full team an office's candidate list is filled up to: enough
# to choose a team that fits, few enough that the model stays small.
FILL_SPARE = 3


@dataclass
class Instance:
    problem: Problem
    grid: Grid
    offices: dict[int, Office]
    people: dict[int, Participant]
    # Start slots each office may meet at (day, availability, fixed start, blocked windows).
    office_slots: dict[int, list[int]]
    # The start slots of each allowed (person, office) pairing.
    edges: dict[tuple[int, int], list[int]]
    # Meetings each person still may take after their pinned ones.
    capacity: dict[int, int]
    # Offices already covered by a pin: not planned again.
    pinned_offices: set[int] = field(default_factory=set)
    # Why an office could not be placed at all, found while preparing.
    office_reasons: dict[int, str] = field(default_factory=dict)
    # Who may join each office before times are considered (for the explanations).
    candidates: dict[int, list[int]] = field(default_factory=dict)

    def people_of(self, office: int) -> list[int]:
        return [person for (person, key) in self.edges if key == office]

    def walks_fit(self, booked: list[tuple[int, int]], office: int, slot: int) -> bool:
        """Whether meeting `office` at `slot` leaves the walk to and from each of a
        person's `booked` (slot, office) meetings, whichever comes first."""
        walking = self.problem.rules.walking_minutes
        place = self.offices[office].place
        for other_slot, other in booked:
            other_place = self.offices[other].place
            if other_slot <= slot:
                if other_slot + self.grid.separation(walking(other_place, place)) > slot:
                    return False
            elif slot + self.grid.separation(walking(place, other_place)) > other_slot:
                return False
        return True


def prepare(problem: Problem, fill_spare: int = FILL_SPARE) -> Instance:
    rules = problem.rules
    grid = Grid.of(rules)
    people = {p.key: p for p in problem.participants}
    pinned_offices = {pin.office for pin in problem.pins}
    offices = {o.key: o for o in problem.offices if o.key not in pinned_offices}
    blocked = set()
    for window in rules.blocked:
        blocked |= grid.starts_colliding(window.starts_at, window.ends_at)
    office_slots, office_reasons = {}, {}
    for office in offices.values():
        slots = _office_slots(grid, office, blocked)
        if slots:
            office_slots[office.key] = sorted(slots)
        else:
            office_reasons[office.key] = _why_no_slot(grid, office)
    person_slots = {key: grid.starts_within(p.available) - blocked for key, p in people.items()}
    pins_of = defaultdict(list)
    for pin in problem.pins:
        for person in pin.people:
            pins_of[person].append(pin)
    capacity = {key: max(0, rules.max_meetings_per_person - len(pins_of[key])) for key in people}

    def edge_slots(person: int, office: Office) -> list[int]:
        slots = person_slots[person] & set(office_slots[office.key])
        for pin in pins_of[person]:
            slots -= _pin_collisions(grid, rules, pin, office)
        return sorted(slots)

    edges: dict[tuple[int, int], list[int]] = {}
    candidates = _candidates(problem, offices, office_slots, fill_spare)
    for office_key, people_keys in candidates.items():
        for person in people_keys:
            if capacity[person] == 0:
                continue
            slots = edge_slots(person, offices[office_key])
            if slots:
                edges[(person, office_key)] = slots
    return Instance(
        problem=problem,
        grid=grid,
        offices=offices,
        people=people,
        office_slots=office_slots,
        edges=edges,
        capacity=capacity,
        pinned_offices=pinned_offices,
        office_reasons=office_reasons,
        candidates=candidates,
    )


def _office_slots(grid: Grid, office: Office, blocked: set[int]) -> set[int]:
    if office.fixed_start is not None:
        slot = grid.slot_of(office.fixed_start)
        return set() if slot is None or slot in blocked else {slot}
    if not office.available:
        slots = set(range(grid.last_start + 1))
    else:
        slots = set()
        for window in office.available:
            slots |= grid.starts_within(window)
    return slots - blocked


def _why_no_slot(grid: Grid, office: Office) -> str:
    if office.fixed_start is not None:
        if grid.slot_of(office.fixed_start) is None:
            return "the office's confirmed time is outside the day or off its time grid"
        return "the office's confirmed time falls in a window kept free (lunch or programme)"
    return "the office is not available at any time the day leaves open"


def _pin_collisions(grid: Grid, rules, pin: Pin, office: Office) -> set[int]:
    return grid.starts_colliding(
        pin.starts_at,
        pin.ends_at,
        walk_to=rules.walking_minutes(office.place, pin.place),
        walk_from=rules.walking_minutes(pin.place, office.place),
    )


def _candidates(
    problem: Problem, offices: dict[int, Office], office_slots: dict[int, list[int]], fill_spare
) -> dict[int, list[int]]:
    """Who may join each office, best placed first."""
    rules = problem.rules
    fill = rules.team_max + fill_spare
    by_state = defaultdict(list)
    chapters_in_state = defaultdict(set)
    by_chapter = defaultdict(list)
    own_offices = defaultdict(int)
    for person in problem.participants:
        by_state[person.state].append(person)
        chapters_in_state[person.state].add(person.chapter)
        by_chapter[person.chapter].append(person)
        own_offices[person.key] = len(person.constituent_of & offices.keys())
    incumbents_at = defaultdict(set)
    for incumbent in problem.incumbents:
        incumbents_at[incumbent.office] |= incumbent.people

    filled = defaultdict(int)
    known = {person.key for person in problem.participants}

    def spare_first(group):
        # Fill with those who have the fewest offices so far: they have room, and
        # spreading the fillers keeps any one person from being everyone's spare.
        return sorted(
            group, key=lambda p: (own_offices[p.key] + filled[p.key], not p.experienced, p.key)
        )

    result = {}
    for key, office in offices.items():
        if key not in office_slots:
            continue
        chosen: dict[int, None] = {}
        for person in problem.participants:
            if key in person.constituent_of or key in person.knows:
                chosen[person.key] = None
        for person in incumbents_at[key]:
            chosen[person] = None
        tiers = [spare_first(by_state[office.state])]
        tiers.append(
            spare_first(
                person
                for chapter in sorted(chapters_in_state[office.state])
                for person in by_chapter[chapter]
                if person.state != office.state
            )
        )
        if office.priority == Priority.MUST:
            tiers.append(spare_first(problem.participants))
        for tier in tiers:
            for person in tier:
                if len(chosen) >= fill:
                    break
                if person.key not in chosen:
                    chosen[person.key] = None
                    filled[person.key] += 1
        result[key] = [person for person in chosen if person in known]
    return result
