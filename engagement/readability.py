"""US reading grade (Flesch–Kincaid grade level) of English text.

grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

Syllables are counted with the usual vowel-group heuristic (a silent final
"e" does not count, "-le" after a consonant does), which is what readability
checkers such as textstat's fallback do; it is within a syllable on almost all
common English words, which is enough to tell grade 6 text from grade 12.
"""

import re

from django.utils.html import strip_tags

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|:\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word):
    word = word.lower().replace("’", "'")
    word = word.split("'")[0] if word.endswith(("'s", "'t", "'ll", "'re", "'ve", "'d")) else word
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    elif word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        pass  # "table", "little": the -le is its own syllable, already counted
    if word.endswith(("ed",)) and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(count, 1)


def text_statistics(text):
    text = strip_tags(text or "")
    words = _WORD.findall(text)
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    return {
        "words": len(words),
        "sentences": max(len(sentences), 1) if words else 0,
        "syllables": sum(syllables(word) for word in words),
    }


def reading_grade(text):
    """Flesch–Kincaid grade level of ``text`` (HTML allowed), rounded to one decimal.

    None when there is no text to measure.
    """
    stats = text_statistics(text)
    if not stats["words"]:
        return None
    grade = (
        0.39 * stats["words"] / stats["sentences"]
        + 11.8 * stats["syllables"] / stats["words"]
        - 15.59
    )
    return round(max(grade, 0.0), 1)
