"""Demo content: Saint Paul's 17 district councils from the shared data files.

Names, numbers, area names, neighborhoods, websites and boundaries are real
(see the data's SOURCES.md). Anything else shown on the demo pages (meeting
times, ways to get involved, updates) is example text and says so.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms.demo.loader import create_demo_user, publish, translate, upsert_child
from district_councils.models import (
    CouncilUpdatePage,
    DistrictCouncilIndexPage,
    DistrictCouncilPage,
)
from district_councils.permissions import editors_group_name, setup_council_permissions

# Copies of the shared Saint Paul data files; data/SOURCES.md says where they come from.
DATA_DIR = Path(__file__).resolve().parent / "data"

DEMO_MEETINGS = (
    "<p><b>Demo data.</b> Board meetings are open to everyone. Check the council's website for "
    "the current schedule, place and how to join online.</p>"
)
DEMO_GET_INVOLVED = [
    (
        "committee",
        "Join a committee",
        "<p><b>Demo data.</b> Committees on land use, transportation and the environment welcome "
        "neighbors; ask the council how to join.</p>",
    ),
    (
        "board",
        "Run for the board",
        "<p><b>Demo data.</b> Residents, renters and business owners in the district can stand "
        "for the board at the council's annual election.</p>",
    ),
    (
        "volunteer",
        "Volunteer",
        "<p><b>Demo data.</b> Help with clean-ups, events and outreach to neighbors.</p>",
    ),
]
DEMO_UPDATES = {
    1: [
        (
            "demo-board-election",
            "Demo update: board elections this spring",
            datetime.date(2026, 10, 20),
            "This is demo content. How to stand for the board and vote.",
            ["Board", "Elections"],
        ),
        (
            "demo-park-clean-up",
            "Demo update: park clean-up day",
            datetime.date(2026, 10, 5),
            "This is demo content. Neighbors meet to clean up a park.",
            ["Parks", "Volunteering"],
        ),
    ],
    17: [
        (
            "demo-downtown-plan",
            "Demo update: comments invited on a downtown plan",
            datetime.date(2026, 10, 28),
            "This is demo content. Share your views on a plan.",
            ["Land use"],
        ),
    ],
}
# An update written first in Hmong, then translated into English.
HMONG_FIRST = {
    "council": 5,
    "slug": "piv-txwv-kev-nyab-xeeb",
    "date": datetime.date(2026, 11, 2),
    "title": "Piv txwv: Lub rooj sib tham txog kev nyab xeeb hauv zej zog",
    "summary": (
        "Qhov no yog cov ntaub ntawv piv txwv xwb. Cov neeg nyob ze raug caw tuaj qhia lawv cov "
        "kev xav txog kev nyab xeeb ntawm txoj kev."
    ),
    "topic": "Kev nyab xeeb",
    "english": {
        "Piv txwv: Lub rooj sib tham txog kev nyab xeeb hauv zej zog": (
            "Demo update: community safety meeting"
        ),
        (
            "Qhov no yog cov ntaub ntawv piv txwv xwb. Cov neeg nyob ze raug caw tuaj qhia "
            "lawv cov kev xav txog kev nyab xeeb ntawm txoj kev."
        ): (
            "This is demo content only. Neighbors are invited to share their views on street "
            "safety."
        ),
        "Kev nyab xeeb": "Safety",
    },
}
# Council 17 in Spanish, through wagtail-localize.
SPANISH_COUNCIL = 17
DEMO_EDITORS = {"council1-editor": 1, "council17-editor": 17}


def load_data():
    councils = json.loads((DATA_DIR / "district_councils.json").read_text(encoding="utf-8"))
    features = json.loads(
        (DATA_DIR / "saint_paul_district_councils.geojson").read_text(encoding="utf-8")
    )["features"]
    boundaries = {feature["properties"]["district"]: feature["geometry"] for feature in features}
    return councils, boundaries


def intro_for(data):
    return (
        f"{data['name']} is the district council for District {data['number']}, "
        f"{data['area_name']}."
    )


def council_fields(data, boundary):
    return {
        "title": data["name"],
        "district_number": data["number"],
        "area_name": data["area_name"],
        "intro": intro_for(data),
        "neighborhoods": [("neighborhood", name) for name in data["neighborhoods"]],
        "boundary": boundary,
        "website": data["website"] or "",
        "meetings": DEMO_MEETINGS,
        "get_involved": [
            ("way", {"kind": kind, "heading": heading, "text": text})
            for kind, heading, text in DEMO_GET_INVOLVED
        ],
        "is_demo_data": True,
    }


def load_councils(home, stdout):
    stdout.write("District councils: 17 councils from the shared Saint Paul data")
    index = home.get_children().type(DistrictCouncilIndexPage).first()
    if index is None:
        index = upsert_child(
            home, DistrictCouncilIndexPage, "district-councils", title="District councils"
        )
    index = index.specific
    councils, boundaries = load_data()
    pages = {}
    for data in sorted(councils, key=lambda data: data["number"]):
        page = upsert_child(
            index,
            DistrictCouncilPage,
            slugify(data["name"]),
            **council_fields(data, boundaries[data["geojson_district"]]),
        )
        pages[data["number"]] = page
        stdout.write(f"  District {data['number']}: {data['name']}")

    stdout.write("District councils: demo updates")
    for number, updates in DEMO_UPDATES.items():
        for slug, title, date, summary, topics in updates:
            upsert_child(
                pages[number],
                CouncilUpdatePage,
                slug,
                title=title,
                date=date,
                summary=summary,
                body=[("paragraph", f"<p>{summary}</p>")],
                topics=[("topic", topic) for topic in topics],
            )

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    default = locales[settings.LANGUAGE_CODE]
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE:
            synchronize_tree(default, locale)

    if "hmn" in locales:
        stdout.write("District councils: an update written in Hmong, translated into English")
        hmong_council = pages[HMONG_FIRST["council"]].get_translation(locales["hmn"])
        update = upsert_child(
            hmong_council,
            CouncilUpdatePage,
            HMONG_FIRST["slug"],
            title=HMONG_FIRST["title"],
            date=HMONG_FIRST["date"],
            summary=HMONG_FIRST["summary"],
            body=[("paragraph", f"<p>{HMONG_FIRST['summary']}</p>")],
            topics=[("topic", HMONG_FIRST["topic"])],
        )
        translate(update, default, HMONG_FIRST["english"])

    if "es" in locales:
        stdout.write("District councils: a council page in Spanish")
        council = pages[SPANISH_COUNCIL]
        data = next(data for data in councils if data["number"] == SPANISH_COUNCIL)
        translate(
            council,
            locales["es"],
            {
                intro_for(data): f"{data['name']} es el consejo del Distrito {data['number']}, "
                "el centro de Saint Paul.",
                "Downtown": "Centro",
                "Downtown Saint Paul": "Centro de Saint Paul",
                "Join a committee": "Únase a un comité",
                "Run for the board": "Preséntese a la junta directiva",
                "Volunteer": "Sea voluntario",
            },
        )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                synchronize_tree(default, locale)

    stdout.write("District councils: editing rights, collections and the profile workflow")
    setup_council_permissions(stdout=stdout)
    create_demo_editors(pages, stdout)
    publish(index)


def create_demo_editors(pages, stdout):
    for username, number in DEMO_EDITORS.items():
        create_demo_user(username, group_names=[editors_group_name(pages[number])])
        stdout.write(f"  Demo editor {username}: {pages[number].title}")
