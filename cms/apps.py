from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Community Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import locales, memo, navigation, page_cache, signals
        from cms.models.directory import connect_signals

        memo.connect()
        locales.connect()
        navigation.connect()
        signals.connect()
        page_cache.connect()
        connect_signals()

        from wagtail.signals import page_published

        from cms import reading_grades, translation_records

        page_published.connect(translation_records.page_published, dispatch_uid="translated-how")
        page_published.connect(reading_grades.page_published, dispatch_uid="reading-grade")
