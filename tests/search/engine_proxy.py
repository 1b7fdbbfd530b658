"""A real HTTP proxy in front of the OpenSearch node, made slow or failing on purpose.

Tests point the search backend at ``proxy.url``; every request is forwarded to the real
node, after ``delay`` seconds, unless a rule answers it with an error first. Nothing in
the client is patched: timeouts and retries happen on real sockets.
"""

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class EngineProxy:
    def __init__(self, upstream, *, delay=0.0, fail_bulk=0):
        self.upstream = urlsplit(upstream)
        self.delay = delay
        self.fail_bulk = fail_bulk  # answer this many bulk requests with a 500
        self.requests = []  # (method, path, status) of every request answered
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if proxy.delay:
                    time.sleep(proxy.delay)
                if "/_bulk" in self.path and proxy.fail_bulk > 0:
                    proxy.fail_bulk -= 1
                    self.answer(500, b'{"error": "node busy"}', "application/json")
                    return
                upstream = http.client.HTTPConnection(
                    proxy.upstream.hostname, proxy.upstream.port, timeout=60
                )
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    reply = upstream.getresponse()
                    content = reply.read()
                    self.answer(reply.status, content, reply.getheader("Content-Type"))
                finally:
                    upstream.close()

            def answer(self, status, content, content_type):
                proxy.requests.append((self.command, self.path, status))
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting: that is what a timeout test wants

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
