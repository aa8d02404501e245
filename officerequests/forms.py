from django import forms

from common.forms import SafeForm, SafeModelForm
from common.join_links import JoinLinkField
from officerequests.letters import LETTER_FIELDS
from officerequests.models import Answer, OfficeContact, RequestTemplate


class ContactForm(SafeModelForm):
    class Meta:
        model = OfficeContact
        fields = ["role", "name", "title", "email", "phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class TemplateForm(SafeModelForm):
    class Meta:
        model = RequestTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("subject", "body"):
            self.fields[name].validators.append(LETTER_FIELDS.validator)


class ResendForm(SafeForm):
    confirm = forms.BooleanField(
        label="Send the request again", help_text="The office receives the letter a second time."
    )


class ReplyForm(SafeForm):
    """What an office answers (through its link, or a leader recording a call or an email)."""

    answer = forms.ChoiceField(choices=Answer.choices, widget=forms.RadioSelect)
    new_time = forms.TimeField(
        label="Another time that day",
        required=False,
        help_text="For 'Proposed another time', e.g. 2:30 PM.",
        input_formats=["%H:%M", "%I:%M %p", "%I:%M%p", "%I %p"],
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    staff_name = forms.CharField(
        label="The staffer's name",
        max_length=150,
        required=False,
        help_text="For 'Meeting with staff'.",
    )
    join_url = JoinLinkField(
        label="Your video link",
        help_text="For 'By video or phone', if you send the link (https); else we send ours.",
    )

    def clean(self):
        data = super().clean()
        answer = data.get("answer")
        if answer == Answer.OTHER_TIME and not data.get("new_time"):
            self.add_error("new_time", "Say which time suits the office.")
        if answer == Answer.STAFF and not data.get("staff_name", "").strip():
            self.add_error("staff_name", "Name the staffer we will meet.")
        if data.get("join_url") and answer != Answer.VIDEO:
            self.add_error("join_url", "A video link goes with 'By video or phone'.")
        return data
