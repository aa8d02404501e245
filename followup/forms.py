from django import forms

from common.forms import SafeForm, SafeModelForm
from followup.models import ReminderSettings
from followup.thanks import THANK_YOU_FIELDS


class ReminderSettingsForm(SafeModelForm):
    class Meta:
        model = ReminderSettings
        fields = [
            "day_before_at",
            "morning_of_at",
            "minutes_before_meeting",
            "leader_digest_at",
            "report_after_minutes",
            "report_nudge_hours",
            "feedback_at",
        ]
        widgets = {
            name: forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
            for name in ("day_before_at", "morning_of_at", "leader_digest_at", "feedback_at")
        }

    def clean_minutes_before_meeting(self):
        minutes = self.cleaned_data["minutes_before_meeting"]
        if not 5 <= minutes <= 240:
            raise forms.ValidationError("Between 5 and 240 minutes.")
        return minutes

    def clean_report_nudge_hours(self):
        hours = self.cleaned_data["report_nudge_hours"]
        if hours < 1:
            raise forms.ValidationError("At least one hour.")
        return hours


class ThankYouForm(SafeForm):
    to = forms.EmailField(label="To (the office contact)", required=False)
    subject = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 18}))


class LetterTemplateForm(SafeForm):
    subject = forms.CharField(max_length=200, validators=[THANK_YOU_FIELDS.validator])
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20}), validators=[THANK_YOU_FIELDS.validator]
    )


class FeedbackForm(SafeForm):
    rating = forms.TypedChoiceField(
        label="How was the day?",
        coerce=int,
        choices=[(5, "5 · excellent"), (4, "4"), (3, "3"), (2, "2"), (1, "1 · poor")],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label="What should we keep or change?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PreferencesForm(SafeForm):
    optional_email = forms.BooleanField(
        label="Send me optional email (feedback requests, follow-up nudges, leaders' summaries)",
        required=False,
    )
