"""How-it-works explainers: steps, glossary, related events, reading grade, step-by-step sidebar."""


def test_demo_explainers_are_plain_language(demo_page):
    index = demo_page("how-it-works")
    processes = [page.specific for page in index.get_children().live()]
    assert {page.slug for page in processes} == {
        "zoning-variance",
        "city-budget",
        "testify-at-a-public-hearing",
        "after-you-report-a-problem",
    }
    for page in processes:
        assert page.reading_grade is not None and page.reading_grade <= 8, page.title


def test_process_page_renders_steps_glossary_and_related_events(client, make_event):
    make_event("Budget listening night", topics="budget")
    html = client.get("/en/how-it-works/city-budget/").content.decode()
    assert html.count('class="step-by-step__step"') == 5
    assert "The Mayor proposes a budget" in html and "Who decides" in html
    assert "Your say" in html and "How long it usually takes" in html
    assert "<summary>What does “levy” mean?</summary>" in html
    assert "<dfn>levy</dfn>" in html
    assert "Budget listening night" in html
    assert "Reading level: US school grade" in html


def test_and_or_steps_share_a_number(client, db):
    html = client.get("/en/how-it-works/testify-at-a-public-hearing/").content.decode()
    # Step 2 is "send written comments" OR "speak in person".
    assert html.count('class="step-by-step__step"') == 3
    assert '<p class="step-by-step__joiner">or</p>' in html


def test_spanish_explainer_title_and_glossary(client, db):
    html = client.get("/es/how-it-works/zoning-variance/").content.decode()
    assert "Cómo se decide una variación de zonificación" in html
    assert "variación" in html and "Qué pasa" in html


def test_reading_grade_in_api(client, demo_page):
    page = demo_page("how-it-works/zoning-variance")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert float(data["reading_grade"]) <= 8
    assert data["steps"][0]["value"]["title"] == "Talk to zoning staff"


def test_content_page_shows_its_place_in_the_process(client, db):
    html = client.get("/en/services/").content.decode()
    assert "Part of a step by step" in html
    assert "What happens after you report a problem" in html
    assert "/en/how-it-works/after-you-report-a-problem/#step-1" in html
    assert "Part of a step by step" not in client.get("/en/about/").content.decode()
