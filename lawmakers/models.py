"""Lawmakers: members of Congress and of state legislatures, from public data.

Reference data only: the importers write it, pages read it. A lawmaker who
leaves office is kept with `is_serving=False`, because meetings refer to
lawmakers and history must survive a change of seat.

Who serves is one rule, `serving_q` (the queryset's `serving()`, a lawmaker's
`in_office`): still in the published data, and the term has not ended. The
data lags a resignation or a term's end; the date does not.
"""

import datetime

from django.db import models
from django.utils import timezone
from localflavor.us.models import USStateField


class Level(models.TextChoices):
    FEDERAL = "federal", "Congress"
    STATE = "state", "State legislature"


class Chamber(models.TextChoices):
    # Congress and state legislatures both have an upper and a lower chamber;
    # `Lawmaker.chamber_name` gives the local name (Assembly in California).
    UPPER = "upper", "Senate"
    LOWER = "lower", "House"


class CapitolSide(models.TextChoices):
    SENATE = "senate", "Senate side"
    HOUSE = "house", "House side"


class Building(models.TextChoices):
    """The buildings the office parsers recognise, by code.

    The code is what lawmakers, committees and meetings store; which campus a
    building belongs to, its group and the walking minutes between buildings
    are data (`CampusBuilding`, `WalkingTime`) that staff edit. The names stay
    here so that every page can name a meeting's place without a query.
    """

    RUSSELL = "russell", "Russell Senate Office Building"
    DIRKSEN = "dirksen", "Dirksen Senate Office Building"
    HART = "hart", "Hart Senate Office Building"
    CANNON = "cannon", "Cannon House Office Building"
    LONGWORTH = "longworth", "Longworth House Office Building"
    RAYBURN = "rayburn", "Rayburn House Office Building"
    FORD = "ford", "Ford House Office Building"
    CAPITOL = "capitol", "U.S. Capitol"
    TN_CAPITOL = "tn-capitol", "Tennessee State Capitol"
    TN_CORDELL_HULL = "tn-cordell-hull", "Cordell Hull Building"
    MA_STATE_HOUSE = "ma-state-house", "Massachusetts State House"
    CA_CAPITOL = "ca-capitol", "California State Capitol"
    CA_CAPITOL_ANNEX = "ca-capitol-annex", "Capitol Annex"
    CA_O_STREET = "ca-1021-o-street", "1021 O Street (the Annex swing space)"
    CA_N_STREET = "ca-1020-n-street", "Legislative Office Building, 1020 N Street"
    MN_CAPITOL = "mn-capitol", "Minnesota State Capitol"
    MN_SENATE = "mn-senate-building", "Minnesota Senate Building"
    MN_STATE_OFFICE = "mn-state-office", "State Office Building"
    MN_CENTENNIAL = "mn-centennial", "Centennial Office Building"


def serving_q(*, on: datetime.date | None = None, through: str = "") -> models.Q:
    """Lawmakers serving on a day (today by default): in the data, their term not ended.

    `through` names the relation from another model ("lawmaker" for a meeting or a
    committee seat), so every query asks the same question.
    """
    on = on or timezone.localdate()
    prefix = f"{through}__" if through else ""
    return models.Q(**{f"{prefix}is_serving": True}) & (
        models.Q(**{f"{prefix}term_end__isnull": True})
        | models.Q(**{f"{prefix}term_end__gte": on})
    )


class LawmakerQuerySet(models.QuerySet):
    def serving(self, *, on: datetime.date | None = None):
        return self.filter(serving_q(on=on))

    def not_serving(self, *, on: datetime.date | None = None):
        return self.exclude(serving_q(on=on))


