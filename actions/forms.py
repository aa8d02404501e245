"""Forms of the action centre. Public forms carry a honeypot field people never see."""

from django import forms
from localflavor.us.us_states import US_STATES

from actions.letters import LETTER_FIELDS, OWN_WORDS, OWN_WORDS_MAX
from actions.models import CALL_OUTCOMES, LETTER_OUTCOMES, Campaign, Channel, Outcome
from chapters.models import Chapter
from common.forms import SafeForm, SafeModelForm
from lawmakers.models import Chamber, Committee, Lawmaker, Level

HONEYPOT = "website"
PARTIES = [
    ("Democrat", "Democrats"),
    ("Republican", "Republicans"),
    ("Independent", "Independents"),
]


class HoneypotMixin:
    """A field hidden from people (CSS and aria-hidden); a robot that fills it is refused."""

    def add_honeypot(self):
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label="Leave this empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT):
            # Said above the form: the field itself is out of sight.
            self.add_error(None, "This form could not be accepted.")
        return ""


class HomeForm(HoneypotMixin, SafeForm):
    """Who the person is and where they live (the public; members have their account)."""

    name = forms.CharField(
        max_length=150, label="Your name", widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        max_length=254,
        label="Your email",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    street = forms.CharField(
        max_length=200,
        required=False,
        label="Street address",
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        help_text="For your printed letter's return address; we find your lawmakers "
        "from your ZIP code.",
    )
    city = forms.CharField(max_length=100, required=False, label="Town or city")
    zip_code = forms.CharField(
        max_length=10,
        label="ZIP code",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    consents_to_contact = forms.BooleanField(
        required=False, label="You may contact me about this campaign and what follows it"
    )
    wants_to_join_chapter = forms.BooleanField(
        required=False, label="I would like to hear from the chapter in my state"
    )

    def __init__(self, *args, member=False, **kwargs):
        super().__init__(*args, **kwargs)
        if member:
            for name in ("name", "email", "consents_to_contact", "wants_to_join_chapter"):
                del self.fields[name]
        self.add_honeypot()

    def clean_zip_code(self):
        return self.cleaned_data["zip_code"].strip()


class ChoiceForm(SafeForm):
    """The districts a ZIP code leaves open, and state districts, asked never guessed."""

    def __init__(self, *args, lookup=None, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lookup.needs_state_choice:
            states = dict(US_STATES)
            self.fields["state"] = forms.ChoiceField(
                label="Your state",
                choices=[(s, states.get(s, s)) for s in lookup.states],
                widget=forms.RadioSelect,
            )
        if lookup.needs_district_choice:
            self.fields["district"] = forms.TypedChoiceField(
                label="Your congressional district",
                help_text="Your ZIP code lies in more than one: choose the one you live in "
                "(your voter registration card says it).",
                choices=lookup.district_choices,
                coerce=int,
                widget=forms.RadioSelect,
            )
        constituency = lookup.constituency
        if campaign.level == Level.STATE and constituency.has_state_data:
            self.fields["upper"] = forms.ChoiceField(
                label="Your state senate district",
                choices=[("", "Choose…"), *((d, d) for d in constituency.upper_districts)],
                initial=lookup.home.state_upper_district,
            )
            self.fields["lower"] = forms.ChoiceField(
                label="Your state house district",
                choices=[("", "Choose…"), *((d, d) for d in constituency.lower_districts)],
                initial=lookup.home.state_lower_district,
            )


class OwnWordsForm(SafeForm):
    own_words = forms.CharField(
        required=False,
        max_length=OWN_WORDS_MAX,
        label="In your own words",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["own_words"]
        field.required = campaign.own_words_required
        field.help_text = campaign.own_words_prompt
        field.error_messages["required"] = (
            "Write a few sentences in your own words: offices give a personal letter far "
            "more weight than a form letter."
        )


class LogForm(HoneypotMixin, SafeForm):
    lawmaker = forms.IntegerField()
    channel = forms.ChoiceField(choices=Channel.choices)
    outcome = forms.ChoiceField(choices=Outcome.choices)
    office = forms.IntegerField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()

    def clean(self):
        cleaned = super().clean()
        channel, outcome = cleaned.get("channel"), cleaned.get("outcome")
        if channel and outcome:
            fits = (
                outcome in CALL_OUTCOMES
                if channel in (Channel.CALL_CAPITOL, Channel.CALL_DISTRICT)
                else LETTER_OUTCOMES.get(channel) == outcome
            )
            if not fits:
                raise forms.ValidationError("That outcome does not go with that channel.")
        return cleaned


class ForgetForm(HoneypotMixin, SafeForm):
    email = forms.EmailField(max_length=254, label="The email address you gave us")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()


class CampaignForm(SafeModelForm):
    target_chambers = forms.MultipleChoiceField(
        required=False,
        choices=Chamber.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Chambers",
        help_text="None ticked: both.",
    )
    target_parties = forms.MultipleChoiceField(
        required=False,
        choices=PARTIES,
        widget=forms.CheckboxSelectMultiple,
        label="Parties",
        help_text="None ticked: every party.",
    )

    class Meta:
        model = Campaign
        fields = [
            "title",
            "why",
            "level",
            "state",
            "chapter",
            "event",
            "event_timing",
            "starts_at",
            "ends_at",
            "is_public",
            "target_own",
            "target_chambers",
            "target_parties",
            "target_committees",
            "target_lawmakers",
            "letter_subject",
            "letter_body",
            "own_words_prompt",
            "own_words_required",
            "call_script",
            "allows_outbox_email",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "why": forms.Textarea(attrs={"rows": 6}),
            "letter_body": forms.Textarea(attrs={"rows": 12}),
            "call_script": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, user=None, chapters=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["chapter"].queryset = chapters if chapters is not None else Chapter.objects
        self.fields["chapter"].required = not user.is_staff
        self.fields["chapter"].help_text = (
            "Empty: a national campaign." if user.is_staff else "Your chapter's campaign."
        )
        self.fields["target_committees"].queryset = Committee.objects.filter(
            parent__isnull=True, is_current=True
        )
        self.fields["target_lawmakers"].queryset = Lawmaker.objects.serving().order_by(
            "level", "state", "last_name"
        )
        self.fields["target_lawmakers"].required = False
        self.fields["target_lawmakers"].label_from_instance = lambda lm: (
            f"{lm.seat}: {lm.full_name}"
        )
        self.fields["target_lawmakers"].widget.attrs["size"] = 12
        self.fields["target_committees"].widget.attrs["size"] = 8
        for name in ("letter_subject", "letter_body", "call_script"):
            self.fields[name].validators.append(LETTER_FIELDS.validator)
            self.fields[name].help_text = f"Merge fields: {LETTER_FIELDS.offered}."
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["ends_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean()
        level, state, chapter = (cleaned.get(k) for k in ("level", "state", "chapter"))
        if level == Level.STATE and not state:
            self.add_error("state", "A state campaign names its state's legislature.")
        if level == Level.FEDERAL:
            cleaned["state"] = ""
        if not self.user.is_staff:
            if level != Level.STATE:
                self.add_error(
                    "level", "Chapter leaders make campaigns to their state's legislature."
                )
            elif chapter and state and not chapter.states.filter(state=state).exists():
                self.add_error("state", f"{chapter.name} does not cover {state}.")
        if bool(cleaned.get("event")) != bool(cleaned.get("event_timing")):
            self.add_error(
                "event_timing", "Say whether the campaign comes before or after the day."
            )
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The campaign must end after it starts.")
        body = cleaned.get("letter_body") or ""
        if cleaned.get("own_words_required") and OWN_WORDS not in LETTER_FIELDS.used(body):
            self.add_error(
                "letter_body",
                "The person's own words are required: put {{ own_words }} where they go.",
            )
        if not cleaned.get("target_own") and not cleaned.get("target_lawmakers"):
            self.add_error(
                "target_lawmakers", "Aim at the person's own lawmakers, or name some lawmakers."
            )
        return cleaned
