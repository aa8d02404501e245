import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from chapters.selectors import chapters_led_by
from common.forms import SafeForm, SafeModelForm
from common.join_links import join_link_clean
from events.forms import TIME_ZONES
from events.models import Event
from trainings.models import CHECK_IN_LENGTH, Session, SessionMode

TIMES = ("starts_at", "ends_at")
TIME_FORMAT = "%Y-%m-%dT%H:%M"


def _https_by_default(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SessionForm(SafeModelForm):
    """A session; its times are read in the session's own zone."""

    formfield_callback = _https_by_default

    time_zone = forms.ChoiceField(choices=TIME_ZONES)

    class Meta:
        model = Session
        fields = [
            "title",
            "kind",
            "chapter",
            "description",
            "mode",
            "join_url",
            "place",
            "time_zone",
            "starts_at",
            "ends_at",
            "capacity",
            "counts_for",
            "materials_url",
            "recording_url",
        ]
        labels = {
            "join_url": "Join link",
            "starts_at": "Starts",
            "ends_at": "Ends",
            "counts_for": "Required training for",
            "materials_url": "Materials (link)",
            "recording_url": "Recording (link, after the session)",
            "mode": "Online or in person",
        }
        help_texts = {
            "join_url": "For an online session: the https link people join with.",
            "place": "For an in-person session: the address and room.",
            "starts_at": "In the session's time zone.",
            "capacity": "Beyond it, people go on a waitlist and move up automatically.",
        }
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=TIME_FORMAT),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=TIME_FORMAT),
            "description": forms.Textarea(attrs={"rows": 4}),
            "mode": forms.RadioSelect,
            "counts_for": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        chapter = self.fields["chapter"]
        chapter.queryset = chapters_led_by(user=user).order_by("name")
        chapter.required = not user.is_staff
        chapter.empty_label = "National (national staff)" if user.is_staff else None
        if user.is_staff:
            self.fields["counts_for"].queryset = Event.objects.order_by("-date")
        else:
            del self.fields["counts_for"]  # which training counts is staff's choice
        self.fields["capacity"].widget.attrs.update(min=1, max=10000)
        for name in TIMES:
            self.fields[name].input_formats = [TIME_FORMAT, "%Y-%m-%d %H:%M"]
            value = getattr(self.instance, name)
            if value and not self.is_bound:
                self.initial[name] = timezone.localtime(
                    value, zoneinfo.ZoneInfo(self.instance.time_zone)
                ).replace(tzinfo=None)

    def clean_join_url(self):
        value = self.cleaned_data.get("join_url", "")
        return join_link_clean(value).url if value else ""

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and capacity < 1:
            raise ValidationError("A session has at least one place.")
        return capacity

    def clean(self):
        cleaned = super().clean()
        zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or "America/New_York")
        for name in TIMES:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime):
                cleaned[name] = timezone.make_naive(value).replace(tzinfo=zone)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The session ends before it starts: give a later end.")
        mode = cleaned.get("mode")
        if mode == SessionMode.IN_PERSON and not cleaned.get("place"):
            self.add_error("place", "Say where the session takes place.")
        if mode == SessionMode.IN_PERSON and cleaned.get("join_url"):
            self.add_error("join_url", "An in-person session has no join link: leave it empty.")
        capacity, taken = cleaned.get("capacity"), self.instance.places_taken
        if self.instance.pk and capacity is not None and capacity < taken:
            self.add_error(
                "capacity",
                f"{taken} people have a place: the capacity cannot be below {taken}.",
            )
        return cleaned

    def _post_clean(self):
        # The services check and write; the model's own checks would repeat them.
        pass


class CheckInForm(SafeForm):
    code = forms.CharField(
        label="Check-in code",
        max_length=CHECK_IN_LENGTH + 4,
        help_text="The host gives it out during the session.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class WaiverForm(SafeForm):
    """A leader's action on one participant's row: a nudge, or a waiver with its reason."""

    user = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        max_length=300,
        required=False,
        label="Why the training is waived",
        help_text="Kept on record.",
    )
