"""Hmong, Somali and Karen are fully working languages: names, direction, dates, numbers."""

import datetime

from django.utils import formats, translation

import pytest

from cms.languages import PORTAL_LANGUAGES


@pytest.mark.parametrize("language", PORTAL_LANGUAGES, ids=lambda language: language.code)
def test_django_knows_each_language(language):
    info = translation.get_language_info(language.code)
    assert info["name_local"].casefold() == language.name_local.casefold()
    assert info["bidi"] is False
    assert translation.check_for_language(language.code)


@pytest.mark.parametrize("code", ["hmn", "so", "ksw"])
def test_dates_use_the_languages_own_month_names(code):
    day = datetime.date(2026, 11, 23)
    with translation.override(code):
        november = translation.gettext("November")
        assert november != "November"
        assert formats.date_format(day, "DATE_FORMAT") == f"23 {november} 2026"
        assert formats.date_format(day, "l") == translation.gettext("Monday")


def test_karen_language_name_is_in_myanmar_script():
    karen = next(language for language in PORTAL_LANGUAGES if language.code == "ksw")
    assert all("\u1000" <= char <= "\u109f" for char in karen.name_local)


def test_number_formats():
    with translation.override("so"):
        assert (
            formats.number_format(12345.5, decimal_pos=1, use_l10n=True, force_grouping=True)
            == "12,345.5"
        )
