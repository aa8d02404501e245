from django import forms
from django.utils import timezone

from common.forms import SafeForm, SafeModelForm
from press.models import (
    Clipping,
    MediaAvailability,
    MediaContact,
    OutreachKind,
    PressRelease,
    PublicPage,
    Quote,
)
from press.releases import RELEASE_FIELDS
from press.social import POST_FIELDS


class PageForm(SafeModelForm):
    class Meta:
        model = PublicPage
        fields = ["headline", "summary", "partners", "hashtag"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_hashtag(self):
        tag = self.cleaned_data["hashtag"].strip().lstrip("#")
        if tag and not tag.replace("_", "").isalnum():
            raise forms.ValidationError("A hashtag is letters, digits and _ only, no spaces.")
        return tag


class ReleaseForm(SafeModelForm):
    class Meta:
        model = PressRelease
        fields = ["title", "body", "embargo_until"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18}),
            "embargo_until": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }
        labels = {"title": "Headline", "embargo_until": "Embargo until"}

    def __init__(self, *args, zone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        for name in ("title", "body"):
            self.fields[name].validators.append(RELEASE_FIELDS.validator)
        self.fields[
            "embargo_until"
        ].help_text = f"In the day's time zone ({zone}). Nothing goes to the press before it."
        if self.instance.pk and not self.is_bound and zone is not None:
            self.initial["embargo_until"] = timezone.localtime(
                self.instance.embargo_until, zone
            ).replace(tzinfo=None)

    def clean_embargo_until(self):
        value = self.cleaned_data["embargo_until"]
        if value is not None and self.zone is not None:
            # Typed as the day's wall-clock time, wherever the person reading is.
            value = timezone.make_naive(value).replace(tzinfo=self.zone)
        return value


class ContactForm(SafeModelForm):
    class Meta:
        model = MediaContact
        fields = ["name", "email", "outlet", "beat", "market_state", "language", "is_ethnic_media"]


class ContactImportForm(SafeForm):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: name, email, outlet, and optionally beat, state, language, ethnic_media "
            "(yes/no). Nothing is imported unless every row is right."
        ),
    )


class OutreachForm(SafeForm):
    contact = forms.ModelChoiceField(queryset=MediaContact.objects.none())
    kind = forms.ChoiceField(choices=OutreachKind.choices, label="What happened")
    note = forms.CharField(max_length=500, required=False)

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts


class ClippingForm(SafeModelForm):
    url = forms.URLField(max_length=500, label="Link", assume_scheme="https")

    class Meta:
        model = Clipping
        fields = ["outlet", "published_on", "url", "headline"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}


class SignInPressForm(SafeForm):
    guests = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        label="They agreed on the sign-in sheet to hear from us",
    )

    def __init__(self, *args, guests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"].choices = [
            (str(g.pk), f"{g.full_name} · {g.organisation or 'no outlet'} · {g.email}")
            for g in guests
        ]


class QuoteForm(SafeModelForm):
    consent = forms.BooleanField(
        label="I agree that this quote, with the name above, may be given to the press and "
        "published. I can withdraw it until it is sent."
    )

    class Meta:
        model = Quote
        fields = ["text", "attribution"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
        labels = {"text": "Your quote"}


class AvailabilityForm(SafeModelForm):
    consent = forms.BooleanField(
        label="I agree that national staff and chapter leaders may pass my name and contact "
        "to journalists. It is never shown publicly."
    )

    class Meta:
        model = MediaAvailability
        fields = ["practice_area", "languages", "town"]


class PostForm(SafeForm):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), validators=[POST_FIELDS.validator]
    )


class CardForm(SafeForm):
    show_name = forms.BooleanField(
        required=False, label="Show my name on the card (otherwise it names only the office)"
    )


class RsvpForm(SafeForm):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150, required=False)
    email = forms.EmailField()


class DayPageForm(SafeForm):
    event = forms.ModelChoiceField(queryset=None, label="Day of Action")
    chapter = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="National (the whole day)", label="Chapter"
    )

    def __init__(self, *args, events, chapters, national: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["chapter"].queryset = chapters
        self.national = national
        if not national:
            self.fields["chapter"].required = True
            self.fields["chapter"].empty_label = None

    def clean_chapter(self):
        chapter = self.cleaned_data.get("chapter")
        if chapter is None and not self.national:
            raise forms.ValidationError("Choose your chapter.")
        return chapter


class CoalitionPageForm(SafeForm):
    coalition_event = forms.ModelChoiceField(queryset=None, label="Coalition event")

    def __init__(self, *args, coalition_events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coalition_event"].queryset = coalition_events
