"""One careful GET for the remote services the portal reads (Open311, open data).

Strict timeouts, a size cap read while streaming, the content type checked, and errors
that never carry the URL: query strings may hold an API key, so neither messages nor logs
ever include one.
"""

import logging
import re
import time

import requests

CHUNK = 64 * 1024
SECRET_PARAMETER = re.compile(r"((?:api_key|\$\$app_token)=)[^&\s\"']+", re.IGNORECASE)


def redact(value):
    """``value`` with any API key or app token in a URL replaced by ``[hidden]``."""
    return SECRET_PARAMETER.sub(r"\1[hidden]", value) if isinstance(value, str) else value


class RedactSecrets(logging.Filter):
    """urllib3 logs each request line, query string included, at debug level."""

    def filter(self, record):
        record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        return True


logging.getLogger("urllib3.connectionpool").addFilter(RedactSecrets())


class RemoteError(Exception):
    """The remote service gave no usable answer. ``kind`` says why; ``status`` and ``body``
    are set when it answered with an HTTP error."""

    def __init__(self, kind, status=None, body=b"", content_type=""):
        super().__init__(kind if status is None else f"{kind} {status}")
        self.kind = kind
        self.status = status
        self.body = body
        self.content_type = content_type


def media_type(header):
    return (header or "").split(";")[0].strip().lower()


def _read_capped(response, max_bytes, deadline):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise RemoteError("too_large")
    body = bytearray()
    for chunk in response.iter_content(CHUNK):
        body.extend(chunk)
        if len(body) > max_bytes:
            raise RemoteError("too_large")
        if time.monotonic() > deadline:  # a server that trickles its answer
            raise RemoteError("timeout")
    return bytes(body)


def get(url, *, params=None, headers=None, timeout, max_bytes, accept):
    """``(body, media_type)`` of a 200 answer whose media type is one of ``accept``.

    Raises ``RemoteError`` for a timeout, a refused or broken connection, an HTTP error
    (with its body, capped, for the caller to read), an oversized body or a wrong type.
    """
    deadline = time.monotonic() + 2 * timeout
    try:
        with requests.get(
            url,
            params=params,
            headers=headers,
            timeout=(timeout, timeout),
            stream=True,
            allow_redirects=False,
        ) as response:
            kind = media_type(response.headers.get("Content-Type"))
            body = _read_capped(response, max_bytes, deadline)
            status = response.status_code
    except requests.Timeout:
        raise RemoteError("timeout") from None
    except requests.RequestException:
        raise RemoteError("connection") from None
    if status != 200:
        raise RemoteError("status", status=status, body=body, content_type=kind)
    if kind not in accept:
        raise RemoteError("content_type", content_type=kind)
    return body, kind
