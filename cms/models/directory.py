"""The one directory: departments and their contact points, each with an owner and a review date.

The city found 315 emails, 139 phone numbers and 21 forms with no owner. Every way to reach
the city is a ``ContactPoint`` that belongs to a ``Department``, names the person who keeps it
true and the date it must next be checked. Pages, service topics, search and the API show
contact points by reference, so a number changed here changes everywhere. A contact point's
details (phone, email, form, address, audience) are the same in every language: saving one
copies them to its translations (``sync_details``), while its name and description are
translated.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, TranslatableField


def in_active_language(model, pk):
    """Item ``pk`` of a translatable ``model`` in the visitor's language, else as it is: one
    query (``.localized`` costs two, and a page shows several)."""
    keys = model.objects.filter(pk=pk).values("translation_key")
    items = list(model.objects.filter(translation_key__in=keys).select_related("locale"))
    active = get_language()
    in_language = [item for item in items if item.locale.language_code == active]
    return (in_language or [item for item in items if item.pk == pk] or [None])[0]


VERSION_KEY = "portal:directory:version"


def directory_version():
    """Changes whenever a department, a contact point or a page is saved: what caches
    built from the directory are keyed by."""
    return cache.get(VERSION_KEY, 0)


def _directory_changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def review_interval():
    """Days between reviews (``CONTENT_REVIEW_INTERVAL_DAYS``, about three months)."""
    return getattr(settings, "CONTENT_REVIEW_INTERVAL_DAYS", 91)


def default_next_review():
    return timezone.localdate() + datetime.timedelta(days=review_interval())


class Reviewed(models.Model):
    """An owner who keeps the item true and the date it must next be checked."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who keeps this up to date and gets the review reminders."),
    )
    next_review = models.DateField(_("next review"), default=default_next_review)

    review_panels = [
        MultiFieldPanel([FieldPanel("owner"), FieldPanel("next_review")], heading=_("Review"))
    ]

    class Meta:
        abstract = True

    @property
    def review_due(self):
        return self.next_review <= timezone.localdate()


