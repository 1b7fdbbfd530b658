"""Who sees which pages and documents (``cms/visibility.py``, the rule every channel asks).

Each test names a person and what they see: the page lists of the site, the pages API,
search and the event lists all come through ``visible_pages``, page URLs through
``is_visible``, document lists through ``visible_documents``.
"""

import datetime as dt

from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

import pytest
import time_machine

from cms import memo, visibility
from cms.models import ContactPoint
from cms.roles import CITY_COMMUNICATIONS, CITY_STAFF, TRANSLATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(db):
    """The groups the rule names (``setup_roles`` gives them their admin rights too, which
    the rule does not read)."""
    for name in (CITY_COMMUNICATIONS, CITY_STAFF, TRANSLATORS):
        Group.objects.get_or_create(name=name)


def restrict(page, kind=PageViewRestriction.GROUPS, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(Group.objects.filter(name__in=groups))
    return restriction


@pytest.fixture
def guidance(roles, add_page, translate):
    """A staff guidance page with a child page and a Spanish translation made before it
    was restricted to City staff, and a public page beside it."""
    page = add_page("Staff guidance")
    child = add_page("Snow emergency checklist", parent=page)
    pages = {
        "page": page,
        "child": child,
        "translation": translate(page),
        "child translation": translate(child),
        "public": add_page("Public notices"),
    }
    restrict(page, groups=[CITY_STAFF])
    return pages


def sees(user, page):
    """Whether ``user`` finds ``page`` in the site's page lists and at its URL (both must
    agree: a page listed but refused, or open but unlisted, is a bug either way)."""
    listed = visibility.visible_pages(user, Page.objects.filter(pk=page.pk)).exists()
    assert visibility.is_visible(user, page) == listed, page.title
    return listed


def test_an_anonymous_visitor_sees_neither_the_staff_page_nor_its_translation(guidance):
    for name in ("page", "child", "translation", "child translation"):
        assert not sees(None, guidance[name]), name
        assert not sees(AnonymousUser(), guidance[name]), name
    assert sees(None, guidance["public"])


def test_city_staff_read_the_page_and_its_translation(guidance, make_user):
    staff = make_user("staff", CITY_STAFF)
    for name in ("page", "child", "translation", "child translation", "public"):
        assert sees(staff, guidance[name]), name


def test_an_editor_outside_the_group_does_not(guidance, make_user):
    translator = make_user("translator", TRANSLATORS)
    nobody = make_user("nobody")
    for user in (translator, nobody):
        assert not sees(user, guidance["translation"])
        assert not sees(user, guidance["child"])
        assert sees(user, guidance["public"])


def test_city_communications_and_superusers_see_every_group_restricted_page(guidance, make_user):
    communications = make_user("communications", CITY_COMMUNICATIONS)
    admin = make_user("admin", is_superuser=True)
    for user in (communications, admin):
        assert sees(user, guidance["translation"])
        assert sees(user, guidance["child translation"])


def test_a_deactivated_staff_member_is_let_in_nowhere(guidance, make_user):
    former = make_user("former", CITY_STAFF, is_active=False)
    assert not sees(former, guidance["page"])
    assert not sees(former, guidance["translation"])


def test_a_sign_in_restriction_lets_in_every_active_signed_in_user(
    roles, add_page, translate, make_user
):
    page = add_page("Volunteer handbook")
    translation = translate(page)
    restrict(page, PageViewRestriction.LOGIN)
    assert not sees(None, translation)
    assert sees(make_user("volunteer"), translation)
    assert not sees(make_user("gone", is_active=False), translation)


def test_password_protected_pages_are_never_listed_for_editors(
    roles, add_page, translate, make_user
):
    page = add_page("Board elections")
    translation = translate(page)
    restrict(page, PageViewRestriction.PASSWORD, password="secret")
    for user in (None, make_user("staff", CITY_STAFF), make_user("comms", CITY_COMMUNICATIONS)):
        assert not sees(user, page)
        assert not sees(user, translation)
    assert sees(make_user("admin", is_superuser=True), translation)


def test_a_restriction_for_another_group_keeps_city_staff_out(roles, add_page, make_user):
    council = Group.objects.create(name="Council 3 board")
    page = add_page("Board minutes drafts")
    restrict(page, groups=[council.name])
    assert not sees(make_user("staff", CITY_STAFF), page)
    assert sees(make_user("board", council), page)


def test_two_sections_hide_both_and_nothing_else(roles, add_page, make_user):
    first, second = add_page("First private"), add_page("Second private")
    inner = add_page("Inner", parent=first)
    public = add_page("Open page")
    restrict(first, PageViewRestriction.LOGIN)
    restrict(inner, groups=[CITY_STAFF])  # nested: still hidden from the public
    restrict(second, groups=[CITY_STAFF])
    listed = set(
        visibility.visible_pages(None, Page.objects.filter(pk__in=[first.pk, second.pk, public.pk]))
    )
    assert listed == {Page.objects.get(pk=public.pk)}
    volunteer = make_user("volunteer")
    assert sees(volunteer, first)
    assert not sees(volunteer, inner)
    assert not sees(volunteer, second)


def test_a_sibling_whose_slug_starts_like_the_private_page_stays_public(roles, add_page):
    private = add_page("Staff")
    restrict(private, groups=[CITY_STAFF])
    # The next sibling's tree path shares no prefix with the private page's subtree.
    sibling = add_page("Staff directory")
    assert sees(None, sibling)


def test_a_restriction_added_or_removed_later_applies_at_once(guidance, add_page, make_user):
    public = guidance["public"]
    assert sees(None, public)  # the sections are now cached
    restriction = restrict(public, PageViewRestriction.LOGIN)
    assert not sees(None, public)
    restriction.delete()
    assert sees(None, public)
    staff_restriction = PageViewRestriction.objects.get(page=guidance["page"])
    staff_restriction.delete()
    assert sees(None, guidance["translation"])


def test_a_page_moved_into_a_private_section_is_hidden_at_once(guidance, add_page):
    page = add_page("Draft policy")
    assert sees(None, page)
    page.move(guidance["page"], pos="last-child")
    page.refresh_from_db()
    assert not sees(None, page)


def test_a_translation_made_after_the_restriction_is_private_at_once(
    roles, add_page, translate, make_user
):
    page = add_page("Emergency contacts")
    restrict(page, groups=[CITY_STAFF])
    assert not sees(None, page)  # the sections are now cached
    translation = translate(page)
    assert not sees(None, translation)
    assert sees(make_user("staff", CITY_STAFF), translation)


def test_a_page_added_below_a_private_page_is_private(guidance, add_page):
    assert not sees(None, guidance["child"])
    later = add_page("Later checklist", parent=guidance["page"])
    assert not sees(None, later)


# --- documents ---------------------------------------------------------------------------


@pytest.fixture
def documents(roles):
    root = Collection.get_first_root_node()
    staff = root.add_child(name="Staff documents")
    inner = staff.add_child(name="Staff forms")
    public = root.add_child(name="Public documents")

    def document(title, collection):
        file = ContentFile(b"%PDF-1.4\n", name=f"{title}.pdf")
        return Document.objects.create(title=title, file=file, collection=collection)

    restriction = CollectionViewRestriction.objects.create(
        collection=staff, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=CITY_STAFF))
    return {
        "staff": document("Payroll guide", staff),
        "inner": document("Leave form", inner),
        "public": document("Budget summary", public),
        "root": document("Annual report", root),
    }


