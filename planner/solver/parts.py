"""Independent parts of a day: people and offices no edge connects can be solved apart.

A national day falls apart by state and chapter, because who may join an office is
restricted to its constituents, its state and the chapters with members there. Each
part is a complete small model whose optimum, summed over the parts, is the optimum
of the whole; solving them one by one lets CP-SAT prove each part instead of getting
lost in one large search.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from planner.solver.prepare import Instance

# Small parts are solved together, up to about this many edges: each model has a fixed
# cost (presolve, a thread), and CP-SAT handles independent pieces of one model well.
BUNDLE_EDGES = 700


def _bundled(groups: list[dict], bundle_edges: int) -> list[dict]:
    groups = sorted(groups, key=lambda edges: (len(edges), min(edges)))
    bundles, current = [], {}
    for edges in groups:
        if current and len(current) + len(edges) > bundle_edges:
            bundles.append(current)
            current = {}
        current = {**current, **edges}
    if current:
        bundles.append(current)
    return bundles


def split(instance: Instance, bundle_edges: int = BUNDLE_EDGES) -> list[Instance]:
    """The instance's connected parts, bundled up to `bundle_edges` edges, largest first.

    Offices with no edge are in no part.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for person, office in instance.edges:
        a, b = root(("person", person)), root(("office", office))
        if a != b:
            parent[max(a, b)] = min(a, b)
    edges_of = defaultdict(dict)
    for (person, office), slots in instance.edges.items():
        edges_of[root(("office", office))][(person, office)] = slots
    parts = []
    for edges in _bundled(list(edges_of.values()), bundle_edges):
        people = {person for person, _ in edges}
        offices = {office for _, office in edges}
        parts.append(
            dataclasses.replace(
                instance,
                offices={k: instance.offices[k] for k in sorted(offices)},
                people={k: instance.people[k] for k in sorted(people)},
                office_slots={k: instance.office_slots[k] for k in sorted(offices)},
                edges=dict(sorted(edges.items())),
                capacity={k: instance.capacity[k] for k in sorted(people)},
                candidates={k: instance.candidates.get(k, []) for k in sorted(offices)},
            )
        )
    return sorted(parts, key=lambda part: (-len(part.edges), min(part.offices)))
