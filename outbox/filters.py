import django_filters
from django.db.models import Q

from common.forms import SafeFilterSet
from outbox.models import Email, EmailState


class OutboxFilter(SafeFilterSet):
    q = django_filters.CharFilter(method="search", label="Recipient or subject")
    state = django_filters.ChoiceFilter(choices=EmailState.choices, empty_label="Any state")
    kind = django_filters.CharFilter(lookup_expr="startswith", label="Kind")

    class Meta:
        model = Email
        fields = ["q", "state", "kind"]

    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(to__icontains=word) | Q(subject__icontains=word) | Q(topic=word)
            )
        return queryset
