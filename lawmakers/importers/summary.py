"""What an import did, for the command's closing summary and for tests."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    removed: int = 0

    def line(self, label: str) -> str:
        parts = [
            f"{self.created} created",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
        ]
        if self.retired:
            parts.append(f"{self.retired} retired")
        if self.removed:
            parts.append(f"{self.removed} removed")
        return f"{label}: " + ", ".join(parts)


@dataclass
class ImportSummary:
    counts: dict[str, Counts] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    facts: list[str] = field(default_factory=list)

    def kind(self, label: str) -> Counts:
        return self.counts.setdefault(label, Counts())

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        lines = [counts.line(label) for label, counts in self.counts.items()]
        lines.append(f"skipped: {self.skipped_total}")
        lines += [f"  {reason}: {n}" for reason, n in sorted(self.skipped.items())]
        lines += self.facts
        return lines
