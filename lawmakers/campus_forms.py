"""The staff form of one campus: a group per building, minutes per pair of buildings."""

from django import forms

from common.forms import SafeForm
from lawmakers.campuses import MOST_WALK_MINUTES


def _walk_field_name(pair: tuple[str, str]) -> str:
    return f"walk__{pair[0]}__{pair[1]}"


class CampusWalkingForm(SafeForm):
    def __init__(self, *args, buildings, walks, **kwargs):
        super().__init__(*args, **kwargs)
        self.buildings = buildings
        names = {building.code: building.name for building in buildings}
        for building in buildings:
            self.fields[f"group__{building.code}"] = forms.CharField(
                label=f"Group of {building.name}",
                max_length=60,
                initial=building.group,
            )
        self.pairs = list(walks)
        for pair, minutes in walks.items():
            self.fields[_walk_field_name(pair)] = forms.IntegerField(
                label=f"{names[pair[0]]} ↔ {names[pair[1]]}",
                required=False,
                min_value=0,
                max_value=MOST_WALK_MINUTES,
                initial=minutes,
                help_text="Minutes; empty: the event's gap for these groups.",
            )

    def group_fields(self):
        return [self[f"group__{building.code}"] for building in self.buildings]

    def walk_fields(self):
        return [self[_walk_field_name(pair)] for pair in self.pairs]

    def groups(self) -> dict[str, str]:
        return {b.code: self.cleaned_data[f"group__{b.code}"] for b in self.buildings}

    def minutes(self) -> dict[tuple[str, str], int | None]:
        return {pair: self.cleaned_data[_walk_field_name(pair)] for pair in self.pairs}
