"""The free-text agenda's timed lines become programme items (everyone attends), read by
the same parser the planner used on the text; other lines stay in the agenda as notes."""

from django.db import migrations

from events.programme import agenda_items


def agenda_into_items(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    ProgrammeItem = apps.get_model("events", "ProgrammeItem")
    items = []
    for event in Event.objects.exclude(agenda="").only("pk", "agenda"):
        if ProgrammeItem.objects.filter(event=event).exists():
            continue
        items += [
            ProgrammeItem(
                event=event, title=item.label[:200], starts=item.starts, ends=item.ends
            )
            for item in agenda_items(event.agenda)
        ]
    ProgrammeItem.objects.bulk_create(items)


class Migration(migrations.Migration):
    dependencies = [("events", "0007_programme_items")]

    operations = [migrations.RunPython(agenda_into_items, migrations.RunPython.noop)]
