"""Page feedback refuses what no reader sends: a flood (429, counted in Redis), a filled
honeypot, an oversized comment, junk ids and choices, NUL bytes and wrong methods, each with
a clear 4xx in the reader's language and nothing stored."""

from django.test import Client

import pytest

from cms.models import PageFeedback
from tests.security.conftest import fresh_window

pytestmark = pytest.mark.django_db
SPANISH_LIMIT = "Ha enviado demasiadas solicitudes en poco tiempo."


def _client(address="198.51.100.90"):
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address)


def _post(client, url, **data):
    client.get(url)  # sets the CSRF cookie, as the form page does in a browser
    token = client.cookies["csrftoken"].value
    return client.post(url, {"csrfmiddlewaretoken": token, "website": "", **data})


def test_a_flood_of_feedback_gets_a_translated_429(redis_limits, settings, demo_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback": (3, 60)}
    fresh_window(60)
    url = f"/es/feedback/{demo_page('about', 'es').pk}/"
    client = _client()
    statuses = [_post(client, url, helpful="yes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert PageFeedback.objects.count() == 3
    flooded = _post(client, url, helpful="no")
    html = flooded.content.decode()
    assert flooded.status_code == 429 and '<html lang="es"' in html and SPANISH_LIMIT in html
    assert int(flooded["Retry-After"]) >= 1
    assert client.get(url).status_code == 200  # reading the form is not limited
    assert _post(_client("198.51.100.91"), url, helpful="yes").status_code == 200
    keys = [key.decode() for key in redis_limits.keys("*feedback*")]
    assert keys and not [key for key in keys if "198.51.100" in key]


def test_a_filled_honeypot_is_refused_and_nothing_stored(demo_page):
    url = f"/es/feedback/{demo_page('about', 'es').pk}/"
    response = _post(_client(), url, helpful="yes", website="http://spam.example/")
    assert response.status_code == 400
    assert "No se pudieron enviar sus comentarios." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_an_oversized_comment_is_refused_clearly_and_kept_for_shortening(demo_page):
    url = f"/es/feedback/{demo_page('about', 'es').pk}/"
    long_comment = "a" * 1001
    response = _post(_client(), url, helpful="no", comment=long_comment)
    html = response.content.decode()
    assert response.status_code == 400
    assert "“Comentario” es demasiado largo: como máximo 1000 caracteres." in html
    assert long_comment in html  # the text is still there to shorten
    assert not PageFeedback.objects.exists()
    # Exactly the limit, with Windows line breaks counted once each, is accepted.
    accepted = _post(_client(), url, helpful="no", comment="b" * 998 + "\r\nc")
    assert accepted.status_code == 200
    assert len(PageFeedback.objects.get().comment) == 1000


@pytest.mark.parametrize(
    ("path", "status", "spanish"),
    [
        ("/es/feedback/abc/", 400, "page_id debe ser un número entero igual o mayor que 1."),
        ("/es/feedback/99999999999999999999/", 400, "page_id debe ser"),
        ("/es/feedback/-4/", 400, "page_id debe ser"),
        ("/es/feedback/%00/", 400, "page_id debe ser"),
        ("/es/feedback/2147483647/", 404, 'lang="es"'),
        ("/es/feedback/{about}/?helpful=maybe", 400, "Valor desconocido “maybe” para helpful."),
        ("/es/feedback/{about}/?about=%00", 400, "Valor desconocido"),
    ],
)
def test_bad_addresses_get_a_clear_4xx_in_spanish(demo_page, path, status, spanish):
    url = path.format(about=demo_page("about", "es").pk)
    response = Client().get(url)
    assert response.status_code == status, url
    assert spanish in response.content.decode()


@pytest.mark.parametrize(
    ("data", "spanish"),
    [
        ({"helpful": "maybe"}, "Valor desconocido “maybe” para helpful."),
        ({}, "Elija «Sí» o «No»."),
        (
            {"helpful": "yes", "comment": "hola\x00"},
            "contiene caracteres que no se pueden escribir",
        ),
        ({"about": "praise", "helpful": "yes"}, "Valor desconocido “praise” para about."),
        ({"about": "translation"}, "Díganos qué está mal en la traducción."),
    ],
)
def test_junk_submissions_get_a_clear_400_in_spanish(demo_page, data, spanish):
    url = f"/es/feedback/{demo_page('about', 'es').pk}/"
    response = _post(_client(), url, **data)
    assert response.status_code == 400
    assert spanish in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405_in_spanish(demo_page, method):
    url = f"/es/feedback/{demo_page('about', 'es').pk}/"
    response = getattr(Client(), method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert "Esta dirección solo muestra el formulario de opiniones" in response.content.decode()