def listed_documents(user, documents):
    ids = [document.pk for document in documents.values()]
    found = visibility.visible_documents(user, Document.objects.filter(pk__in=ids))
    return {name for name, document in documents.items() if document in found}


def test_the_public_sees_public_documents_only(documents, make_user):
    assert listed_documents(None, documents) == {"public", "root"}
    assert listed_documents(make_user("volunteer"), documents) == {"public", "root"}


def test_city_staff_see_the_staff_collection_and_its_sub_collections(documents, make_user):
    staff = make_user("staff", CITY_STAFF)
    assert listed_documents(staff, documents) == {"staff", "inner", "public", "root"}


def test_a_sign_in_collection_opens_to_any_signed_in_user(roles, make_user):
    root = Collection.get_first_root_node()
    members = root.add_child(name="Members")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Members' newsletter",
        file=ContentFile(b"%PDF-1.4\n", name="newsletter.pdf"),
        collection=members,
    )
    only = Document.objects.filter(pk=document.pk)
    assert not visibility.visible_documents(None, only).exists()
    assert visibility.visible_documents(make_user("member"), only).exists()


def test_two_restricted_collections_are_both_kept_from_the_public(documents, make_user):
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board documents")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    documents["board"] = Document.objects.create(
        title="Board agenda", file=ContentFile(b"%PDF-1.4\n", name="agenda.pdf"), collection=board
    )
    assert listed_documents(None, documents) == {"public", "root"}
    assert listed_documents(make_user("member"), documents) == {"public", "root", "board"}
    public_ids = visibility.visible_collection_ids(None)
    assert documents["public"].collection_id in public_ids
    assert documents["staff"].collection_id not in public_ids
    assert board.pk not in public_ids


# --- cost: the rule is asked for every link of every page -------------------------------


def test_the_restrictions_are_read_once_and_kept(guidance, add_page, django_assert_num_queries):
    pages = [add_page(f"Notice {number}") for number in range(5)]
    assert sees(None, guidance["public"])  # reads the restrictions
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    with time_machine.travel(later, tick=False), django_assert_num_queries(0):
        for page in pages + [guidance["translation"]]:
            visibility.is_visible(None, page)
        visibility.hidden_pages_q(None)


