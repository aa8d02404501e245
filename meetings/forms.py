"""Forms of the leaders' pages: a meeting, its seats, its people, its status."""

import datetime

from django import forms
from django.db.models import Q, QuerySet
from localflavor.us.us_states import STATE_CHOICES

from chapters.models import Chapter
from common.forms import SafeForm
from common.join_links import JoinLinkField, own_room_available, own_room_new
from events.models import Event, Level
from lawmakers.models import Building, Lawmaker, serving_q
from lawmakers.models import Level as LawmakerLevel
from meetings.models import (
    ACTIVE_MEETING_STATUSES,
    CALL_FIELDS,
    LineHost,
    Meeting,
    MeetingKind,
    MeetingMode,
    SeatStatus,
)
from meetings.rules import campus_rules
from members.models import User

STATE_NAMES = dict(STATE_CHOICES)
PARTY_LETTERS = {"Democrat": "D", "Republican": "R", "Independent": "I"}


def lawmakers_for(event: Event, *, keep: Lawmaker | None = None) -> QuerySet[Lawmaker]:
    """Serving lawmakers an event meets: Congress for a national day, one legislature otherwise."""
    if event.level == Level.NATIONAL:
        wanted = Q(level=LawmakerLevel.FEDERAL)
    else:
        wanted = Q(level=LawmakerLevel.STATE, state=event.state)
    wanted &= serving_q()
    if keep is not None:  # a meeting keeps its lawmaker even after they left office
        wanted |= Q(pk=keep.pk)
    return Lawmaker.objects.filter(wanted).order_by("state", "chamber", "last_name", "first_name")


def lawmaker_label(lawmaker: Lawmaker) -> str:
    party = PARTY_LETTERS.get(lawmaker.party, lawmaker.party[:1])
    party = f" ({party})" if party else ""
    return f"{lawmaker.last_name}, {lawmaker.first_name}{party} · {lawmaker.seat}"


def chapter_people(chapter: Chapter, meeting: Meeting | None = None) -> QuerySet[User]:
    """The chapter's members, and anyone holding a seat in the meeting."""
    people = Q(memberships__chapter=chapter)
    if meeting is not None:
        people |= Q(
            seats__meeting=meeting,
            seats__status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED),
        )
    return User.objects.filter(people).distinct().order_by("last_name", "first_name", "email")


