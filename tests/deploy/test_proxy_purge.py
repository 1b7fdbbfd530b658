"""A real Varnish (Debian's package) in front of the deployed site, told about publishes
through Wagtail's front-end cache purge: the next request through Varnish after a publish
shows the change, and a signed-in editor is never given the shared copy."""

import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.deploy.conftest import get

VCL = """vcl 4.1;
backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}
acl purge {{ "127.0.0.1"; }}
sub vcl_recv {{
    if (req.method == "PURGE") {{
        if (client.ip !~ purge) {{ return (synth(405, "Not allowed")); }}
        return (purge);
    }}
    set req.http.X-Forwarded-Proto = "https";
    if (req.url ~ "^/(admin|django-admin)/") {{ return (pass); }}
    # Only a session makes a visitor someone: other cookies do not split the cache.
    if (req.http.Cookie !~ "sessionid=") {{ unset req.http.Cookie; }}
}}
sub vcl_hash {{ hash_data(req.url); return (lookup); }}
sub vcl_deliver {{
    if (obj.hits > 0) {{ set resp.http.X-Varnish-Cache = "hit"; }}
    else {{ set resp.http.X-Varnish-Cache = "miss"; }}
}}
"""


@pytest.fixture(scope="module")
def varnish(deployed_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("varnish")
    vcl = folder / "site.vcl"
    vcl.write_text(VCL.format(port=deployed_site.port))
    port = deployed_site.varnish_port
    process = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
        + ["-n", str(folder / "work"), "-s", "malloc,64m"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(f"{url}/en/", timeout=5)[0] == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        pytest.fail("Varnish did not start:\n" + process.communicate(timeout=10)[0].decode())
    yield url
    process.terminate()
    process.wait(timeout=20)


def through(varnish, path, **headers):
    status, response_headers, body = get(varnish + path, headers=headers)
    assert status == 200, path
    return response_headers.get("X-Varnish-Cache"), response_headers, body.decode()


PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(slug="about", locale__language_code="en").specific
page.title = {title!r}
page.save_revision().publish()
"""


def test_a_publish_shows_through_varnish_on_the_next_request(varnish, deployed_site):
    through(varnish, "/en/about/")
    state, headers, _body = through(varnish, "/en/about/")
    assert state == "hit"
    assert "s-maxage" in headers["Cache-Control"]
    title = f"About this portal, revised {time.time_ns()}"
    deployed_site.manage("shell", "-c", PUBLISH.format(title=title))
    state, _headers, body = through(varnish, "/en/about/")
    assert state == "miss"
    assert title in body
    assert through(varnish, "/en/about/")[0] == "hit"


def sign_in(varnish, username, password):
    """Sign in through Varnish with the admin's login form; returns the Cookie header."""
    login = "/admin/login/"
    status, headers, body = get(varnish + login)
    assert status == 200
    cookies = dict(
        re.match(r"([^=]+)=([^;]*)", value).groups() for value in headers.get_all("Set-Cookie")
    )
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (loopback)
        varnish + login,
        data=data,
        headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "Referer": f"https://{urllib.parse.urlsplit(varnish).netloc}{login}",
        },
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=30)
    except urllib.error.HTTPError as answer:
        assert answer.code == 302, answer.read()[:500]
        cookies.update(
            re.match(r"([^=]+)=([^;]*)", value).groups()
            for value in answer.headers.get_all("Set-Cookie")
        )
    assert "sessionid" in cookies
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def test_a_signed_in_editor_never_gets_the_shared_copy(varnish, deployed_site):
    from tests.deploy.conftest import DEMO_PASSWORD

    through(varnish, "/en/district-councils/")
    assert through(varnish, "/en/district-councils/")[0] == "hit"
    cookie = sign_in(varnish, "communications", DEMO_PASSWORD)
    for _ in range(2):
        state, headers, body = through(varnish, "/en/district-councils/", Cookie=cookie)
        assert state == "miss"
        assert "wagtail-userbar" in body
        assert "private" in headers["Cache-Control"]
        assert "X-Page-Cache" not in headers
