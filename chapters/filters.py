import django_filters
from django import forms
from django.db.models import Q
from localflavor.us.us_states import STATE_CHOICES

from chapters.models import Membership, Role
from common.forms import SafeFilterSet
from members.models import PracticeArea


class RosterFilter(SafeFilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    role = django_filters.ChoiceFilter(choices=Role.choices, empty_label="Any role")
    state = django_filters.ChoiceFilter(
        field_name="user__profile__state",
        label="Home state",
        choices=STATE_CHOICES,
        empty_label="Any state",
    )
    practice_area = django_filters.ModelChoiceFilter(
        field_name="user__profile__practice_areas",
        label="Practice area",
        queryset=PracticeArea.objects.all(),
        empty_label="Any practice area",
    )
    first_time = django_filters.BooleanFilter(
        field_name="user__profile__first_time_advocate",
        label="Experience",
        widget=forms.Select(
            choices=[("", "Everyone"), ("true", "First-timers"), ("false", "Experienced")]
        ),
    )

    class Meta:
        model = Membership
        fields = ["q", "role", "state", "practice_area", "first_time"]

    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__email__icontains=word)
                | Q(user__profile__city__icontains=word)
                | Q(user__profile__zip_code__startswith=word)
            )
        return queryset
