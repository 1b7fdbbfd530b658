"""Reading grades by the established formula of each language, checked against the
textbook formulas worked out by hand on fixed passages."""

import pytest

from cms.readability import (
    english_syllables,
    has_formula,
    measure,
    reading_grade,
    spanish_syllables,
)

ENGLISH = (
    "Residents can apply for a permit online. The city reviews each application within ten days."
)
SPANISH = "El ayuntamiento revisa cada solicitud en diez días. Puede pedir ayuda por teléfono."


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("table", 2),
        ("budget", 2),
        ("hearing", 2),
        ("neighbors", 2),
        ("council", 2),
        ("jumped", 1),
        ("decided", 3),
        ("online", 2),
        ("application", 4),
    ],
)
def test_english_syllable_counts(word, count):
    assert english_syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("ayuntamiento", 5),  # a-yun-ta-mien-to: "ie" is a diphthong
        ("días", 2),  # dí-as: an accented í breaks the diphthong
        ("diez", 1),
        ("teléfono", 4),
        ("leer", 2),  # le-er: two strong vowels never share a syllable
        ("que", 1),  # the u of "qu" is silent
        ("guerra", 2),
        ("ciudad", 2),
    ],
)
def test_spanish_syllable_counts(word, count):
    assert spanish_syllables(word) == count


def test_english_is_flesch_kincaid_worked_by_hand():
    # Counted by hand: 2 sentences, 15 words; syllables 3+1+2+1+1+2+2 and 1+2+2+1+4+2+1+1.
    words, sentences, syllables = 15, 2, 26
    expected = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
    assert round(expected, 1) == 7.8
    reading = measure(ENGLISH, "en")
    assert reading.formula == "Flesch–Kincaid"
    assert reading.words == 15
    assert reading.grade == round(expected, 1)


def test_spanish_is_fernandez_huerta_worked_by_hand():
    # Counted by hand: 2 sentences, 13 words; syllables 1+5+3+2+4+1+1+2 and 2+2+3+1+4.
    words, sentences, syllables = 13, 2, 31
    ease = 206.84 - 60 * syllables / words - 1.02 * words / sentences
    assert 50 <= ease < 60  # "fairly difficult" in Fernández Huerta's table
    reading = measure(SPANISH, "es")
    assert reading.formula == "Fernández Huerta"
    assert reading.score == round(ease, 1)
    assert reading.grade == 10
    # The English formula would give another number for the same text.
    assert measure(SPANISH, "en").grade != reading.grade


def test_languages_without_a_formula_get_no_grade():
    assert not has_formula("hmn") and not has_formula("so") and not has_formula("ksw")
    assert measure("Tuaj koom lub rooj sib tham. Peb yuav tham txog lub nroog.", "hmn") is None
    assert has_formula("en") and has_formula("es")


def test_reading_grade_tells_simple_from_complex_text():
    simple = "The cat sat on the mat. We go to the park. It is fun."
    complex_text = (
        "Notwithstanding the aforementioned administrative determinations, "
        "municipal authorities subsequently promulgated comprehensive regulatory "
        "modifications necessitating extraordinary interdepartmental coordination."
    )
    assert reading_grade(simple) < 3
    assert reading_grade(complex_text) > 16
    assert reading_grade("") is None
    assert reading_grade("<p>The cat sat.</p>") == reading_grade("The cat sat.")
