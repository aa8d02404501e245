from django import forms
from django.contrib.auth import password_validation
from localflavor.us.us_states import STATE_CHOICES

from chapters.invitation_csv import MAX_ROWS
from chapters.models import Chapter, Role
from common.forms import SafeForm
from members.forms import person_name_fields

MAX_CSV_BYTES = 2 * 1024 * 1024


class ChapterForm(SafeForm):
    name = forms.CharField(max_length=150)
    slug = forms.SlugField(
        max_length=150,
        required=False,
        help_text="The chapter's address in links; made from the name when left empty.",
    )
    states = forms.MultipleChoiceField(
        choices=STATE_CHOICES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "state-grid"}),
        help_text="The states the chapter covers.",
    )

    def __init__(self, *args, chapter: Chapter | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.chapter = chapter
        if chapter is not None:
            del self.fields["slug"]
            self.initial.setdefault("name", chapter.name)
            self.initial.setdefault("states", chapter.state_codes)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Chapter.objects.filter(name__iexact=name)
        if self.chapter is not None:
            others = others.exclude(pk=self.chapter.pk)
        if others.exists():
            raise forms.ValidationError("Another chapter has this name.")
        return name


class InvitationForm(SafeForm):
    email = forms.EmailField(max_length=254)
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    role = forms.ChoiceField(
        choices=[(Role.MEMBER, "Member"), (Role.LEADER, "Leader")], initial=Role.MEMBER
    )


class InvitationCsvForm(SafeForm):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: email (required), first_name, last_name, role (member or leader). "
            f"Up to {MAX_ROWS} rows. Nothing is created unless every row is right."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Upload a .csv file.")
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; split it.")
        return upload


class RoleForm(SafeForm):
    role = forms.ChoiceField(choices=Role.choices)


class NewAccountForm(SafeForm):
    """Accept an invitation by creating an account; the email comes from the invitation."""

    first_name, last_name = person_name_fields()
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password (again)",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            from members.models import User

            probe = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