class Lawmaker(models.Model):
    public_id = models.CharField(
        max_length=64,
        unique=True,
        help_text="Bioguide id for Congress, Open States person id for state legislators.",
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    chamber = models.CharField(max_length=10, choices=Chamber.choices)
    state = USStateField()
    district = models.CharField(
        max_length=60,
        blank=True,
        help_text="Empty for US senators; 0 is an at-large House seat; "
        "state districts are text such as 62A or 2nd Barnstable.",
    )
    is_voting = models.BooleanField(
        default=True, help_text="False for the House's non-voting delegates (DC, PR, territories)."
    )
    party = models.CharField(max_length=60, blank=True)
    first_name = models.CharField(max_length=100, blank=True)
    middle_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    suffix = models.CharField(max_length=20, blank=True)
    nickname = models.CharField(max_length=100, blank=True)
    full_name = models.CharField(max_length=200)
    term_start = models.DateField(null=True, blank=True)
    term_end = models.DateField(null=True, blank=True)
    senate_class = models.PositiveSmallIntegerField(null=True, blank=True)
    is_appointed = models.BooleanField(default=False)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    website = models.URLField(max_length=300, blank=True)
    contact_form = models.URLField(max_length=300, blank=True)
    office_raw = models.CharField("capitol office (as published)", max_length=300, blank=True)
    office_building = models.CharField(max_length=20, choices=Building.choices, blank=True)
    office_room = models.CharField(max_length=20, blank=True)
    capitol_side = models.CharField(max_length=10, choices=CapitolSide.choices, blank=True)
    mailing_address = models.CharField(max_length=300, blank=True)
    social = models.JSONField(default=dict, blank=True)
    # Still in the published data. Whether they serve also asks the term's end:
    # `Lawmaker.objects.serving()` and `in_office`, never this field alone.
    is_serving = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LawmakerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "public_id"]
        indexes = [
            models.Index(fields=["level", "state", "chamber", "district"]),
            models.Index(fields=["is_serving", "last_name"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values), name="lawmakers_level_known"
            ),
            models.CheckConstraint(
                condition=models.Q(chamber__in=Chamber.values), name="lawmakers_chamber_known"
            ),
        ]

    def __str__(self):
        return self.full_name

    def serves_on(self, day: datetime.date) -> bool:
        """`serving_q` for one lawmaker already loaded (no query)."""
        return self.is_serving and (self.term_end is None or self.term_end >= day)

    @property
    def in_office(self) -> bool:
        return self.serves_on(timezone.localdate())

    @property
    def term_ended(self) -> bool:
        """Still in the data, but the term's end has passed (the data lags)."""
        return self.term_end is not None and self.term_end < timezone.localdate()

    @property
    def chamber_name(self) -> str:
        if self.level == Level.FEDERAL:
            return "Senate" if self.chamber == Chamber.UPPER else "House"
        if self.chamber == Chamber.LOWER and self.state == "CA":
            return "Assembly"
        return self.get_chamber_display()

    @property
    def title(self) -> str:
        if self.level == Level.FEDERAL:
            if self.chamber == Chamber.UPPER:
                return "Senator"
            return "Representative" if self.is_voting else "Delegate"
        return "State senator" if self.chamber == Chamber.UPPER else "State representative"

    @property
    def seat(self) -> str:
        """Where the seat is, e.g. "MN-5", "MN at-large", "MN Senate", "MN House 62A"."""
        if self.level == Level.FEDERAL:
            if self.chamber == Chamber.UPPER:
                return f"{self.state} Senate"
            return (
                f"{self.state} at-large"
                if self.district == "0"
                else f"{self.state}-{self.district}"
            )
        return f"{self.state} {self.chamber_name} {self.district}"


class DistrictOffice(models.Model):
    lawmaker = models.ForeignKey(
        Lawmaker, on_delete=models.CASCADE, related_name="district_offices"
    )
    source_id = models.CharField(max_length=120, unique=True)
    address = models.CharField(max_length=300, blank=True)
    suite = models.CharField(max_length=100, blank=True)
    building = models.CharField(max_length=150, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    fax = models.CharField(max_length=40, blank=True)
    hours = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["lawmaker", "city", "source_id"]

    def __str__(self):
        return f"{self.lawmaker}: {self.city or self.address}"


class CommitteeKind(models.TextChoices):
    HOUSE = "house", "House"
    SENATE = "senate", "Senate"
    JOINT = "joint", "Joint"


class Committee(models.Model):
    """A committee of Congress, or a subcommittee when it has a parent."""

    code = models.CharField(max_length=12, unique=True, help_text="Thomas id, e.g. HSJU or HSJU01")
    name = models.CharField(max_length=250)
    kind = models.CharField(max_length=10, choices=CommitteeKind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="subcommittees"
    )
    url = models.URLField(max_length=300, blank=True)
    address_raw = models.CharField(max_length=300, blank=True)
    office_building = models.CharField(max_length=20, choices=Building.choices, blank=True)
    office_room = models.CharField(max_length=20, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    jurisdiction = models.TextField(blank=True)
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name}: {self.name}"
        return self.name


class CommitteeSeat(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="seats")
    lawmaker = models.ForeignKey(
        Lawmaker, on_delete=models.CASCADE, related_name="committee_seats"
    )
    side = models.CharField(max_length=10, blank=True, help_text="majority or minority")
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=60, blank=True, help_text="Chair, Ranking Member …")
    chamber = models.CharField(max_length=10, blank=True, help_text="On joint committees.")

    class Meta:
        ordering = ["committee", "side", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "lawmaker"], name="lawmakers_seat_once"),
        ]

    def __str__(self):
        return f"{self.lawmaker} on {self.committee}"


