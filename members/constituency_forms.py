from django import forms

from common.forms import SafeForm
from members.constituency import Constituency, district_label


def congressional_district_field(*, required: bool) -> forms.TypedChoiceField:
    """The question a ZIP spanning several districts leaves: which one is yours."""
    return forms.TypedChoiceField(
        label="Your congressional district",
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        help_text="Your ZIP code spans several districts: choose the one you live in.",
        error_messages={"required": "Your ZIP code spans several districts: choose yours."},
    )


class DistrictChoiceForm(SafeForm):
    """The districts a member chooses; only the questions their data leaves open are asked."""

    congressional_district = congressional_district_field(required=False)
    state_upper_district = forms.ChoiceField(label="Your state senate district", required=False)
    state_lower_district = forms.ChoiceField(label="Your state house district", required=False)

    def __init__(self, *args, constituency: Constituency, **kwargs):
        super().__init__(*args, **kwargs)
        self.constituency = constituency
        state = constituency.state
        if len(constituency.candidate_districts) > 1:
            self.fields["congressional_district"].choices = [
                (d, district_label(state, d)) for d in constituency.candidate_districts
            ]
        else:
            del self.fields["congressional_district"]
        if constituency.has_state_data:
            not_chosen = [("", "Not chosen")]
            self.fields["state_upper_district"].choices = not_chosen + [
                (d, d) for d in constituency.upper_districts
            ]
            self.fields["state_lower_district"].choices = not_chosen + [
                (d, d) for d in constituency.lower_districts
            ]
        else:
            del self.fields["state_upper_district"]
            del self.fields["state_lower_district"]

    @property
    def has_questions(self) -> bool:
        return bool(self.fields)
