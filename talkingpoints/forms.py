"""Forms for asks (staff), leave-behinds, and a chapter's notes and ask leads (leaders)."""

from django import forms
from localflavor.us.us_states import US_STATES

from common.forms import SafeForm
from lawmakers.models import Chamber, Committee, Lawmaker
from talkingpoints.models import Ask, NoteKind
from talkingpoints.pdf import NotAPdf, check_pdf

COMMON_PARTIES = ["Democrat", "Republican", "Independent"]


def party_choices() -> list[tuple[str, str]]:
    found = Lawmaker.objects.serving().exclude(party="").values_list("party", flat=True)
    parties = list(dict.fromkeys([*COMMON_PARTIES, *sorted(set(found))]))
    return [(party, party) for party in parties]


class CommitteeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, committee):
        return committee.name


class AskForm(SafeForm):
    title = forms.CharField(max_length=150, help_text="A few words, e.g. Cut the visa backlogs.")
    summary = forms.CharField(
        label="The ask in one sentence",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What exactly we ask the office to do.",
    )
    background = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Markdown. Why this matters, in a paragraph or two.",
    )
    talking_points = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown. One point a line, starting with “- ”; **bold** stresses a figure.",
    )
    bill_numbers = forms.CharField(
        label="Related bills",
        max_length=300,
        required=False,
        help_text="Separated by commas, e.g. H.R. 1234, S. 567.",
    )
    target_chambers = forms.MultipleChoiceField(
        label="Chambers",
        choices=Chamber.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: both chambers.",
    )
    target_parties = forms.MultipleChoiceField(
        label="Parties",
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every party.",
    )
    target_states = forms.MultipleChoiceField(
        label="States",
        choices=US_STATES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "state-grid"}),
        help_text="None ticked: every state.",
    )
    committees = CommitteeChoice(
        label="Committees",
        queryset=Committee.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Offices with a seat on one of these, or on one of its subcommittees. "
        "The judiciary committees handle immigration law.",
    )

    def __init__(self, *args, ask: Ask | None = None, **kwargs):
        if ask is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                **{
                    field: getattr(ask, field) for field in self.base_fields if hasattr(ask, field)
                },
                "committees": list(ask.target_committees.all()),
            }
        super().__init__(*args, **kwargs)
        self.fields["target_parties"].choices = party_choices()
        self.fields["committees"].queryset = Committee.objects.filter(
            parent__isnull=True, is_current=True
        ).order_by("kind", "name")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["bill_numbers"] = ", ".join(
            bill.strip() for bill in data["bill_numbers"].split(",") if bill.strip()
        )
        return data


class LeaveBehindForm(SafeForm):
    title = forms.CharField(max_length=150, required=False, help_text="Empty: the file's name.")
    file = forms.FileField(
        label="PDF file",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_pdf(upload)
        except NotAPdf as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class NoteForm(SafeForm):
    kind = forms.ChoiceField(choices=NoteKind.choices, initial=NoteKind.STORY)
    ask = forms.ModelChoiceField(
        queryset=Ask.objects.none(),
        required=False,
        empty_label="The meeting as a whole",
        label="Beside which ask",
    )
    body = forms.CharField(
        label="Story or point",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Markdown. A member's own story moves an office more than any figure.",
    )

    def __init__(self, *args, asks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ask"].queryset = Ask.objects.filter(pk__in=[ask.pk for ask in asks])


class AskLeadsForm(SafeForm):
    """One select per ask that applies: who in the delegation makes it."""

    def __init__(self, *args, asks=(), people=(), current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        choices = [("", "Nobody yet")] + [
            (str(person.pk), person.full_name or person.email) for person in people
        ]
        self.asks = list(asks)
        for ask in self.asks:
            self.fields[f"ask_{ask.pk}"] = forms.ChoiceField(
                label=ask.title,
                choices=choices,
                required=False,
                initial=str(current.get(ask.pk, "")),
            )

    def leads(self) -> dict[int, int | None]:
        return {
            ask.pk: int(self.cleaned_data[f"ask_{ask.pk}"])
            if self.cleaned_data[f"ask_{ask.pk}"]
            else None
            for ask in self.asks
        }
