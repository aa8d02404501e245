"""Write parsed rows to one table: create what is new, update only what changed.

Everything is compared in memory first, so an unchanged re-run reads each
table once and writes nothing.
"""

from collections.abc import Callable, Hashable, Iterable

from django.db import models
from django.utils import timezone

from lawmakers.importers.summary import Counts

BATCH = 1000


def sync_rows(
    *,
    model: type[models.Model],
    existing: Iterable[models.Model],
    key_of: Callable[[models.Model], Hashable],
    rows: dict[Hashable, dict],
    fields: list[str],
    counts: Counts,
) -> list[models.Model]:
    """Make the table hold `rows`; return the existing objects that `rows` no longer has."""
    by_key = {key_of(obj): obj for obj in existing}
    to_create, to_update, changed = [], [], set()
    for key, row in rows.items():
        obj = by_key.pop(key, None)
        if obj is None:
            to_create.append(model(**{name: row[name] for name in fields}))
            continue
        differ = [name for name in fields if getattr(obj, name) != row[name]]
        if differ:
            for name in differ:
                setattr(obj, name, row[name])
            to_update.append(obj)
            changed.update(differ)
        else:
            counts.unchanged += 1
    if to_create:
        model.objects.bulk_create(to_create, batch_size=BATCH)
        counts.created += len(to_create)
    if to_update:
        update_fields = sorted(changed)
        if any(f.name == "updated_at" for f in model._meta.fields):
            now = timezone.now()
            for obj in to_update:
                obj.updated_at = now
            update_fields.append("updated_at")
        model.objects.bulk_update(to_update, update_fields, batch_size=BATCH // 2)
        counts.updated += len(to_update)
    return list(by_key.values())


def delete_missing(model: type[models.Model], missing: list[models.Model], counts: Counts) -> None:
    ids = [obj.pk for obj in missing]
    for start in range(0, len(ids), BATCH):
        model.objects.filter(pk__in=ids[start : start + BATCH]).delete()
    counts.removed += len(ids)