class ZipDistrict(models.Model):
    """One row of the ZCTA to congressional district table (a ZCTA may have several)."""

    zcta = models.CharField(max_length=5)
    state = USStateField()
    district = models.PositiveSmallIntegerField(help_text="0 is at-large or a delegate's seat.")

    class Meta:
        ordering = ["zcta", "state", "district"]
        indexes = [models.Index(fields=["zcta"])]
        constraints = [
            models.UniqueConstraint(
                fields=["zcta", "state", "district"], name="lawmakers_zip_district_once"
            ),
        ]

    def __str__(self):
        return f"{self.zcta} → {self.state}-{self.district}"


class Campus(models.Model):
    """Where a Day of Action walks: the U.S. Capitol complex, or one state's capitol."""

    level = models.CharField(max_length=10, choices=Level.choices)
    state = USStateField(blank=True, help_text="Empty for the U.S. Capitol complex.")
    name = models.CharField(max_length=120)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the walking minutes come from (estimates to check on the ground).",
    )

    class Meta:
        ordering = ["level", "state"]
        constraints = [
            models.UniqueConstraint(fields=["level", "state"], name="lawmakers_one_campus_each"),
            models.CheckConstraint(
                condition=models.Q(level=Level.FEDERAL, state="")
                | models.Q(level=Level.STATE) & ~models.Q(state=""),
                name="lawmakers_campus_state_for_state_level_only",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def key(self) -> str:
        """The campus in a URL: "us" for the U.S. Capitol, else the state's code in lower case."""
        return "us" if self.level == Level.FEDERAL else self.state.lower()


class CampusBuilding(models.Model):
    """A building of a campus and its group (a side or wing: buildings near one another)."""

    campus = models.ForeignKey(Campus, on_delete=models.CASCADE, related_name="buildings")
    code = models.CharField(max_length=20, unique=True, choices=Building.choices)
    name = models.CharField(max_length=120)
    group = models.CharField(
        max_length=60,
        help_text="Buildings in one group are a short walk apart (the event's same-side gap); "
        "walking between groups takes the event's across-sides gap.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["campus", "position", "name"]

    def __str__(self):
        return self.name


class WalkingTime(models.Model):
    """Minutes to walk between two buildings of a campus, either way.

    A pair with a row uses these minutes instead of the event's same-side or
    across-sides gap; a pair without one uses the gap its groups give.
    """

    from_building = models.ForeignKey(
        CampusBuilding, on_delete=models.CASCADE, to_field="code", related_name="walks"
    )
    to_building = models.ForeignKey(
        CampusBuilding, on_delete=models.CASCADE, to_field="code", related_name="+"
    )
    minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty: the gap the buildings' groups give."
    )

    class Meta:
        ordering = ["from_building", "to_building"]
        constraints = [
            # Stored once per pair, the codes in order, so "either way" is one row.
            models.CheckConstraint(
                condition=models.Q(from_building__lt=models.F("to_building")),
                name="lawmakers_walk_pair_in_order",
            ),
            models.UniqueConstraint(
                fields=["from_building", "to_building"], name="lawmakers_walk_once"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__lte=120), name="lawmakers_walk_at_most_two_hours"
            ),
        ]

    def __str__(self):
        return f"{self.from_building_id} ↔ {self.to_building_id}: {self.minutes} min"
