"""Security headers a visitor's browser enforces."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_pages_carry_no_inline_scripts_or_styles(client):
    for path in ("/en/", "/es/about/", "/so/services/", "/en/search/?q=council"):
        content = client.get(path).content.decode()
        assert "<style" not in content, path
        assert ' style="' not in content, path
        for chunk in content.split("<script")[1:]:
            tag = chunk.split(">")[0]
            # Scripts load from files; inline <script> elements may only carry JSON data.
            assert (
                "src=" in tag
                or 'type="application/json"' in tag
                or ('type="application/ld+json"' in tag)
            ), (path, tag)
