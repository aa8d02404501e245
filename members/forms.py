from django import forms

from common.forms import SafeForm, SafeModelForm
from members.models import PolicyIssue, PracticeArea, Profile, User


class SignupNamesForm(SafeForm):
    """Extra fields on allauth's sign-up form."""

    first_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(SafeModelForm):
    """A member's own profile; the name lives on the account and is edited here too."""

    first_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
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

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.order_fields(["first_name", "last_name"])
