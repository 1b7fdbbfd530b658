"""What a visitor sees on /<lang>/search/, on the database backend and on OpenSearch."""

import re

from django.utils import translation

from wagtail.models import Page

import pytest

from search.models import Synonym

pytestmark = pytest.mark.django_db


def results_html(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return [
        re.sub(r"<[^>]+>", "", title).strip()
        for title in re.findall(r'<h2 class="search-result__title">(.*?)</h2>', html, re.S)
    ]


def test_english_search_finds_the_district_councils_first(client, search_backend):
    titles = result_titles(results_html(client, "en", "district council"))
    assert titles[0] == "District councils"


def test_spanish_search_finds_spanish_pages_only(client, search_backend):
    html = results_html(client, "es", "consejos de distrito")
    titles = result_titles(html)
    assert "Consejos de distrito" in titles[:3]
    assert "District councils" not in titles


def test_hmong_page_is_found_from_the_hmong_site(client, search_backend):
    html = results_html(client, "hmn", "khib nyiab")
    assert result_titles(html)[0] == "Kev khaws khib nyiab thiab khoom rov siv dua"
    assert "search-other-languages" not in html


def test_hmong_page_is_offered_and_labelled_from_the_english_site(client, search_backend):
    html = results_html(client, "en", "khib nyiab")
    assert "Kev khaws khib nyiab thiab khoom rov siv dua" in result_titles(html)
    assert "Nothing was found in your language" in html
    result = html[html.index('class="search-result search-result--page"') :]
    assert "In Hmong" in result.split("</li>")[0]
    assert '<div lang="hmn" dir="ltr">' in result.split("</li>")[0]
    assert 'href="/en/search/click/?q=khib+nyiab&amp;pos=1&amp;to=%2Fhmn%2Fkhib-nyiab%2F"' in html


def test_somali_and_karen_pages_are_found_in_their_languages(client, search_backend):
    somali = results_html(client, "so", "qashinka")
    assert result_titles(somali)[0] == "Ururinta qashinka iyo dib-u-warshadaynta"
    karen = results_html(client, "ksw", "ပှၤဒိးသန့ၤ")
    assert result_titles(karen)[0] == "ကညီ ပှၤဒိးသန့ၤ တၢ်မၤစၢၤ"


def test_accents_are_optional(client, search_backend):
    html = results_html(client, "es", "telefono")
    assert "Acerca de este portal" in result_titles(html)


def test_snippets_highlight_the_words_and_escape_content(
    client, search_backend, demo_page, refresh_search
):
    html = results_html(client, "en", "trash pickup")
    assert "<mark>trash</mark> <mark>pickup</mark>" in html
    services = demo_page("services")
    original = services.intro
    services.intro = "Trash pickup <script>alert(1)</script> for homes with 2 < 3 bins & carts"
    services.save_revision().publish()
    refresh_search()
    try:
        html = results_html(client, "en", "trash pickup")
        assert "<script>alert(1)</script>" not in html
        assert "2 &lt; 3 bins &amp; carts" in html
    finally:  # the engine's index outlives the test's rolled-back transaction
        services.intro = original
        services.save_revision().publish()


def test_facets_by_content_type_filter_the_results(client, search_backend):
    html = results_html(client, "en", "district")
    assert "Type of content" in html
    facets = dict(re.findall(r'type=([\w.]+)"[^>]*>([^<]+)<span', html))
    assert "district_councils.districtcouncilindexpage" in facets
    assert facets["district_councils.districtcouncilindexpage"].strip() == (
        "District council index page"
    )
    assert "wagtaildocs.document" in facets
    filtered = results_html(client, "en", "district", type="wagtaildocs.document")
    assert result_titles(filtered) == ["District 7 Council board meeting agenda"]


def test_document_text_is_searchable(client, search_backend):
    html = results_html(client, "en", "zoning variance")
    assert "District 7 Council board meeting agenda" in result_titles(html)[:3]
    assert "<mark>Zoning</mark> <mark>variance</mark>" in html
    assert "to=%2Fdocuments%2F" in html


def test_contacts_are_results(client, search_backend):
    html = results_html(client, "en", "complaint line")
    assert "City information and complaint line" in result_titles(html)
    assert "651-266-8989" in html


def test_editors_synonyms_expand_the_query(client, search_backend, locales):
    assert "Get help from the city" in result_titles(results_html(client, "en", "garbage"))
    assert result_titles(results_html(client, "en", "refuse")) == []
    Synonym.objects.create(term="refuse", synonyms="trash", locale=locales["en"])
    assert "Get help from the city" in result_titles(results_html(client, "en", "refuse"))


def test_promoted_results_come_first_in_the_visitors_language(client, search_backend):
    html = results_html(client, "en", "Pothole")
    promoted = html[html.index("search-promotions") : html.index("</section>")]
    assert "Get help from the city" in promoted
    spanish = results_html(client, "es", "bache")
    assert "Obtenga ayuda de la ciudad" in spanish[spanish.index("search-promotions") :]


def test_misspelling_still_finds_the_page(client, search_backend):
    assert "District councils" in result_titles(results_html(client, "en", "distrcit councils"))


def test_results_are_paginated(client, search_backend, demo_page, refresh_search):
    parent = demo_page("about")
    from cms.models import ContentPage

    for number in range(12):
        parent.add_child(
            instance=ContentPage(
                title=f"Snow removal notice {number}",
                slug=f"snow-notice-{number}",
                intro="Snow removal and parking rules this winter.",
            )
        )
    refresh_search()
    try:
        first = results_html(client, "en", "snow removal")
        assert len(result_titles(first)) == 10
        assert 'aria-current="page"' in first and 'rel="next"' in first
        second = results_html(client, "en", "snow removal", page=2)
        assert len(result_titles(second)) >= 2
        assert set(result_titles(first)).isdisjoint(result_titles(second))
    finally:
        for page in Page.objects.filter(slug__startswith="snow-notice-"):
            page.delete()


def test_interface_is_in_the_visitors_language(client, search_backend):
    html = results_html(client, "es", "consejos")
    with translation.override("es"):
        assert translation.gettext("Type of content") in html
    assert "Type of content" not in html
