"""Demo content for search: pages written first in Hmong, Somali and Karen, synonyms,
promotions and two PDF documents (one public agenda, one staff-only handbook).

The Hmong, Somali and Karen texts were written by the team for the demo and await
review by native speakers, like the interface catalogues.
"""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale
from wagtail_localize.synctree import synchronize_tree

from cms.demo.loader import upsert_child
from cms.models import ContentPage
from cms.roles import CITY_STAFF
from search.models import Synonym
from search.pdf import simple_pdf

ORIGINAL_PAGES = {
    "hmn": {
        "slug": "khib-nyiab",
        "title": "Kev khaws khib nyiab thiab khoom rov siv dua",
        "intro": (
            "Lub nroog khaws khib nyiab ib lub lim tiam ib zaug. Yog tsis tuaj khaws koj cov "
            "khib nyiab, hu rau lub nroog tus xov tooj 651-266-8989 los qhia."
        ),
    },
    "so": {
        "slug": "qashinka",
        "title": "Ururinta qashinka iyo dib-u-warshadaynta",
        "intro": (
            "Magaaladu waxay qashinka ka qaaddaa guryaha toddobaad kasta. Haddii qashinkaaga "
            "aan la qaadin, wac khadka magaalada 651-266-8989."
        ),
    },
    "ksw": {
        "slug": "karen-community",
        "title": "ကညီ ပှၤဒိးသန့ၤ တၢ်မၤစၢၤ",
        "intro": "ဝ့ၢ်စ့ၣ်ပီၤ ကညီ ပှၤဒိးသန့ၤ တၢ်မၤစၢၤ ဒီး ကမျာ် အတၢ်အုၣ်ကီၤ.",
    },
}

SYNONYMS = {
    "en": [
        ("garbage", "trash, 311"),
        ("rubbish", "trash"),
        ("neighborhood council", "district council"),
    ],
    "es": [("desechos", "basura"), ("junta vecinal", "consejo de distrito")],
}

PROMOTIONS = {"pothole": ("services", "en"), "bache": ("services", "es")}

AGENDA = [
    "District 7 Council - Board meeting agenda",
    "1. Welcome and introductions",
    "2. Zoning variance request for 1500 University Avenue",
    "3. Bike lanes on Selby Avenue: presentation by Public Works",
    "4. Community garden grants",
]
STAFF_HANDBOOK = [
    "Staff handbook: snow emergency call routing",
    "During a snow emergency, route plowing complaints to the Street Maintenance",
    "dispatcher roster. Overtime sign-up is on the internal board.",
]


def _document(title, lines, collection):
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is None:
        document = model(title=title, collection=collection)
        document.file.save(
            f"{title[:40].lower().replace(' ', '-')}.pdf",
            ContentFile(simple_pdf(lines)),
            save=False,
        )
        document.save()
    return document


def load_search_demo(home, stdout=None):
    english = home.locale
    for code, spec in ORIGINAL_PAGES.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        synchronize_tree(english, locale)
        local_home = home.get_translation(locale)
        upsert_child(
            local_home, ContentPage, spec["slug"], title=spec["title"], intro=spec["intro"]
        )

    for code, pairs in SYNONYMS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for term, synonyms in pairs:
            Synonym.objects.update_or_create(
                term=term, locale=locale, defaults={"synonyms": synonyms}
            )

    for query_string, (slug, code) in PROMOTIONS.items():
        locale_home = (
            home
            if code == english.language_code
            else home.get_translation(Locale.objects.get(language_code=code))
        )
        page = locale_home.get_children().filter(slug=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        SearchPromotion.objects.get_or_create(query=query, page=page, defaults={"sort_order": 0})

    root = Collection.get_first_root_node()
    public = root.get_children().filter(name="Meeting documents").first() or root.add_child(
        name="Meeting documents"
    )
    staff = root.get_children().filter(name="Staff documents").first() or root.add_child(
        name="Staff documents"
    )
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=staff, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=CITY_STAFF))
    _document("District 7 Council board meeting agenda", AGENDA, public)
    _document("Staff handbook: snow emergency call routing", STAFF_HANDBOOK, staff)
