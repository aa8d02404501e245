"""Whom we met may stay empty in a draft; a filed report always says."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0003_export_jobs'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='meetingreport',
            name='reports_met_with_known',
        ),
        migrations.AlterField(
            model_name='meetingreport',
            name='met_with',
            field=models.CharField(blank=True, choices=[('lawmaker', 'The lawmaker'), ('staff', 'Staff'), ('both', 'The lawmaker and staff')], default='staff', max_length=10, verbose_name='whom we met'),
        ),
        migrations.AddConstraint(
            model_name='meetingreport',
            constraint=models.CheckConstraint(condition=models.Q(('met_with__in', ['lawmaker', 'staff', 'both']), models.Q(('met_with', ''), ('status', 'draft')), _connector='OR'), name='reports_met_with_known'),
        ),
    ]
