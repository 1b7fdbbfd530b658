"""Every page type, in two languages, passes the Nu Html Checker (vnu.jar) with no errors.

Pages are rendered from the demo site with the Django test client and checked in one
Java run (the checker's start-up is most of its cost).
"""

import json
import shutil
import subprocess
from pathlib import Path

from wagtail.models import Page

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("en", "es")
# Routes of routable pages and app URLs beside each page type's own URL.
EXTRA_PATHS = ("events/month/", "events/past/", "search/?q=budget", "search/?q=zzzzqqq")

NOT_FOUND_PATH = "no-such-page/"


def java():
    """The machine's Java (on PATH, else a JDK under /usr/lib/jvm, as the search node finds
    one); the check fails rather than skips without it, so CI cannot pass it by silence."""
    found = shutil.which("java") or next(
        (str(path) for path in sorted(Path("/usr/lib/jvm").glob("*/bin/java"))), None
    )
    assert found and VNU.exists(), "the Nu Html Checker needs Java and `npm ci` (vnu-jar)"
    return found


def page_urls(language):
    """One live page of each type in ``language`` (its own translation or an alias)."""
    seen, urls = set(), []
    for page in (
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, depth__gt=1)
        .order_by("path")
        .specific()
    ):
        kind = (type(page), page.alias_of_id is not None)
        if kind in seen:
            continue
        seen.add(kind)
        urls.append(page.url)
        if type(page).__name__ == "EventPage":
            urls.append(f"{page.url}flyer/")
    urls += [f"/{language}/{path}" for path in EXTRA_PATHS]
    urls.append(f"/{language}/{NOT_FOUND_PATH}")  # the 404 page
    return urls


def validate(files):
    """The checker's messages for ``files``, one JVM run."""
    result = subprocess.run(
        [java(), "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return json.loads(result.stdout)["messages"]


def test_every_page_type_validates(client, db, tmp_path):
    files = {}
    for language in LANGUAGES:
        for url in page_urls(language):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            expected = 404 if url.endswith(NOT_FOUND_PATH) else 200
            assert response.status_code == expected, (url, response.status_code)
            assert response["Content-Type"].startswith("text/html"), url
            name = f"{len(files):03d}.html"
            (tmp_path / name).write_bytes(response.content)
            files[name] = url
    assert len(files) >= 2 * 12, files
    messages = validate(sorted(tmp_path.glob("*.html")))
    print(f"Nu Html Checker: {len(files)} pages, {len(messages)} messages")
    errors = [
        f"{files[Path(m['url']).name]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