def test_reading_the_restrictions_costs_a_fixed_number_of_queries(
    roles, add_page, django_assert_max_num_queries
):
    for number in range(3):
        restrict(add_page(f"Private {number}"), groups=[CITY_STAFF, CITY_COMMUNICATIONS])
    visibility.invalidate()
    restrictions = PageViewRestriction.objects.count()  # the demo's too, in a full run
    # The restrictions with their pages and groups (2), then each section's pages in
    # every language (2 a restriction).
    with django_assert_max_num_queries(2 + 2 * restrictions):
        visibility.restricted_sections()


def test_a_visitor_s_groups_are_read_once(guidance, add_page, make_user, django_assert_num_queries):
    staff = make_user("staff", CITY_STAFF, TRANSLATORS)
    pages = [add_page(f"Notice {number}") for number in range(5)]
    assert sees(None, guidance["public"])  # reads the restrictions
    with django_assert_num_queries(1):  # the visitor's groups, with their names
        visibility.is_visible(staff, guidance["page"])
    with django_assert_num_queries(0):
        for page in pages + [guidance["translation"]]:
            visibility.is_visible(staff, page)


def test_listing_documents_costs_a_fixed_number_of_queries(
    documents, django_assert_max_num_queries
):
    root = Collection.get_first_root_node()
    for number in range(3):
        collection = root.add_child(name=f"Private {number}")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=CITY_STAFF))
    # The restrictions with their collections, their groups, the visible collections.
    with django_assert_max_num_queries(3):
        visibility.visible_collection_ids(None)


# --- within one request: each table is read once, and a change made during it is seen ----


@pytest.fixture
def during_a_request():
    """The per-request memory a served request has (``cms.memo``), for the test's length."""
    memo._begin()
    yield
    memo._end()


def test_one_request_keeps_page_and_collection_restrictions_apart(
    guidance, documents, during_a_request, make_user
):
    assert not sees(None, guidance["page"])
    assert listed_documents(None, documents) == {"public", "root"}
    assert sees(None, guidance["public"])  # both tables now in the request's memory
    assert not sees(None, guidance["translation"])
    staff = make_user("staff", CITY_STAFF)
    assert listed_documents(staff, documents) == {"staff", "inner", "public", "root"}


def test_a_restriction_added_during_a_request_applies_to_the_rest_of_it(
    guidance, documents, during_a_request, add_page
):
    notices = add_page("Notices")
    assert sees(None, notices)
    restrict(notices, groups=[CITY_STAFF])
    assert not sees(None, notices)
    assert "public" in listed_documents(None, documents)
    restriction = CollectionViewRestriction.objects.create(
        collection=documents["public"].collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    assert "public" not in listed_documents(None, documents)
    restriction.delete()
    assert "public" in listed_documents(None, documents)


def test_collection_restrictions_are_read_once_and_kept(documents, django_assert_num_queries):
    assert listed_documents(None, documents) == {"public", "root"}  # reads the restrictions
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    # A day later (past any default cache lifetime) still no query for the restrictions:
    # only the document list itself.
    with time_machine.travel(later, tick=False), django_assert_num_queries(1):
        assert listed_documents(None, documents) == {"public", "root"}


def test_each_visitor_gets_the_collections_they_may_open(documents, make_user):
    staff_collection = documents["staff"].collection_id
    assert staff_collection not in visibility.visible_collection_ids(None)
    assert staff_collection in visibility.visible_collection_ids(make_user("staff", CITY_STAFF))
    assert staff_collection not in visibility.visible_collection_ids(make_user("volunteer"))


# --- staff-only contact points ----------------------------------------------------------


@pytest.fixture
def contact_points(roles):
    return {
        "public": ContactPoint.objects.create(name="Front desk", phone="651-266-8989"),
        "staff": ContactPoint.objects.create(
            name="Payroll help line", phone="651-266-0000", audience=ContactPoint.STAFF
        ),
    }


def reachable(user, points):
    listed = visibility.visible_contact_points(
        user, ContactPoint.objects.filter(pk__in=[point.pk for point in points.values()])
    )
    names = {name for name, point in points.items() if point in listed}
    # One rule for lists and for a contact point already loaded.
    assert names == {
        name for name, point in points.items() if visibility.contact_point_visible(user, point)
    }
    return names


def test_staff_only_lines_reach_city_staff_communications_and_superusers(contact_points, make_user):
    for user in (
        make_user("staff", CITY_STAFF),
        make_user("communications", CITY_COMMUNICATIONS),
        make_user("admin", is_superuser=True),
    ):
        assert reachable(user, contact_points) == {"public", "staff"}, user.username


def test_staff_only_lines_reach_no_one_else(contact_points, make_user):
    for user in (
        None,
        AnonymousUser(),
        make_user("translator", TRANSLATORS),
        make_user("volunteer"),
        make_user("former", CITY_STAFF, is_active=False),
    ):
        assert reachable(user, contact_points) == {"public"}, user
