"""Demo service topics (English, translated into Spanish) and demo open-data rows.

Idempotent: topics are found by slug and updated; the demo rows (keys ``demo-…``) are
replaced on each run so their dates stay within the last 90 days.
"""

import datetime as dt
import random

from django.utils import timezone

from wagtail.models import Locale

from cms.demo.loader import translate, upsert_child
from cms.models import ContactPoint
from engagement.demo import services as data
from engagement.intake.demo_open311 import EXAMPLE_REQUEST_ID
from engagement.models import ProcessPage, ServiceIndexPage, ServiceRequestRecord, ServiceTopicPage

DEMO_KEY_PREFIX = "demo-"
EXPLAINER_SLUG = "after-you-report-a-problem"


def city_line(locale):
    """The directory's information and complaint line: topics that use it show its details."""
    return ContactPoint.objects.filter(
        locale=locale, phone=data.CITY_LINE, audience=ContactPoint.PUBLIC
    ).first()


def load_topics(index, home, stdout):
    explainer = ProcessPage.objects.filter(locale=home.locale, slug=EXPLAINER_SLUG).first()
    line = city_line(home.locale)
    topics = []
    for slug, title, category, description, synonyms, fields in data.TOPICS:
        fields = dict(fields)
        fields["explainer"] = explainer if fields.pop("explainer", False) else None
        if line is not None and fields.get("intake_phone") == data.CITY_LINE:
            # One number in one place: the topic shows the directory's line, counter and email.
            fields.update(contact_point=line, intake_phone="", intake_email="", walk_in="")
        topics.append(
            upsert_child(
                index,
                ServiceTopicPage,
                slug,
                title=title,
                category=category,
                description=description,
                synonyms=synonyms,
                **fields,
            )
        )
    stdout.write(f"  {len(topics)} service topics")
    return topics


def load_requests(stdout, seed=22132):
    """A few hundred rows in the last 85 days, each district with its own mix of types."""
    ServiceRequestRecord.objects.filter(source_key__startswith=DEMO_KEY_PREFIX).delete()
    rng = random.Random(seed)  # noqa: S311 - demo numbers, not security
    now = timezone.now()
    rows = []
    for number in range(data.DEMO_ROWS):
        district = number % 17 + 1
        weights = [
            weight + (district * (i + 3)) % 5
            for i, (_t, _d, weight) in enumerate(data.REQUEST_TYPES)
        ]
        request_type, description, _weight = rng.choices(data.REQUEST_TYPES, weights)[0]
        rows.append(
            ServiceRequestRecord(
                source_key=f"{DEMO_KEY_PREFIX}{number}",
                requested_at=now - dt.timedelta(minutes=rng.randint(60, 85 * 24 * 60)),
                request_type=request_type,
                request_description=description,
                district=district,
                ward=(district - 1) // 3 + 1,
            )
        )
    ServiceRequestRecord.objects.bulk_create(rows)
    stdout.write(f"  {len(rows)} demo service requests (open-data stand-in)")


def load(home, stdout):
    index = ServiceIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        stdout.write("  no services index page: service topics skipped (load into a new database)")
    else:
        topics = load_topics(index, home, stdout)
        spanish = Locale.objects.filter(language_code="es").first()
        if spanish is not None:
            for topic in topics:
                translate(topic, spanish, data.SPANISH)
            stdout.write("  service topics translated into Spanish")
    load_requests(stdout)
    stdout.write(
        f"  Track a request: try the request number {EXAMPLE_REQUEST_ID} at /en/services/track/ "
        "(answered by the built-in demo stand-in when OPEN311_DEMO=1, the default of make demo)"
    )
