from django import forms
from localflavor.us.forms import USStateSelect

from common.forms import SafeForm
from lawmakers import selectors
from lawmakers.models import Chamber, Level


class DirectoryFilterForm(SafeForm):
    q = forms.CharField(label="Name", required=False, max_length=100)
    state = forms.CharField(label="State", required=False, widget=USStateSelect)
    level = forms.ChoiceField(label="Level", required=False, choices=[("", "All"), *Level.choices])
    chamber = forms.ChoiceField(
        label="Chamber", required=False, choices=[("", "All"), *Chamber.choices]
    )
    party = forms.ChoiceField(label="Party", required=False)
    committee = forms.ModelChoiceField(
        label="Committee",
        required=False,
        queryset=selectors.committees_for_filter(),
        empty_label="All",
    )
    former = forms.BooleanField(label="Include former lawmakers", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [("", "All")] + [(p, p) for p in selectors.parties()]
        self.fields["state"].widget.choices = [("", "All"), *self.fields["state"].widget.choices]

    def clean_state(self):
        state = self.cleaned_data["state"].upper()
        valid = {code for code, _ in self.fields["state"].widget.choices}
        if state and state not in valid:
            raise forms.ValidationError("Choose a state from the list.")
        return state
