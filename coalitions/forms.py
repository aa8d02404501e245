import zoneinfo

from django import forms
from django.utils import timezone
from localflavor.us.forms import USStateSelect, USZipCodeField

from coalitions.models import (
    CoalitionEvent,
    GuestKind,
    GuestRole,
    Outreach,
    PartnerKind,
    StepKind,
)
from common.forms import SafeForm, SafeModelForm
from events.forms import TIME_ZONES
from events.models import Event
from members.constituency import district_label


class PartnerForm(SafeForm):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=PartnerKind.choices, label="Kind of organisation")
    website = forms.URLField(max_length=300, required=False, assume_scheme="https")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ContactForm(SafeForm):
    name = forms.CharField(max_length=200)
    title = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=40, required=False)


class PrinciplesForm(SafeForm):
    title = forms.CharField(max_length=200)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}))


class EndorsementForm(SafeForm):
    name = forms.CharField(max_length=200, label="Your name")
    title = forms.CharField(max_length=200, required=False)
    organisation = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(max_length=254, required=False)


class OutreachForm(SafeModelForm):
    class Meta:
        model = Outreach
        fields = [
            "organisation",
            "goal",
            "research",
            "door_openers",
            "contact_name",
            "contact_email",
            "next_step",
            "next_step_on",
        ]
        widgets = {
            "research": forms.Textarea(attrs={"rows": 4}),
            "door_openers": forms.Textarea(attrs={"rows": 3}),
            "next_step_on": forms.DateInput(attrs={"type": "date"}),
        }


class StepForm(SafeForm):
    kind = forms.ChoiceField(choices=StepKind.choices, label="What happened")
    happened_on = forms.DateField(label="On", widget=forms.DateInput(attrs={"type": "date"}))
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class IntroductionForm(SafeForm):
    to = forms.EmailField(max_length=254, label="Send to (email)")
    subject = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), label="Letter")


class TemplateForm(SafeForm):
    subject = forms.CharField(max_length=200, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}), label="Text")


class EventForm(SafeModelForm):
    class Meta:
        model = CoalitionEvent
        fields = [
            "name",
            "starts_at",
            "time_zone",
            "venue",
            "address",
            "accessibility",
            "description",
            "asks",
            "hosts",
            "principles",
            "day_of_action",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
            "asks": forms.Textarea(attrs={"rows": 4}),
            "hosts": forms.CheckboxSelectMultiple,
        }

    time_zone = forms.ChoiceField(
        choices=TIME_ZONES, initial="America/New_York", label="Time zone of the place"
    )

    def __init__(self, *args, chapter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].label = "Starts"
        self.fields["starts_at"].help_text = "In the time zone of the place, below."
        if self.instance.pk and not self.is_bound:
            self.initial["starts_at"] = self.instance.local_starts_at
        self.fields["hosts"].queryset = chapter.coalition_partners.all()
        self.fields["principles"].queryset = chapter.principles.all()
        self.fields["day_of_action"].queryset = Event.objects.all()

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        if starts_at is not None and cleaned.get("time_zone"):
            # The field made it aware in the site's zone; the leader meant the place's.
            zone = zoneinfo.ZoneInfo(cleaned["time_zone"])
            cleaned["starts_at"] = timezone.make_naive(starts_at).replace(tzinfo=zone)
        return cleaned


class GuestForm(SafeForm):
    kind = forms.ChoiceField(choices=GuestKind.choices, label="List")
    role = forms.ChoiceField(
        choices=[("", "—"), *GuestRole.choices], required=False, label="Distinguished as"
    )
    lawmaker = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Lawmaker",
        help_text="For a member of Congress, or the office a staffer works in.",
    )
    first_name = forms.CharField(
        max_length=150, required=False, help_text="Filled from the lawmaker when left empty."
    )
    last_name = forms.CharField(max_length=150, required=False)
    title = forms.CharField(max_length=200, required=False)
    organisation = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=40, required=False)

    def __init__(self, *args, lawmakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawmaker"].queryset = lawmakers
        self.fields["lawmaker"].label_from_instance = lambda lm: f"{lm.full_name} ({lm.seat})"

    def clean(self):
        data = super().clean()
        if data.get("role") in (GuestRole.LAWMAKER, GuestRole.STAFF) and not data.get("lawmaker"):
            self.add_error("lawmaker", "Pick the lawmaker from the directory.")
        if data.get("role") != GuestRole.LAWMAKER and not data.get("first_name"):
            self.add_error("first_name", "Give the guest's name.")
        return data


class WalkInForm(SafeForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150, required=False)
    organisation = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(max_length=254, required=False)
    press = forms.BooleanField(required=False)


class RsvpForm(SafeForm):
    answer = forms.ChoiceField(choices=[("accept", "I will come"), ("decline", "I cannot come")])


class PostcardForm(SafeForm):
    name = forms.CharField(max_length=200, label="Your name")
    street = forms.CharField(max_length=200, label="Street address")
    city = forms.CharField(max_length=100)
    state = forms.CharField(widget=USStateSelect, max_length=2)
    zip_code = USZipCodeField(label="ZIP code")
    district = forms.IntegerField(
        required=False, widget=forms.HiddenInput, label="Your congressional district"
    )
    email = forms.EmailField(max_length=254, required=False, label="Email (optional)")
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        label="Your message",
        help_text="{{ lawmaker }} becomes each lawmaker's name on their own card.",
    )

    def offer_districts(self, *, state: str, districts: list[int]) -> None:
        """Ask for the district when the ZIP code lies in several."""
        self.fields["district"].widget = forms.Select(
            choices=[("", "—"), *((d, district_label(state, d)) for d in districts)]
        )
