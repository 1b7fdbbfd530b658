"""How hard a text is to read, by the established formula for its language.

- **English**: Flesch–Kincaid grade level,
  ``0.39 × words/sentences + 11.8 × syllables/words − 15.59``: the US school grade.
- **Spanish**: Fernández Huerta reading ease (Flesch's ease rescaled for Spanish, in its
  corrected form ``206.84 − 60 × syllables/words − 1.02 × words/sentences``), turned into a
  school grade with Fernández Huerta's own table (70–80 "6th grade", 60–70 "7th–8th" …).
- **Other languages**: no established formula, so no number: a wrong grade would mislead
  an editor more than none.

Syllables are counted by rule: English by vowel groups (a silent final "e" does not count,
"-le" after a consonant does), which is within a syllable on almost all common words;
Spanish by vowel groups too, split where two strong vowels (a, e, o) or an accented í/ú
meet, which is how Spanish syllables are taught. Enough to tell grade 6 text from grade 12.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags

_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|:\s*\n")

_ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_ENGLISH_VOWELS = re.compile(r"[aeiouy]+")

_SPANISH_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_SPANISH_VOWELS = re.compile(r"[aeiouáéíóúü]+")
_STRONG = set("aeoáéó")
_ACCENTED_WEAK = set("íú")

# Fernández Huerta's table: lowest ease of each band, and the school grade it names.
FERNANDEZ_HUERTA_GRADES = [(90, 4), (80, 5), (70, 6), (60, 8), (50, 10), (30, 13)]
FERNANDEZ_HUERTA_HARDEST = 16


def english_syllables(word):
    word = word.lower().replace("’", "'")
    word = word.split("'")[0] if word.endswith(("'s", "'t", "'ll", "'re", "'ve", "'d")) else word
    if len(word) <= 3:
        return 1
    count = len(_ENGLISH_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(count, 1)


def spanish_syllables(word):
    """Vowel nuclei of a Spanish word: a diphthong is one, a hiatus two.

    "u" after q, or after g before e/i, is silent ("que", "guitarra").
    """
    word = re.sub(r"(?<=[qg])u(?=[eéií])", "", word.lower())
    count = 0
    for group in _SPANISH_VOWELS.findall(word):
        count += 1
        for previous, current in zip(group, group[1:], strict=False):
            strong_pair = previous in _STRONG and current in _STRONG
            if strong_pair or previous in _ACCENTED_WEAK or current in _ACCENTED_WEAK:
                count += 1  # hiatus: a new syllable starts at this vowel
    return max(count, 1)


@dataclass(frozen=True)
class Statistics:
    words: int
    sentences: int
    syllables: int


def text_statistics(text, word_pattern, count_syllables):
    text = strip_tags(text or "")
    words = word_pattern.findall(text)
    sentences = [part for part in _SENTENCE_END.split(text) if word_pattern.search(part)]
    return Statistics(
        words=len(words),
        sentences=max(len(sentences), 1) if words else 0,
        syllables=sum(count_syllables(word) for word in words),
    )


@dataclass(frozen=True)
class Reading:
    """A measured text: the US school grade it needs, and the formula's own score."""

    grade: float
    score: float
    formula: str
    words: int


def flesch_kincaid(text):
    stats = text_statistics(text, _ENGLISH_WORD, english_syllables)
    if not stats.words:
        return None
    grade = 0.39 * stats.words / stats.sentences + 11.8 * stats.syllables / stats.words - 15.59
    grade = round(max(grade, 0.0), 1)
    return Reading(grade, grade, "Flesch–Kincaid", stats.words)


def fernandez_huerta(text):
    stats = text_statistics(text, _SPANISH_WORD, spanish_syllables)
    if not stats.words:
        return None
    ease = 206.84 - 60 * stats.syllables / stats.words - 1.02 * stats.words / stats.sentences
    grade = next(
        (grade for lowest, grade in FERNANDEZ_HUERTA_GRADES if ease >= lowest),
        FERNANDEZ_HUERTA_HARDEST,
    )
    return Reading(float(grade), round(ease, 1), "Fernández Huerta", stats.words)


FORMULAS = {"en": flesch_kincaid, "es": fernandez_huerta}


def has_formula(language_code):
    return (language_code or "").split("-")[0] in FORMULAS


def measure(text, language_code="en"):
    """The ``Reading`` of ``text`` (HTML allowed) in that language; None when the language
    has no established formula or there is nothing to measure."""
    formula = FORMULAS.get((language_code or "").split("-")[0])
    return formula(text) if formula else None


def reading_grade(text, language_code="en"):
    """Just the grade, rounded to one decimal, or None."""
    reading = measure(text, language_code)
    return reading.grade if reading else None


def target_grade():
    """The grade editors aim at (``READING_GRADE_TARGET``)."""
    return getattr(settings, "READING_GRADE_TARGET", 8)
