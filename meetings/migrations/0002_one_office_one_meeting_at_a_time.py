"""One office, one meeting at a time, held by PostgreSQL itself.

The lawmaker column is compared with `=` inside a GiST index, which needs the
btree_gist extension. On SQLite (the demo) neither the extension nor the
constraint is created: see common/constraints.py.
"""

from django.db import migrations, models

import common.constraints


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        common.constraints.BtreeGistOnPostgres(),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=common.constraints.PostgresExclusionConstraint(
                condition=models.Q(("status__in", ("requested", "scheduled", "confirmed", "held"))),
                expressions=[
                    ("lawmaker", "="),
                    (common.constraints.TsTzRange("starts_at", "ends_at"), "&&"),
                ],
                name="meetings_one_office_one_meeting_at_a_time",
            ),
        ),
    ]
