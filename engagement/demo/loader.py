"""Demo events, council board meetings and how-it-works explainers for Saint Paul.

Idempotent: pages are found by slug and updated. Event dates are set relative
to the day the demo is loaded so the site always has upcoming events.
"""

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Locale

from cms.demo.loader import translate, upsert_child
from district_councils.models import DistrictCouncilIndexPage, DistrictCouncilPage
from engagement.demo import events as event_data
from engagement.demo import explainers as explainer_data
from engagement.models import EventIndexPage, EventPage, GlossaryTerm, ProcessIndexPage, ProcessPage
from engagement.recurrence import city_zone, first_occurrence

BASE = Path(settings.BASE_DIR)
# The shared data folder sits beside the checkout (or beside the worktrees folder).
COUNCILS_JSON = [
    folder / "shared" / "data" / "district_councils.json"
    for folder in (BASE.parent, BASE.parent.parent)
]


def _council_data():
    for path in COUNCILS_JSON:
        if path.exists():
            return json.loads(path.read_text())
    return []


def ensure_councils(home, stdout):
    """Council pages to hang meetings under; the councils app normally creates them."""
    existing = DistrictCouncilPage.objects.filter(locale=home.locale)
    if existing.exists():
        return {page.district_number: page for page in existing}
    index = DistrictCouncilIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        return {}
    stdout.write("  creating minimal district council pages for their meetings")
    pages = {}
    for council in _council_data():
        pages[council["number"]] = upsert_child(
            index,
            DistrictCouncilPage,
            slugify(council["name"]),
            title=council["name"],
            district_number=council["number"],
        )
    return pages


def _at(days, hour, minute=0):
    zone = city_zone()
    day = dt.datetime.now(zone).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), zone)


def load_board_meetings(councils, stdout):
    zone = city_zone()
    today = dt.datetime.now(zone).date()
    series_start = today.replace(day=1) - dt.timedelta(days=62)
    count = 0
    for number, page in sorted(councils.items()):
        schedule = event_data.BOARD_SCHEDULES[(number - 1) % len(event_data.BOARD_SCHEDULES)]
        # The series starts on its first real meeting, a date the rule gives.
        start = first_occurrence(
            dt.datetime.combine(series_start.replace(day=1), schedule["time"], zone),
            schedule["rule"],
        )
        changes = []
        if number == 1:
            # The next meeting is cancelled, to show how a one-off change looks.
            upcoming = EventPage(
                start=start, end=start + dt.timedelta(hours=2), recurrence=schedule["rule"]
            ).expand()
            next_one = next(occ for occ in upcoming if occ.start.date() > today)
            changes.append(
                (
                    "change",
                    {
                        "original_date": next_one.start.date(),
                        "status": "cancelled",
                        "reason": "No quorum expected during the holiday week. Next meeting as usual.",
                        "new_start": None,
                        "new_end": None,
                    },
                )
            )
        fields = {
            "title": f"{page.title} board meeting",
            "summary": (
                f"The monthly board meeting of {page.title}. Neighbors are welcome to listen "
                "and speak during the open forum. Demo schedule: check the council's own "
                "website for the actual dates."
            ),
            "start": start,
            "end": start + dt.timedelta(hours=2),
            "recurrence": schedule["rule"],
            "recurrence_description": schedule["description"],
            "skipped_dates": "",
            "occurrence_changes": changes,
            "status": "scheduled",
            "status_reason": "",
            "format": "hybrid",
            "venue_name": f"{page.title} office (demo location)",
            "address": "Saint Paul, MN",
            "online_url": "https://www.stpaul.gov/",
            "step_free_access": True,
            "languages_spoken": "en",
            "interpretation": schedule["interpretation"],
            "accommodations": "Ask the council office for interpretation or other "
            "accommodations at least one week before the meeting.",
            "topics": "neighborhood,land-use",
        }
        upsert_child(page, EventPage, "board-meeting", **fields)
        count += 1
    stdout.write(f"  {count} recurring district council board meetings")


def load_city_events(index, stdout):
    for spec in event_data.CITY_EVENTS:
        spec = dict(spec)
        slug = spec.pop("slug")
        days, hour, minute, length = spec.pop("when")
        start = _at(days, hour, minute)
        spec.setdefault("status", "scheduled")
        spec.setdefault("status_reason", "")
        upsert_child(
            index, EventPage, slug, start=start, end=start + dt.timedelta(minutes=length), **spec
        )
    stdout.write(f"  {len(event_data.CITY_EVENTS)} city engagement events")


def load_glossary(locale):
    terms = {}
    for term, definition in explainer_data.GLOSSARY:
        terms[term], _created = GlossaryTerm.objects.update_or_create(
            term=term, locale=locale, defaults={"definition": definition}
        )
    return terms


def _step(spec, pages):
    return (
        "step",
        {
            "title": spec["title"],
            "what_happens": spec["what"],
            "who_decides": spec.get("who", ""),
            "duration": spec.get("duration", ""),
            "your_say": spec.get("say", ""),
            "actions": spec.get("actions", []),
            "pages": [pages[slug] for slug in spec.get("pages", []) if slug in pages],
            "joined_to_next": spec.get("joined", ""),
        },
    )


def load_explainers(index, home, stdout):
    terms = load_glossary(home.locale)
    pages = {child.slug: child for child in home.get_children().specific()}
    processes = []
    for spec in explainer_data.EXPLAINERS:
        process = upsert_child(
            index,
            ProcessPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            process_owner=spec["owner"],
            topics=spec["topics"],
            steps=[_step(step, pages) for step in spec["steps"]],
            glossary_terms=[("term", terms[name]) for name in spec["glossary"]],
            last_reviewed=dt.date.today(),
        )
        processes.append(process)
        stdout.write(f"  explainer “{process.title}”: reading grade {process.reading_grade}")
    return processes


def load(home, stdout):
    events = EventIndexPage.objects.filter(locale=home.locale).first()
    how = ProcessIndexPage.objects.filter(locale=home.locale).first()
    if events is not None:
        councils = ensure_councils(home, stdout)
        load_board_meetings(councils, stdout)
        load_city_events(events, stdout)
    if how is not None:
        processes = load_explainers(how, home, stdout)
        spanish = Locale.objects.filter(language_code="es").first()
        if spanish is not None:
            for term in GlossaryTerm.objects.filter(locale=home.locale):
                translate(term, spanish, explainer_data.SPANISH)
            for process in processes:
                translate(process, spanish, explainer_data.SPANISH)
            stdout.write("  explainers and glossary translated into Spanish")
