"""Fixed query ceilings for every page and endpoint whose query count is tested.

The N-versus-2N checks beside them catch a count that grows with content; these catch a
constant blow-up (a page that suddenly costs 10 more queries whatever the content). Each is
the count measured on 2026-12-03 (SQLite, demo content, caches warm) and is never raised to
make a test pass. No public page may need more than ``PAGE_CEILING`` queries and no API
call more than ``API_CEILING`` (``tests/cms/test_page_budgets.py`` checks the table too);
the figure in each comment is the count before the speed work, where it was measured.
"""

PAGE_CEILING = 15
API_CEILING = 12

BUDGETS = {
    # cms
    "pages API listing": 7,  # /api/v2/pages/?type=cms.ContentPage&child_of=…, 15 pages (33)
    "pages API listing of councils": 7,  # ?type=…DistrictCouncilPage&locale=es&fields=* (51)
    "page detail API": 11,  # /api/v2/pages/<council>/ (21)
    "content page": 11,  # a content page eight levels deep (46, then 41)
    "contacts API": 2,  # /api/v2/contacts/?locale=es, 15 contacts
    "glossary API": 2,  # /api/v2/glossary/?locale=es, 15 more terms
    "redirects API": 2,  # /api/v2/redirects/, 15 redirects to one page
    "navigation API": 0,  # /api/v2/navigation/, three page links (6): cached per language
    "footer API": 0,  # /api/v2/footer/?locale=es: cached per language
    "site settings API": 2,  # /api/v2/site-settings/
    "translation freshness rows": 12,  # every page and snippet in Spanish, 15 more pages
    # district_councils
    "council index": 11,  # /en/district-councils/, 40 councils (31)
    "council index with a point lookup": 11,  # the same with ?lat=&lon= (31)
    "council page": 15,  # with 200 updates, 10 a page, and its requests chart (36 before)
    "council update": 11,  # an update page
    "home page": 14,  # /en/ with council updates in the teaser (40 before; 50 in the issue)
    "home page (es)": 15,  # /es/ (58–60 in the issue)
    "home page (hmn)": 15,  # /hmn/, an untranslated alias of the English home page
    "council feed": 11,  # a council's updates feed, 30 updates
    "district councils API": 6,  # /api/v2/district-councils/ (25)
    # engagement
    "events list": 12,  # /en/events/?topic=housing, 30 events, a third weekly (31)
    "events month": 11,  # /en/events/month/ (30)
    "events archive": 12,  # /en/events/past/
    "event page": 12,  # a recurring event and its upcoming occurrences
    "event flyer": 12,  # the event's printable flyer
    "explainer": 15,  # a how-it-works page with its glossary terms
    "events calendar feed": 10,  # /en/events/calendar.ics (11)
    "events API": 6,  # /api/v2/events/?topic=housing
    "services index": 12,  # /en/services/, 23 demo topics and 20 more (26)
    "service topics API": 3,  # /api/v2/service-topics/, the same topics
    "service requests API": 2,  # /api/v2/service-requests/?district=1, 30 more types
    # search
    "search results page": 15,  # /en/search/?q=… on the database backend, 10 results (38)
    "search API": 9,  # /api/v2/search/?q=… (13: a query per page type among the results)
}

# Admin views: editors' pages, outside the public promise above, with ceilings of their own.
ADMIN_BUDGETS = {
    "page feedback report (three views)": 46,  # per page, per owner, every answer; an editor
}


# Pages only signed-in readers see (the staff hub, read as City staff). Signing in costs
# queries no public page pays: the session, the user, their groups (for Wagtail's view
# restriction and for cms.visibility), the restriction and its groups, and the user's
# permissions for the editing bar: 8 (the staff guide, a content page, is 19 signed in
# where a public content page is 11). Measured on 2026-12-03 like the rest.
SIGNED_IN_BUDGETS = {
    "staff hub": 22,  # /es/staff/, 12 answers, 3 top 10s and the rest (and 12 more)
    "staff training library": 18,  # /en/staff/training-library/, 3 presentations and 10 more
    "staff top 10": 22,  # /es/staff/top-10-public-works/, 10 topics
    "staff list": 22,  # /es/staff/customer-service-staff/, 5 departments
    "staff guidance": 26,  # /es/staff/rental-repairs/, 2 contact cards, a service topic
}


def assert_within_budget(name, count):
    for budgets in (BUDGETS, ADMIN_BUDGETS, SIGNED_IN_BUDGETS):
        if name in budgets:
            budget = budgets[name]
            break
    else:
        raise KeyError(name)
    assert count <= budget, f"{name}: {count} queries, over its budget of {budget}"
