"""Builds the demo site. Idempotent: pages are found by slug and updated in place."""

import datetime
import functools
import secrets
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cms.demo import content, directory
from cms.hooks import LOAD_DEMO_CONTENT
from cms.models import FooterText, HomePage, NavigationMenu, SiteSettings
from cms.roles import CITY_COMMUNICATIONS, setup_roles


class Progress:
    """Prints numbered steps so a long load shows where it is."""

    def __init__(self, stdout, total):
        self.stdout = stdout
        self.total = total
        self.step = 0

    def __call__(self, message):
        self.step += 1
        self.stdout.write(f"[{self.step}/{self.total}] {message}")


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def publish(page):
    page.save_revision().publish()
    return page


def upsert_child(parent, model, slug, **fields):
    """Create the page under ``parent`` or update the existing one with that slug."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
        return publish(page)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def stream(blocks, contacts):
    """Turn the compact demo body description into StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            data.append(("paragraph", value))
        elif block_type == "callout":
            data.append(("callout", {"tone": "important", "title": "", "text": value}))
        elif block_type == "accordion":
            items = [{"question": question, "answer": answer} for question, answer in value]
            data.append(("accordion", {"title": "", "items": items}))
        elif block_type == "contact":
            data.append(("contact", {"contact": contacts[value]}))
    return data


def translate(instance, locale, strings=content.SPANISH):
    """Translate through wagtail-localize, as an outside translator's PO upload would."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, tool_name="load_demo")
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def build_home(locales):
    root = Page.get_first_root_node()
    default = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        home = HomePage(slug="community-portal", locale=default, **content.HOME)
        root.add_child(instance=home)
    else:
        for name, value in content.HOME.items():
            setattr(home, name, value)
    return home


def load_demo(stdout):
    # Not one transaction: Wagtail's deferred on-commit work would save the translated
    # home page with a stale child count. Each step is idempotent, so a re-run repairs.
    progress = Progress(stdout, 10)

    progress("Languages")
    locales = ensure_locales()
    default = locales[settings.LANGUAGE_CODE]
    spanish = locales.get("es")

    progress("Departments and contact points")
    setup_roles()
    owner = create_demo_user("communications", group_names=[CITY_COMMUNICATIONS])
    departments, contact_points = directory.load_directory(default, owner)
    contacts = [contact_points[name] for name in content.CONTACT_CARDS]

    progress("Home page and site")
    home = build_home(locales)
    publish(home)
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, root_page=home)
    old_root = site.root_page
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Community Portal"
    site.save()
    if old_root.pk != home.pk and old_root.depth == 2 and not old_root.get_children().exists():
        old_root.delete()
    site_settings = SiteSettings.for_site(site)
    site_settings.city_name = "Saint Paul"
    site_settings.service_request_url = content.SERVICE_REQUEST_URL
    site_settings.service_request_phone = content.SERVICE_REQUEST_PHONE
    site_settings.service_request_hours = "Monday to Friday, 7:30 a.m. to 4:30 p.m."
    site_settings.save()

    progress("Sections and content pages")
    pages = {}
    for section in content.SECTIONS:
        model = apps.get_model(section["model"])
        pages[section["slug"]] = upsert_child(
            home, model, section["slug"], title=section["title"], intro=section["intro"]
        )
    for spec in (content.ABOUT, content.SERVICES):
        pages[spec["slug"]] = upsert_child(
            home,
            apps.get_model(spec.get("model", "cms.ContentPage")),
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=stream(spec["body"], contacts),
        )

    for slug, (department, contact, days_ago) in content.PAGE_OWNERS.items():
        page = home if slug == "" else pages[slug]
        page.owner_department = departments[department]
        page.content_contact = contact_points[contact] if contact else None
        page.last_reviewed = timezone.localdate() - datetime.timedelta(days=days_ago)
        publish(page)

    progress("Top tasks, navigation and footer")
    home.top_tasks = [
        (
            "task",
            {
                "title": title,
                "description": description,
                "link": {"label": "", "page": pages[slug], "url": ""},
            },
        )
        for title, description, slug in content.TOP_TASKS
    ]
    publish(home)
    menu, _created = NavigationMenu.objects.update_or_create(
        locale=default, defaults={"name": "Main navigation"}
    )
    menu.items = [
        ("link", {"label": "", "page": pages[slug], "url": ""}) for slug in content.NAVIGATION
    ]
    menu.save()
    footer, _created = FooterText.objects.update_or_create(
        locale=default, defaults={"body": content.FOOTER}
    )

    progress("Roles")
    setup_roles()

    progress("Spanish translations (wagtail-localize)")
    if spanish is not None:
        translate(home, spanish)
        for slug in ("district-councils", "events", "how-it-works", "about", "services"):
            translate(pages[slug], spanish)
        for snippet in (menu, footer):
            translate(snippet, spanish)
        for snippet in (*departments.values(), *contact_points.values()):
            translate(snippet, spanish, {**content.SPANISH, **directory.SPANISH})

    progress("District councils, events and explainers")
    for load in hooks.get_hooks(LOAD_DEMO_CONTENT):
        load(home=home, stdout=stdout)

    progress("Other languages follow English until translated")
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE:
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )
            # Creates aliases for pages added since (idempotent).
            synchronize_tree(default, locale)

    progress("Roles and demo users")
    setup_roles()
    return create_demo_users(stdout)


@functools.cache
def _generated_password():
    return secrets.token_urlsafe(9)


def demo_password():
    """DEMO_PASSWORD, or one password made up for this run and shared by every demo login."""
    return settings.DEMO_PASSWORD or _generated_password()


def create_demo_user(username, *, group_names=(), is_superuser=False):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.is_superuser = user.is_staff = is_superuser
    user.set_password(demo_password())
    user.save()
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def create_demo_users(stdout):
    """An administrator, a City communications editor, a translator and a City staff member."""
    accounts = [
        ("admin", (), True),
        ("communications", ("City communications",), False),
        ("translator", ("Translators",), False),
        ("staff", ("City staff",), False),
    ]
    for username, group_names, is_superuser in accounts:
        create_demo_user(username, group_names=group_names, is_superuser=is_superuser)
    return {"usernames": [account[0] for account in accounts], "password": demo_password()}
