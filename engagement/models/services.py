"""Service topics: the one front door into the city's request intake, at /<lang>/services/.

Topics are pages, not snippets: each gets a URL in every language, search, the
not-yet-translated notice, the visibility rule and the editorial workflow for free.
Routes (the filtered list, Track a request) are served by ``engagement.intake.views``
through ``cms.routing``.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from rest_framework import serializers

from cms import routing
from cms.blocks import BodyStreamBlock
from cms.models import BasePage
from cms.visibility import contact_point_visible
from engagement.choices import LANGUAGES, labels, split_codes
from engagement.intake.choices import HandledBy, ServiceCategory
from engagement.models.fields import code_list_field
from engagement.models.service_data import Open311Service

INTAKE_FIELDS = ("intake_url", "intake_phone", "intake_email", "walk_in")


@dataclass(frozen=True)
class Intake:
    """How to make a request, as residents see it: the topic's own deep link, and the
    phone, email and counter of its contact point in the directory (so a number changed
    there changes on every topic), with the topic's own details filling any gaps."""

    url: str
    phone: str
    email: str
    walk_in: str
    interpreter: bool

    @classmethod
    def of(cls, topic, point):
        if point is None:
            return cls(
                topic.intake_url,
                topic.intake_phone,
                topic.intake_email,
                topic.walk_in,
                topic.phone_interpreter,
            )
        counter = "\n".join(part for part in (point.address, point.hours) if part)
        return cls(
            topic.intake_url or point.url,
            point.phone or topic.intake_phone,
            point.email or topic.intake_email,
            counter or topic.walk_in,
            point.interpreter_by_phone if point.phone else topic.phone_interpreter,
        )

    def as_dict(self):
        return {
            "url": self.url,
            "phone": self.phone,
            "email": self.email,
            "walk_in": self.walk_in,
        }


