import datetime
import zoneinfo

from django import forms
from django.utils import timezone

from common.forms import SafeForm, SafeModelForm
from events.models import Attendance, Event, ProgrammeItem
from events.services import EVENT_FIELDS

TIME_ZONES = [
    ("America/New_York", "Eastern (New York, Washington)"),
    ("America/Chicago", "Central (Chicago, Nashville, Saint Paul)"),
    ("America/Denver", "Mountain (Denver)"),
    ("America/Phoenix", "Arizona (Phoenix)"),
    ("America/Los_Angeles", "Pacific (Sacramento)"),
    ("America/Anchorage", "Alaska (Juneau)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
]
WINDOW_FIELDS = ("registration_opens_at", "registration_closes_at")


class EventForm(SafeModelForm):
    """A Day of Action. The registration window is read in the event's own time zone."""

    time_zone = forms.ChoiceField(choices=TIME_ZONES)

    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)
        labels = {
            "slug": "Address",
            "level": "Kind",
            "briefing_venue": "Briefing venue",
            "day_starts": "First meeting at",
            "day_ends": "Last meeting ends by",
            "registration_opens_at": "Registration opens",
            "registration_closes_at": "Registration closes",
            "default_meeting_minutes": "Meeting length (minutes)",
            "gap_same_building_minutes": "Gap in the same building (minutes)",
            "gap_same_side_minutes": "Gap on the same side of the Capitol (minutes)",
            "gap_across_sides_minutes": "Gap across sides of the Capitol (minutes)",
        }
        help_texts = {
            "slug": "The event's page is /events/<address>/. Made from the name when empty.",
            "registration_opens_at": "In the event's time zone. Empty: open once published.",
            "registration_closes_at": "In the event's time zone. Empty: until the day starts.",
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "day_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "day_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "working_day_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "working_day_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "registration_opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        for name in WINDOW_FIELDS:
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
            value = getattr(self.instance, name)
            if value and not self.is_bound:
                self.initial[name] = timezone.localtime(value, self.instance.zone).replace(
                    tzinfo=None
                )
        # A form from before virtual days (or a script) leaves them out: the defaults hold.
        for name in ("format", "remote_spacing_minutes", "working_day_starts", "working_day_ends"):
            self.fields[name].required = False
        numbers = ("default_meeting_minutes", "remote_spacing_minutes")
        for name in (*numbers, *(f for f in self.fields if f.startswith("gap_"))):
            self.fields[name].widget.attrs.update(min=0, max=240)

    def clean(self):
        cleaned = super().clean()
        for name in ("format", "remote_spacing_minutes", "working_day_starts", "working_day_ends"):
            if name not in self.errors and cleaned.get(name) in (None, ""):
                cleaned[name] = Event._meta.get_field(name).get_default()
        starts, ends = cleaned.get("working_day_starts"), cleaned.get("working_day_ends")
        if starts and ends and ends <= starts:
            self.add_error(
                "working_day_ends",
                "The working window ends before it starts: give a later end (e.g. 17:00).",
            )
        zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or "America/New_York")
        for name in WINDOW_FIELDS:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime):
                # The field made it aware in the site's zone; the staffer meant the event's.
                cleaned[name] = timezone.make_naive(value).replace(tzinfo=zone)
        return cleaned

    def _post_clean(self):
        # The service checks the event as a whole (and says why); skip the model's own pass.
        pass

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["state"] = fields["state"] or ""
        if not fields["slug"] and self.instance.pk:
            fields["slug"] = self.instance.slug
        return fields


def optional_time(label: str) -> forms.TimeField:
    return forms.TimeField(
        required=False,
        label=label,
        widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
    )


class AvailabilityForm(SafeForm):
    """Arrive by / must leave at; empty means the event's own hours."""

    arrive_by = optional_time("I can be there from")
    leave_at = optional_time("I must leave at")
    # On the person's own clock; empty means the event's working window.
    calls_from = optional_time("On calls from (my time)")
    calls_until = optional_time("On calls until (my time)")
    joins_from_the_hill = forms.BooleanField(
        required=False,
        label="On a hybrid day, I join video meetings from the Hill",
    )


def for_the_day(form: "AvailabilityForm", event) -> "AvailabilityForm":
    """Only the questions this day asks: hours for calls on a day with calls, the Hill on a
    hybrid one."""
    if not event.has_remote_meetings:
        del form.fields["calls_from"], form.fields["calls_until"]
    if event.format != "hybrid":
        del form.fields["joins_from_the_hill"]
    return form


class RegistrationForm(AvailabilityForm):
    attendance = forms.ChoiceField(
        choices=Attendance.choices,
        initial=Attendance.IN_PERSON,
        widget=forms.RadioSelect,
        label="I will take part",
    )
    field_order = [
        "attendance",
        "arrive_by",
        "leave_at",
        "calls_from",
        "calls_until",
        "joins_from_the_hill",
    ]


class ProgrammeItemForm(SafeModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["title", "starts", "ends", "place", "everyone"]
        widgets = {
            "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", "The item ends before it starts: give a later end.")
        return cleaned


ProgrammeFormSet = forms.inlineformset_factory(
    Event, ProgrammeItem, form=ProgrammeItemForm, extra=2, can_delete=True
)
