from django import forms

from common.forms import SafeForm


class ZipForm(SafeForm):
    zip = forms.CharField(
        label="Your ZIP code",
        max_length=10,
        help_text="Where you live or vote: five digits, such as 55401.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
