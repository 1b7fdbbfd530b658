"""Move the start of each repeating event to the first date its rule gives.

Before the start was checked against the rule, a series could start on a day the rule
never gives (e.g. a Tuesday that is not the second of the month with BYDAY=+2TU), which
iCalendar clients show as an extra meeting. The occurrence table never had that date, so
only the start and end fields change.
"""

from django.db import migrations


def move_starts(apps, schema_editor):
    from engagement.recurrence import first_occurrence

    EventPage = apps.get_model("engagement", "EventPage")
    for event in EventPage.objects.exclude(recurrence=""):
        first = first_occurrence(event.start, event.recurrence)
        if first is None or first == event.start:
            continue
        length = event.end - event.start
        EventPage.objects.filter(pk=event.pk).update(start=first, end=first + length)


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0003_occurrence_live"),
    ]

    operations = [migrations.RunPython(move_starts, migrations.RunPython.noop)]
