from django import forms

from common.forms import SafeForm, SafeModelForm
from common.local_times import zone_clean
from members.constituency import district_label, zip_check
from members.constituency_forms import congressional_district_field
from members.models import PolicyIssue, PracticeArea, Profile, User
from members.time_zones import zone_choices, zone_for_state, zones_for_state


def person_name_fields() -> tuple[forms.CharField, forms.CharField]:
    """The first and last name of an account, as every form that asks for them has them."""
    return (
        forms.CharField(
            max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
        ),
        forms.CharField(
            max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
        ),
    )


class SignupNamesForm(SafeForm):
    """Extra fields on allauth's sign-up form."""

    first_name, last_name = person_name_fields()

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(SafeModelForm):
    """A member's own profile; the name lives on the account and is edited here too."""

    first_name, last_name = person_name_fields()
    practice_areas = forms.ModelMultipleChoiceField(
        queryset=PracticeArea.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    policy_issues = forms.ModelMultipleChoiceField(
        label="Issues I care about",
        queryset=PolicyIssue.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "phone",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "zip_code",
            "time_zone",
            "practice_areas",
            "years_of_practice",
            "first_time_advocate",
            "policy_issues",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "address_line1": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "address_line2": forms.TextInput(attrs={"autocomplete": "address-line2"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "zip_code": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric"}
            ),
        }
        help_texts = {"zip_code": "Your home ZIP code tells us who your lawmakers are."}

    congressional_district = congressional_district_field(required=True)
    keep_unknown_zip = forms.BooleanField(
        label="Keep this ZIP code anyway", required=False, initial=False
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.order_fields(["first_name", "last_name"])
        self._ask_about_the_zip()
        self._offer_time_zones()

    def _offer_time_zones(self) -> None:
        state, _ = self._home()
        choices = [("", "The zone of my state")] if zone_for_state(state) else []
        field = self.fields["time_zone"]
        field.widget = forms.Select(choices=[*choices, *zone_choices(state)])
        if len(zones_for_state(state)) > 1:
            field.help_text = "Your state spans more than one time zone: choose yours."

    def clean_time_zone(self):
        value = (self.cleaned_data.get("time_zone") or "").strip()
        return zone_clean(value) if value else ""

    def _home(self) -> tuple[str, str]:
        if self.is_bound:
            return (
                (self.data.get(self.add_prefix("state")) or "").strip().upper(),
                (self.data.get(self.add_prefix("zip_code")) or "").strip(),
            )
        return self.instance.state, self.instance.zip_code

    def _ask_about_the_zip(self) -> None:
        """Ask the district here when the ZIP spans several; offer to keep an unknown ZIP."""
        state, zip_code = self._home()
        self.zip_check = zip_check(state=state, zip_code=zip_code)
        districts = self.zip_check.districts
        if len(districts) > 1:
            field = self.fields["congressional_district"]
            field.choices = [(d, district_label(state, d)) for d in districts]
            if self.instance.congressional_district in districts:
                self.initial.setdefault(
                    "congressional_district", self.instance.congressional_district
                )
        else:
            del self.fields["congressional_district"]
        if not (self.is_bound and self.zip_check.unknown):
            del self.fields["keep_unknown_zip"]

    def clean(self):
        data = super().clean()
        problem, unknown = self.zip_check.problem, self.zip_check.unknown
        if problem and not (unknown and data.get("keep_unknown_zip")) and "zip_code" in data:
            self.add_error("zip_code", problem)
        if "congressional_district" not in self.fields:
            # One district or none: nothing to choose, and an old choice no longer applies.
            data["congressional_district"] = None
        data.pop("keep_unknown_zip", None)
        state = data.get("state") or ""
        if "time_zone" in data and not data["time_zone"] and len(zones_for_state(state)) > 1:
            self.add_error(
                "time_zone",
                "Your state spans more than one time zone: choose the one you live in.",
            )
        return data