class ServiceIndexPage(RoutablePageMixin, BasePage):
    """Every service topic by category, a filter box, and Track a request (``track/``)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body"), *BasePage.base_api_fields]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["engagement.ServiceTopicPage", "cms.ContentPage"]
    max_count_per_parent = 1
    template = "engagement/service_index_page.html"

    class Meta:
        verbose_name = _("services index page")

    @path("")
    def topic_list_view(self, request):
        return routing.dispatch("service_topics", self, request)

    @path("track/")
    def track_view(self, request):
        return routing.dispatch("track_request", self, request)

    @classmethod
    def for_locale(cls, locale):
        return cls.objects.live().filter(locale=locale).first()


class ServiceTopicPage(BasePage):
    """One thing residents ask the city for, and exactly how to ask for it."""

    description = models.TextField(_("plain-language description"), max_length=800)
    category = models.CharField(
        _("category"), max_length=20, choices=ServiceCategory.choices, default="other"
    )
    synonyms = models.CharField(
        _("words residents use"),
        max_length=400,
        blank=True,
        help_text=_("Comma-separated, in any language, e.g. “pothole, bache, qhov av”."),
    )
    handled_by = models.CharField(
        _("handled by"), max_length=20, choices=HandledBy.choices, default="city"
    )
    handled_by_name = models.CharField(
        _("name of the agency that handles it"), max_length=200, blank=True
    )
    intake_url = models.URLField(
        _("online form"), blank=True, help_text=_("The form for this request, as deep as it goes.")
    )
    intake_phone = models.CharField(_("phone"), max_length=40, blank=True)
    intake_email = models.EmailField(_("email"), blank=True)
    walk_in = models.TextField(_("walk-in address and hours"), max_length=400, blank=True)
    contact_point = models.ForeignKey(
        "cms.ContactPoint",
        verbose_name=_("contact point in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_topics",
        limit_choices_to={"audience": "public"},
        help_text=_(
            "Its phone, email and walk-in counter are shown on this topic and kept up to date"
            " from the directory; the fields below only fill in what it lacks."
        ),
    )
    what_to_have_ready = models.TextField(_("what to have ready"), max_length=800, blank=True)
    what_happens_next = models.TextField(_("what happens next"), max_length=800, blank=True)
    explainer = models.ForeignKey(
        "engagement.ProcessPage",
        verbose_name=_("how-it-works explainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response_time = models.CharField(_("typical response time"), max_length=200, blank=True)
    department = models.CharField(_("responsible department"), max_length=200, blank=True)
    staff_languages = code_list_field(_("languages staff can help in"))
    phone_interpreter = models.BooleanField(_("interpreter available by phone"), default=False)
    service_code = models.CharField(
        _("Open311 service code"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Links this topic to the city's Open311 service list."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("category"),
        FieldPanel("synonyms"),
        MultiFieldPanel(
            [FieldPanel("handled_by"), FieldPanel("handled_by_name")], heading=_("Who handles it")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_point"), *(FieldPanel(name) for name in INTAKE_FIELDS)],
            heading=_("How to request it"),
        ),
        FieldPanel("what_to_have_ready"),
        FieldPanel("what_happens_next"),
        FieldPanel("explainer"),
        FieldPanel("response_time"),
        FieldPanel("department"),
        FieldPanel("staff_languages"),
        FieldPanel("phone_interpreter"),
        FieldPanel("service_code"),
    ]
    override_translatable_fields = [
        *BasePage.accountability_fields,
        SynchronizedField("staff_languages"),
        SynchronizedField("service_code"),
        SynchronizedField("intake_email"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("synonyms", boost=3),
        index.SearchField("description", boost=2),
        index.SearchField("what_happens_next"),
        index.SearchField("department"),
        index.SearchField("service_keywords"),
        index.AutocompleteField("synonyms"),
        index.FilterField("category"),
    ]
    api_fields = [
        APIField("description"),
        APIField("category"),
        APIField("synonym_list"),
        APIField("handled_by"),
        APIField("handled_by_name"),
        *(
            APIField(name, serializer=serializers.CharField(source=f"intake.{attribute}"))
            for name, attribute in zip(
                INTAKE_FIELDS, ("url", "phone", "email", "walk_in"), strict=True
            )
        ),
        APIField("contact_point", serializer=serializers.IntegerField(source="contact_point_id")),
        APIField("what_to_have_ready"),
        APIField("what_happens_next"),
        APIField("explainer"),
        APIField("response_time"),
        APIField("department"),
        APIField("staff_language_list"),
        APIField(
            "phone_interpreter", serializer=serializers.BooleanField(source="intake.interpreter")
        ),
        APIField("service_code"),
        *BasePage.base_api_fields,
    ]

    parent_page_types = ["engagement.ServiceIndexPage"]
    subpage_types = []
    template = "engagement/service_topic_page.html"

    class Meta:
        verbose_name = _("service topic")
        verbose_name_plural = _("service topics")

    def clean(self):
        super().clean()
        point = self.contact_point
        if point is not None and not contact_point_visible(None, point):
            message = _("Choose a contact point everyone may see, not a staff-only one.")
            raise ValidationError({"contact_point": message})
        if not any(self.intake.as_dict().values()):
            raise ValidationError(
                _("Give at least one way to request this: online form, phone, email or walk-in.")
            )
        if self.handled_by == HandledBy.AGENCY and not self.handled_by_name:
            raise ValidationError(
                {"handled_by_name": _("Name the agency that handles this request.")}
            )

    @property
    def intake(self):
        """The ways to make this request; a staff-only contact point is never shown here."""
        point = self.contact_point
        if point is not None and not contact_point_visible(None, point):
            point = None
        return Intake.of(self, point)

    @property
    def synonym_list(self):
        return [word.strip() for word in self.synonyms.split(",") if word.strip()]

    @property
    def staff_language_list(self):
        return split_codes(self.staff_languages)

    def staff_language_labels(self):
        return labels(LANGUAGES, self.staff_language_list)

    def service_keywords(self):
        """The Open311 service list's keywords for this topic (indexed for search)."""
        if not self.service_code:
            return ""
        service = Open311Service.objects.filter(service_code=self.service_code).first()
        return service.keywords if service else ""

    @property
    def handled_elsewhere(self):
        return self.handled_by != HandledBy.CITY