class Department(TranslatableMixin, Reviewed, index.Indexed, models.Model):
    """A city department or office: who residents and staff are sent to."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("what it does"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        *Reviewed.review_panels,
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def as_api_dict(self):
        return {"id": self.pk, "name": self.name, "slug": self.slug}


class ContactPoint(TranslatableMixin, Reviewed, index.Indexed, models.Model):
    """One way to reach the city: a line, an inbox, a form or a counter, public or staff-only."""

    PUBLIC = "public"
    STAFF = "staff"
    AUDIENCES = [(PUBLIC, _("Everyone")), (STAFF, _("City staff only"))]
    # Details that mean the same in every language: kept equal across translations.
    SHARED_DETAILS = (
        "department_id",
        "phone",
        "email",
        "url",
        "address",
        "languages",
        "interpreter_by_phone",
        "audience",
        "owner_id",
        "next_review",
    )

    name = models.CharField(_("name"), max_length=200)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_points",
    )
    description = models.CharField(_("what they help with"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    url = models.URLField(_("website or online form"), blank=True)
    address = models.TextField(_("walk-in address"), blank=True)
    hours = models.CharField(_("office hours"), max_length=200, blank=True)
    closures = StreamField(
        [
            (
                "closure",
                blocks.StructBlock(
                    [
                        ("date", blocks.DateBlock(label=_("Date"))),
                        ("note", blocks.CharBlock(max_length=120, label=_("Note"))),
                    ],
                    label=_("Closed or changed hours"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("holiday closures and exceptions"),
    )
    languages = models.CharField(
        _("languages served"),
        max_length=200,
        blank=True,
        help_text=_("Language codes, separated by commas, e.g. en, es, hmn, so, ksw."),
    )
    interpreter_by_phone = models.BooleanField(_("interpreter available by phone"), default=False)
    audience = models.CharField(
        _("who may see it"), max_length=10, choices=AUDIENCES, default=PUBLIC
    )

    # Translators see the words; the details are copied from the source as they are.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("hours"),
        *(SynchronizedField(name.removesuffix("_id")) for name in SHARED_DETAILS),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("department"),
        FieldPanel("description"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("url"),
        FieldPanel("address"),
        FieldPanel("hours"),
        FieldPanel("closures"),
        FieldPanel("languages"),
        FieldPanel("interpreter_by_phone"),
        FieldPanel("audience"),
        *Reviewed.review_panels,
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.RelatedFields("department", [index.SearchField("name")]),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("audience"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "name",
            "department",
            "description",
            "phone",
            "email",
            "url",
            "address",
            "hours",
            "languages",
            "interpreter_by_phone",
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.department})" if self.department_id else self.name

    def clean(self):
        super().clean()
        if not any((self.phone, self.email, self.url, self.address)):
            raise ValidationError(
                _("Give at least one way to reach it: phone, email, website or address.")
            )
        codes = self.language_codes
        bad = [code for code in codes if not code.replace("-", "").isalpha() or len(code) > 12]
        if bad:
            raise ValidationError(
                {
                    "languages": _("These are not language codes: %(codes)s")
                    % {"codes": ", ".join(bad)}
                }
            )
        self.languages = ", ".join(codes)

    @property
    def department_in_language(self):
        """The department in the active language, else as written (None without one)."""
        return self.department if self.department_id else None

    @property
    def department_name(self):
        department = self.department_in_language
        return department.name if department else ""

    @property
    def is_public(self):
        return self.audience == self.PUBLIC

    @property
    def language_codes(self):
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]

    @property
    def languages_served(self):
        """``(code, name in that language)`` for each language staff can help in."""
        served = []
        for code in self.language_codes:
            try:
                served.append((code, get_language_info(code)["name_local"]))
            except KeyError:  # a language Django has no name for
                served.append((code, code))
        return served

    def upcoming_closures(self, days=60):
        today = timezone.localdate()
        end = today + datetime.timedelta(days=days)
        return sorted(
            (block.value for block in self.closures if today <= block.value["date"] <= end),
            key=lambda value: value["date"],
        )

    @property
    def upcoming_closure_list(self):
        return [
            {"date": value["date"].isoformat(), "note": value["note"]}
            for value in self.upcoming_closures()
        ]

    def as_api_dict(self):
        data = {
            field.name: getattr(self, field.name)
            for field in self.api_fields
            if field.name != "department"
        }
        data["department"] = self.department_name
        data["languages"] = self.language_codes
        data["closures"] = self.upcoming_closure_list
        return data

    def sync_details(self):
        """Copy the shared details to every translation, so one change shows everywhere."""
        values = {field: getattr(self, field) for field in self.SHARED_DETAILS}
        if self.department_id:
            departments = dict(
                Department.objects.filter(
                    translation_key=self.department.translation_key
                ).values_list("locale_id", "pk")
            )
        else:
            departments = {}
        for translation in ContactPoint.objects.filter(
            translation_key=self.translation_key
        ).exclude(pk=self.pk):
            changes = {
                **values,
                "department_id": departments.get(translation.locale_id, self.department_id),
            }
            ContactPoint.objects.filter(pk=translation.pk).update(**changes)


def _details_saved(sender, instance, **kwargs):
    """The source's details win: a new translation (made by wagtail-localize) gets them, and
    its department in its own language, as soon as it is saved."""
    source = (
        ContactPoint.objects.filter(translation_key=instance.translation_key).order_by("pk").first()
    )
    (source or instance).sync_details()


def _department_saved(sender, instance, created=False, **kwargs):
    """A department's new translation: contact points in that language now point to it."""
    if not created:
        return
    keys = set(
        ContactPoint.objects.filter(
            department__translation_key=instance.translation_key
        ).values_list("translation_key", flat=True)
    )
    for key in keys:
        ContactPoint.objects.filter(translation_key=key).order_by("pk").first().sync_details()


def connect_signals():
    post_save.connect(_details_saved, sender=ContactPoint, dispatch_uid="contact-point-details")
    post_save.connect(_department_saved, sender=Department, dispatch_uid="department-details")
    for model in (Department, ContactPoint):
        for signal in (post_save, post_delete):
            signal.connect(
                _directory_changed,
                sender=model,
                dispatch_uid=f"directory-{model.__name__}-{id(signal)}",
            )
    page_published.connect(_directory_changed, dispatch_uid="directory-page-published")
