"""A local HTTP server standing in for the city's Open311 server and open-data portal.

Started once per test session on a free loopback port. Each test says what a path answers
(status, content type, body, a delay) with ``answer()``; everything else is a GeoReport
404 error body. Every request's path and query are recorded for the test to inspect.
"""

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NOT_FOUND = b'[{"code":404,"description":"Not found"}]'


@dataclass
class Answer:
    body: bytes
    status: int = 200
    content_type: str = "application/json; charset=utf-8"
    delay: float = 0.0


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        parts = urlsplit(self.path)
        server = self.server
        server.requests.append((parts.path, parse_qs(parts.query)))
        answer = server.answers.get(parts.path) or Answer(NOT_FOUND, status=404)
        if callable(answer):
            answer = answer(parse_qs(parts.query))
        if answer.delay:
            time.sleep(answer.delay)
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (a timeout test)

    def log_message(self, format, *args):
        pass


class RemoteServer:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.answers = {}
        self.httpd.requests = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}"

    @property
    def requests(self):
        return self.httpd.requests

    def answer(self, path, body=b"", **fields):
        """What ``path`` answers: an ``Answer``'s fields, or a callable of the query."""
        if callable(body):
            self.httpd.answers[path] = body
        else:
            self.httpd.answers[path] = Answer(
                body.encode() if isinstance(body, str) else body, **fields
            )

    def reset(self):
        self.httpd.answers.clear()
        self.httpd.requests.clear()

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
