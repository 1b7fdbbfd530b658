"""Loads the demo staff hub (``engagement.demo.staff``) under the English home page, behind a
City staff view restriction, and translates it into Spanish. Idempotent: pages are found by
slug, documents by title, and the restriction is set, not added."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms.demo.loader import stream, translate, upsert_child
from cms.models import ContactPoint, ContentPage, Department
from cms.roles import CITY_COMMUNICATIONS, CITY_STAFF
from engagement.demo import staff as data
from engagement.models import (
    GuidancePage,
    ServiceTopicPage,
    StaffHubPage,
    StaffListPage,
    TopTopicsPage,
    TrainingLibraryPage,
)
from search.pdf import simple_pdf


def _days_ago(days):
    return timezone.localdate() - dt.timedelta(days=days)


def restrict_to_staff(page):
    """City staff and City communications (administrators pass every restriction)."""
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[CITY_STAFF, CITY_COMMUNICATIONS]))


def staff_collection(name):
    """``Staff documents`` (restricted to City staff) and the collection ``name`` in it."""
    root = Collection.get_first_root_node()
    staff = root.get_children().filter(name="Staff documents").first() or root.add_child(
        name="Staff documents"
    )
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=staff, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=CITY_STAFF))
    return staff.get_children().filter(name=name).first() or staff.add_child(name=name)


def load_presentations(collection):
    model = get_document_model()
    for title, lines in data.PRESENTATIONS:
        if model.objects.filter(title=title).exists():
            continue
        document = model(title=title, collection=collection)
        document.file.save(f"{slugify(title)[:50]}.pdf", ContentFile(simple_pdf(lines)), save=False)
        document.save()


def remove_old_staff_guide():
    """The staff guide used to sit under About; it lives in the hub now."""
    for page in Page.objects.filter(url_path__endswith="/about/staff-guide/").order_by("-depth"):
        page.delete()


def load(home, stdout):
    english = home.locale
    departments = {item.slug: item for item in Department.objects.filter(locale=english)}
    contacts = {item.name: item for item in ContactPoint.objects.filter(locale=english)}
    topics = {item.slug: item for item in ServiceTopicPage.objects.filter(locale=english)}

    hub = upsert_child(
        home,
        StaffHubPage,
        data.HUB["slug"],
        title=data.HUB["title"],
        intro=data.HUB["intro"],
        show_in_menus=False,
        last_reviewed=_days_ago(10),
    )
    restrict_to_staff(hub)
    remove_old_staff_guide()
    pages = [hub]
    guide = data.STAFF_GUIDE
    pages.append(
        upsert_child(
            hub,
            ContentPage,
            guide["slug"],
            title=guide["title"],
            intro=guide["intro"],
            body=stream(guide["body"], contacts),
            show_in_menus=False,
        )
    )
    guidance = {}
    for slug, question, short, answer, owners, points, topic_slugs, days in data.GUIDANCE:
        guidance[slug] = upsert_child(
            hub,
            GuidancePage,
            slug,
            title=question,
            question=question,
            short_answer=short,
            answer=[("paragraph", RichText(answer))],
            departments=[("item", departments[name]) for name in owners],
            contact_points=[("item", contacts[name]) for name in points],
            service_topics=[("item", topics[name]) for name in topic_slugs if name in topics],
            owner_department=departments[owners[0]],
            content_contact=contacts[points[0]],
            last_reviewed=_days_ago(days),
        )
    pages.extend(guidance.values())
    for department, title, days, items in data.TOP_TOPICS:
        entries = []
        for topic_title, target in items:
            answer = topics.get(target[6:]) if target.startswith("topic:") else guidance.get(target)
            entries.append(("topic", {"title": topic_title, "summary": "", "answer": answer}))
        pages.append(
            upsert_child(
                hub,
                TopTopicsPage,
                f"top-10-{department}",
                title=title,
                department=departments[department],
                topics=entries,
                owner_department=departments[department],
                last_reviewed=_days_ago(days),
            )
        )
    staff_list = data.STAFF_LIST
    entries = [
        ("entry", {**entry, "department": departments[entry["department"]], "email": ""})
        for entry in staff_list["entries"]
    ]
    pages.append(
        upsert_child(
            hub,
            StaffListPage,
            staff_list["slug"],
            title=staff_list["title"],
            intro=staff_list["intro"],
            entries=entries,
            last_reviewed=_days_ago(staff_list["days_since_review"]),
        )
    )
    collection = staff_collection(data.LIBRARY["collection"])
    load_presentations(collection)
    pages.append(
        upsert_child(
            hub,
            TrainingLibraryPage,
            data.LIBRARY["slug"],
            title=data.LIBRARY["title"],
            intro=data.LIBRARY["intro"],
            collection=collection,
            last_reviewed=_days_ago(50),
        )
    )
    stdout.write(
        f"  staff hub: {len(guidance)} guidance answers, {len(data.TOP_TOPICS)} top 10 pages, "
        f"the staff list and {len(data.PRESENTATIONS)} training presentations"
    )
    spanish = Locale.objects.filter(language_code="es").first()
    if spanish is not None:
        for page in pages:
            translate(page, spanish, data.SPANISH)
        stdout.write("  staff hub translated into Spanish")
