"""Forms of the report page: the report itself, a position per ask, follow-up items."""

from django import forms
from django.db.models import Q

from common.forms import SafeForm, SafeModelForm
from meetings.models import Meeting
from meetings.people import delegation_users
from members.models import User
from reports.models import MeetingReport, MetWith, Position
from reports.services import REPORT_FIELDS, FollowUp

NOT_DISCUSSED = ("", "Not discussed")


def person_label(user: User) -> str:
    return user.full_name or user.email


def delegation(meeting: Meeting, report: MeetingReport | None) -> list[User]:
    """Who could have attended: confirmed seats, the lead and note-taker, anyone already ticked."""
    wanted = Q(pk__in=delegation_users(meeting).values("pk"))
    if report is not None:
        wanted |= Q(meeting_reports_attended=report)
    people = User.objects.filter(wanted).distinct()
    return sorted(people, key=lambda user: (user.last_name, user.first_name, user.email))


class ReportForm(SafeModelForm):
    attendees = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who attended",
    )

    class Meta:
        model = MeetingReport
        fields = list(REPORT_FIELDS)
        widgets = {
            "met_with": forms.RadioSelect,
            "concerns": forms.Textarea(attrs={"rows": 3}),
            "questions_promised": forms.Textarea(attrs={"rows": 3}),
            "commitments": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, people: list[User], applied_asks: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["met_with"].choices = MetWith.choices
        # No default choice: whom we met is for the delegation to say (required to file).
        self.fields["met_with"].initial = None
        self.fields["attendees"].choices = [(user.pk, person_label(user)) for user in people]
        self.asks = [applied.ask for applied in applied_asks]
        for ask in self.asks:
            self.fields[f"position_{ask.pk}"] = forms.ChoiceField(
                choices=[NOT_DISCUSSED, *Position.choices],
                required=False,
                label=ask.title,
                widget=forms.RadioSelect,
            )
            self.fields[f"position_note_{ask.pk}"] = forms.CharField(
                max_length=500,
                required=False,
                label=f"Note on “{ask.title}”",
                widget=forms.TextInput(attrs={"placeholder": "What they said (optional)"}),
            )

    def position_rows(self):
        """Each ask with its two fields, for the template."""
        return [
            (ask, self[f"position_{ask.pk}"], self[f"position_note_{ask.pk}"]) for ask in self.asks
        ]

    def positions(self) -> dict[int, tuple[str, str]]:
        return {
            ask.pk: (
                self.cleaned_data[f"position_{ask.pk}"],
                self.cleaned_data[f"position_note_{ask.pk}"].strip(),
            )
            for ask in self.asks
        }

    def report_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def initial_positions(report: MeetingReport | None) -> dict:
    if report is None:
        return {}
    initial = {}
    for position in report.positions.all():
        initial[f"position_{position.ask_id}"] = position.position
        initial[f"position_note_{position.ask_id}"] = position.note
    return initial


class FollowUpForm(SafeForm):
    item_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    description = forms.CharField(
        max_length=500,
        required=False,
        label="What we owe them",
        widget=forms.TextInput(attrs={"placeholder": "e.g. Send the one-pager on visa backlogs"}),
    )
    owner = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Owner")
    due_date = forms.DateField(
        required=False, label="Due", widget=forms.DateInput(attrs={"type": "date"})
    )
    done = forms.BooleanField(required=False, label="Done")

    def __init__(self, *args, owners: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Nobody yet")] + [
            (user.pk, person_label(user)) for user in owners
        ]

    def clean(self):
        data = super().clean()
        if not data.get("description") and (data.get("owner") or data.get("due_date")):
            self.add_error("description", "Say what is to be done, or clear the owner and date.")
        return data


class BaseFollowUpFormSet(forms.BaseFormSet):
    def follow_ups(self) -> list[FollowUp]:
        return [
            FollowUp(
                pk=form.cleaned_data.get("item_id"),
                description=form.cleaned_data["description"].strip(),
                owner_id=form.cleaned_data.get("owner"),
                due_date=form.cleaned_data.get("due_date"),
                done=form.cleaned_data.get("done", False),
            )
            for form in self.forms
            if form.cleaned_data.get("description", "").strip()
        ]


FollowUpFormSet = forms.formset_factory(
    FollowUpForm, formset=BaseFollowUpFormSet, extra=2, max_num=30, absolute_max=40
)


def initial_follow_ups(report: MeetingReport | None) -> list[dict]:
    if report is None:
        return []
    return [
        {
            "item_id": item.pk,
            "description": item.description,
            "owner": item.owner_id,
            "due_date": item.due_date,
            "done": item.is_done,
        }
        for item in report.follow_up_items.all()
    ]