class LawmakerField(forms.TypedChoiceField):
    """A select of lawmakers in optgroups (by state, or by chamber for a state day)."""

    def __init__(self, *, lawmakers: list[Lawmaker], first_states=(), **kwargs):
        self.lawmakers = {lawmaker.pk: lawmaker for lawmaker in lawmakers}
        groups: dict[str, list] = {}
        for lawmaker in lawmakers:
            if lawmaker.level == LawmakerLevel.FEDERAL:
                group = STATE_NAMES.get(lawmaker.state, lawmaker.state)
            else:
                group = lawmaker.chamber_name
            groups.setdefault(group, []).append((lawmaker.pk, lawmaker_label(lawmaker)))
        first = [STATE_NAMES.get(state, state) for state in first_states]
        ordered = sorted(groups, key=lambda name: (name not in first, name))
        choices = [("", "Choose an office")] + [(name, groups[name]) for name in ordered]
        super().__init__(choices=choices, coerce=int, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        return self.lawmakers[pk] if pk not in (None, "") else None


def _building_choices(event: Event, meeting: Meeting | None) -> list[tuple[str, str]]:
    """The buildings of the event's campus (and the meeting's own, should it be elsewhere)."""
    codes = list(campus_rules(event).groups)
    if meeting is not None and meeting.building and meeting.building not in codes:
        codes.append(meeting.building)
    labels = dict(Building.choices)
    return [("", "The office's building"), *((code, labels.get(code, code)) for code in codes)]


def link_field(label: str, help_text: str) -> JoinLinkField:
    """A join link's input; `join_link_clean` says whether the address will do."""
    return JoinLinkField(label=label, help_text=help_text)


class MeetingForm(SafeForm):
    lawmaker = forms.Field()  # replaced in __init__, with the event's lawmakers
    start_time = forms.TimeField(
        label="Starts at", widget=forms.TimeInput(attrs={"type": "time", "step": 300})
    )
    minutes = forms.IntegerField(label="Length (minutes)", min_value=5, max_value=240)
    kind = forms.ChoiceField(choices=MeetingKind.choices, initial=MeetingKind.STAFF)
    building = forms.ChoiceField(
        choices=[("", "The office's building"), *Building.choices], required=False
    )
    room = forms.CharField(max_length=40, required=False, help_text="Empty: the office's room.")
    location_note = forms.CharField(max_length=200, required=False, label="How to find it")
    mode = forms.ChoiceField(
        choices=MeetingMode.choices,
        initial=MeetingMode.IN_PERSON,
        widget=forms.RadioSelect,
        label="How we meet",
        required=False,
    )
    line_host = forms.ChoiceField(
        choices=LineHost.choices,
        initial=LineHost.OURS,
        widget=forms.RadioSelect,
        label="Whose video or phone line",
        required=False,
        help_text="Meetings on the office's line do not use one of our video accounts.",
    )
    join_url = link_field(
        "Join link", "https only. When the office sends its own link, put it here: it wins."
    )
    make_room = forms.BooleanField(
        required=False,
        label="Make a room on our video server (when there is no link)",
    )
    phone_number = forms.CharField(max_length=40, required=False, label="Dial-in number")
    phone_pin = forms.CharField(max_length=40, required=False, label="PIN or meeting ID")
    want_huddle = forms.BooleanField(
        required=False,
        label="A team huddle 15 minutes before (the delegation only)",
    )
    huddle_url = link_field("Huddle link", "Empty: a room is made on our video server.")
    contact_name = forms.CharField(max_length=150, required=False, label="Office contact")
    contact_email = forms.EmailField(required=False, label="Office contact's email")
    seats = forms.IntegerField(min_value=1, max_value=50, initial=5)
    reserved_for_constituents = forms.IntegerField(
        min_value=0, max_value=50, initial=0, label="Seats kept for constituents"
    )
    reserved_for_first_timers = forms.IntegerField(
        min_value=0, max_value=50, initial=0, label="Seats kept for first-timers"
    )
    lead = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Lead advocate",
        empty_label="Nobody yet",
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(
        self, *args, event: Event, chapter: Chapter, meeting: Meeting | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.event = event
        self.lawmaker_list = list(lawmakers_for(event, keep=meeting.lawmaker if meeting else None))
        self.fields["lawmaker"] = LawmakerField(
            lawmakers=self.lawmaker_list,
            first_states=chapter.state_codes,
            label="Office",
        )
        self.order_fields(["lawmaker"])
        self.fields["lead"].queryset = chapter_people(chapter, meeting)
        self.fields["minutes"].initial = event.default_meeting_minutes
        self.fields["building"].choices = _building_choices(event, meeting)
        if meeting is not None and not self.is_bound:
            self.initial.update(
                lawmaker=meeting.lawmaker_id,
                start_time=event.local(meeting.starts_at).time().strftime("%H:%M"),
                minutes=meeting.duration_minutes,
                lead=meeting.lead_id,
                **{
                    name: getattr(meeting, name)
                    for name in (
                        "kind",
                        "building",
                        "room",
                        "location_note",
                        "contact_name",
                        "contact_email",
                        "seats",
                        "reserved_for_constituents",
                        "reserved_for_first_timers",
                        "notes",
                        *CALL_FIELDS,
                    )
                },
                want_huddle=bool(meeting.huddle_url),
            )
        if not own_room_available():
            del self.fields["make_room"]
            self.fields["huddle_url"].help_text = "No video server is set: give the room's link."

    def clean(self):
        data = super().clean()
        data["mode"] = mode = data.get("mode") or MeetingMode.IN_PERSON
        data["line_host"] = data.get("line_host") or LineHost.OURS
        if mode == MeetingMode.IN_PERSON:
            for name, what in (
                ("join_url", "a join link"),
                ("phone_number", "a dial-in number"),
                ("huddle_url", "a huddle link"),
            ):
                if data.get(name):
                    self.add_error(
                        name,
                        f"A meeting in the office has no {what.split(' ', 1)[1]}: "
                        "choose Video call or Phone call, or clear it.",
                    )
            if data.get("want_huddle"):
                self.add_error("want_huddle", "A huddle is for video and phone meetings.")
        if mode == MeetingMode.PHONE and not data.get("phone_number", "").strip():
            self.add_error("phone_number", "A phone meeting needs the number to dial.")
        if (
            data.get("want_huddle")
            and mode != MeetingMode.IN_PERSON
            and not data.get("huddle_url")
            and "huddle_url" not in self.errors
            and not own_room_available()
        ):
            self.add_error("huddle_url", "Give the huddle room's link (https).")
        return data

    @property
    def offices(self) -> dict[int, list[str]]:
        """For the page's script: each office's building and room."""
        return {
            lawmaker.pk: [lawmaker.office_building, lawmaker.office_room]
            for lawmaker in self.lawmaker_list
        }

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        start = datetime.datetime.combine(
            self.event.date, data.pop("start_time"), tzinfo=self.event.zone
        )
        minutes = data.pop("minutes")
        make_room, want_huddle = data.pop("make_room", False), data.pop("want_huddle")
        if data["mode"] == MeetingMode.IN_PERSON:
            # An empty place means the office's own, as the form says.
            data["building"] = data["building"] or data["lawmaker"].office_building
            data["room"] = data["room"] or data["lawmaker"].office_room
            data["line_host"] = LineHost.OURS
        else:
            data["building"], data["room"] = "", ""
            if make_room and not data["join_url"]:
                data["join_url"] = own_room_new().url
            if not want_huddle:
                data["huddle_url"] = ""
            elif not data["huddle_url"]:
                data["huddle_url"] = own_room_new(prefix="huddle").url
        return {
            **data,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(minutes=minutes),
            "minutes": minutes,
        }


class StatusForm(SafeForm):
    status = forms.ChoiceField(choices=Meeting._meta.get_field("status").choices)


class CapacityForm(SafeForm):
    seats = forms.IntegerField(min_value=1, max_value=50)
    reserved_for_constituents = forms.IntegerField(
        min_value=0, max_value=50, label="Kept for constituents"
    )
    reserved_for_first_timers = forms.IntegerField(
        min_value=0, max_value=50, label="Kept for first-timers"
    )
    signup_closed = forms.BooleanField(required=False, label="Sign-up closed")
    keep = forms.BooleanField(required=False, label="Keep as it is when the day is re-planned")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class RolesForm(SafeForm):
    lead = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Lead", empty_label="Nobody yet"
    )
    note_taker = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Note-taker", empty_label="Nobody yet"
    )

    def __init__(self, *args, people: QuerySet[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = people
        self.fields["note_taker"].queryset = people


class SeatAddForm(SafeForm):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), label="Add a chapter member", empty_label="Choose a person"
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        seated = meeting.seat_set.filter(status__in=(SeatStatus.CONFIRMED, SeatStatus.WAITLISTED))
        self.fields["user"].queryset = (
            User.objects.filter(memberships__chapter=meeting.chapter_id)
            .exclude(pk__in=seated.values("user_id"))
            .order_by("last_name", "first_name", "email")
        )


class SeatMoveForm(SafeForm):
    to_meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), label="Move to")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_meeting"].queryset = (
            Meeting.objects.filter(
                event=meeting.event_id,
                chapter=meeting.chapter_id,
                status__in=ACTIVE_MEETING_STATUSES,
            )
            .exclude(pk=meeting.pk)
            .select_related("lawmaker")
            .order_by("starts_at")
        )
        self.fields["to_meeting"].label_from_instance = lambda other: (
            f"{meeting.event.local(other.starts_at):%-I:%M %p} · {other.lawmaker} "
            f"({other.seats_taken}/{other.seats})"
        )
