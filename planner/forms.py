"""Forms of the planner's page: rules, targets, a run, an accept, and who knows whom."""

from django import forms

from common.forms import SafeForm
from events.models import Event, Level
from lawmakers.models import Committee
from meetings.forms import LawmakerField, lawmakers_for
from planner.models import TargetPriority
from planner.services import EVENT_RULE_FIELDS

TIME = forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M")
CHOSEN_PRIORITIES = [(v, label) for v, label in TargetPriority.choices if v != TargetPriority.SKIP]


class RulesForm(SafeForm):
    default_meeting_minutes = forms.IntegerField(
        label="Meeting length (minutes)", min_value=5, max_value=120
    )
    team_min = forms.IntegerField(label="Smallest team", min_value=1, max_value=20)
    team_max = forms.IntegerField(label="Largest team", min_value=1, max_value=20)
    max_meetings_per_person = forms.IntegerField(
        label="Most meetings per person", min_value=1, max_value=12
    )
    gap_same_building_minutes = forms.IntegerField(
        label="Walk in one building (minutes)", min_value=0, max_value=120
    )
    gap_same_side_minutes = forms.IntegerField(
        label="Walk on one side (minutes)", min_value=0, max_value=120
    )
    gap_across_sides_minutes = forms.IntegerField(
        label="Walk across sides (minutes)", min_value=0, max_value=120
    )
    lunch_starts = forms.TimeField(label="Keep lunch free from", required=False, widget=TIME)
    lunch_ends = forms.TimeField(label="to", required=False, widget=TIME)

    def event_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in EVENT_RULE_FIELDS}

    def plan_fields(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in EVENT_RULE_FIELDS
        }


class TargetForm(SafeForm):
    lawmaker = forms.Field()  # replaced in __init__ with the event's offices
    priority = forms.ChoiceField(choices=TargetPriority.choices, initial=TargetPriority.MUST)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawmaker"] = LawmakerField(
            lawmakers=list(lawmakers_for(event)), label="Office"
        )


class CommitteeTargetForm(SafeForm):
    committees = forms.ModelMultipleChoiceField(
        queryset=Committee.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label="Committees",
        help_text="Every member of each; a subcommittee seat counts for its committee.",
    )
    priority = forms.ChoiceField(choices=CHOSEN_PRIORITIES, initial=TargetPriority.MUST)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        # Committees are Congress's: a state day targets its legislators one by one.
        committees = Committee.objects.none()
        if event.level == Level.NATIONAL:
            committees = Committee.objects.filter(parent__isnull=True, is_current=True).order_by(
                "kind", "name"
            )
        self.fields["committees"].queryset = committees
        self.fields["committees"].label_from_instance = lambda c: (
            f"{c.get_kind_display()}: {c.name}"
        )


class PriorityForm(SafeForm):
    priority = forms.ChoiceField(choices=TargetPriority.choices)


class RunForm(SafeForm):
    time_limit_seconds = forms.IntegerField(
        label="Time limit (seconds)", min_value=1, max_value=3600
    )


class AcceptForm(SafeForm):
    """Accept the whole draft (nothing chosen), one chapter's part, or chosen meetings."""

    chapter = forms.IntegerField(required=False)
    meetings = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, proposed_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].choices = [(pk, pk) for pk in proposed_ids]


class AcquaintanceForm(SafeForm):
    lawmaker = forms.Field()

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawmaker"] = LawmakerField(
            lawmakers=list(lawmakers_for(event)), label="Office where I know someone"
        )
