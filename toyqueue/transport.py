"""The HTTP connections under the toy endpoint: how many, how long, how big.

The endpoint runs on laptops and on shared classroom machines, so it must outlive clients that
misbehave, by accident or on purpose, and still serve the learner's boto3 client:

- at most ``max_connections`` connections at once (fewer when the process may open few files).
  When all are taken, the one that has kept the server waiting longest is closed to make room;
  a connection the server is working for (a long poll, say) is never closed;
- a client has ``idle_timeout`` seconds, from the moment the server is ready for its next
  request, to send the whole of it: an idle kept-alive connection, or one that trickles its
  request a byte at a time, is closed after that. HTTP clients (boto3 too) open a new
  connection when they find an idle one closed;
- a request body is read only as far as ``MAX_BODY``, and only as it arrives (never reserved
  ahead from a length the client claims); a length that is missing a digit, negative, given
  twice with two values, or both a Content-Length and chunked, is refused and the connection
  closed, because the server can no longer tell where the next request starts.

Each connection has a thread (socketserver's ThreadingMixIn): a thread waits on a socket
exactly as a long poll waits on a queue, which keeps server.py easy to read.
"""

import errno
import re
import socket
import sys
import threading
import time
from http.server import ThreadingHTTPServer

MAX_BODY = 8 * 1024 * 1024     # a valid request is at most ~3.5 MiB (1 MiB of \\u-escaped text)
MAX_DRAIN = 64 * 1024 * 1024   # past this we do not even read the body; we close instead
IDLE_TIMEOUT = 60.0            # seconds a client has to send its next request
MAX_CONNECTIONS = 256
READ_SIZE = 1 << 20            # a body is read in pieces of this size at most

_DIGITS = re.compile(rb"[0-9]{1,19}")
_HEX = re.compile(rb"[0-9A-Fa-f]+")


class BadRequest(Exception):
    """A request whose framing cannot be trusted: answer 400 and close the connection."""


def default_max_connections():
    """A quarter of the files this process may open, at most MAX_CONNECTIONS: the rest stay
    free for the queues' clients, a notebook kernel and whatever else shares the process."""
    try:
        import resource
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return MAX_CONNECTIONS
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return MAX_CONNECTIONS
    return max(4, min(MAX_CONNECTIONS, soft // 4))


# ---------------------------------------------------------------- request bodies

def read_body(rfile, headers):
    """The request body, or BadRequest. A body cut short (the client went away) is BadRequest
    too: half a form could still be a valid, shorter request."""
    encodings = [v.strip().lower() for h in headers.get_all("Transfer-Encoding") or []
                 for v in h.split(",") if v.strip()]
    lengths = headers.get_all("Content-Length") or []
    if encodings:
        if encodings != ["chunked"]:
            raise BadRequest(f"Transfer-Encoding {', '.join(encodings)} is not supported; "
                             "send a Content-Length or chunked.")
        if lengths:
            raise BadRequest("A request cannot have both a Content-Length and chunked "
                             "Transfer-Encoding.")
        return _read_chunked(rfile)
    values = {v.strip() for h in lengths for v in h.split(",")}
    if not values:
        return b""
    if len(values) > 1:
        raise BadRequest(f"Conflicting Content-Length headers: {', '.join(sorted(values))}.")
    text = values.pop()
    if not _DIGITS.fullmatch(text.encode("latin-1", "replace")):
        raise BadRequest(f"Content-Length {text!r} is not a number of bytes.")
    n = int(text)
    if n > MAX_BODY:
        while 0 < n <= MAX_DRAIN:  # read it, so the client sees our answer, not a reset
            chunk = rfile.read(min(n, READ_SIZE))
            n = n - len(chunk) if chunk else 0
        raise _too_large(text)
    return _read_exactly(rfile, n)


def _read_exactly(rfile, n):
    body = bytearray()
    while len(body) < n:
        chunk = rfile.read(min(n - len(body), READ_SIZE))
        if not chunk:
            raise BadRequest("The request body ended early.")
        body += chunk
    return bytes(body)


def _read_chunked(rfile):
    body = bytearray()
    while True:
        line = rfile.readline(1024)
        size = line.split(b";", 1)[0].strip()
        if not line.endswith(b"\n") or not _HEX.fullmatch(size):
            raise BadRequest("Malformed chunked request body.")
        if len(size) > 8 or len(body) + int(size, 16) > MAX_BODY:
            raise _too_large("more than that")
        if size.strip(b"0") == b"":
            for _ in range(100):                       # trailers, up to the empty line
                if rfile.readline(1024).strip() == b"":
                    return bytes(body)
            raise BadRequest("Too many trailers after a chunked request body.")
        body += _read_exactly(rfile, int(size, 16))
        if rfile.readline(3).strip():                   # the CRLF after each chunk
            raise BadRequest("Malformed chunked request body.")


def _too_large(length):
    return BadRequest(f"The request is {length} bytes; a request to this endpoint can be at most "
                      f"{MAX_BODY} bytes (SQS messages are at most 1048576 bytes).")


# ---------------------------------------------------------------- connections

def _hang_up(sock):
    """End a connection another thread is reading: its read returns at once, empty. (Closing
    the socket here instead could close a file descriptor already reused elsewhere.)"""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class Server(ThreadingHTTPServer):
    """ThreadingHTTPServer with a connection cap, an idle timeout, and eviction when full.

    ``_waiting`` maps each open connection to the moment the server started waiting for its
    client (None while the server works on one of its requests). The handler reports the two
    moments: ``waiting(sock)`` before reading a request, ``working(sock)`` once it is read.
    """

    daemon_threads = True          # a long poll in progress never blocks shutdown
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address, handler, *, max_connections=None, idle_timeout=IDLE_TIMEOUT):
        self.max_connections = max_connections or default_max_connections()
        self.idle_timeout = idle_timeout
        self._lock = threading.Lock()
        self._room = threading.Condition(self._lock)
        self._waiting = {}
        self._next_sweep = 0.0
        super().__init__(address, handler)

    # -- what the handler tells us

    def waiting(self, sock):
        with self._lock:
            if sock in self._waiting:
                self._waiting[sock] = time.monotonic()

    def working(self, sock):
        """False when the connection was already closed to make room: drop the request."""
        with self._lock:
            if sock not in self._waiting:
                return False
            self._waiting[sock] = None
            return True

    def open_connections(self):
        with self._lock:
            return len(self._waiting)

    # -- accepting

    def get_request(self):
        with self._lock:
            if len(self._waiting) >= self.max_connections and not self._evict_longest_waiting():
                # Every connection is in use: new ones wait in the listen backlog. Wait here
                # (briefly, so shutdown() is still heard) instead of spinning on accept().
                self._room.wait(0.1)
                raise OSError("every connection is in use")
        try:
            return super().get_request()
        except OSError as err:
            if err.errno in (errno.EMFILE, errno.ENFILE):   # out of files: free one, don't spin
                with self._lock:
                    self._evict_longest_waiting()
                    self._room.wait(0.1)
            raise

    def process_request(self, request, client_address):
        request.settimeout(self.idle_timeout)   # also bounds a write to a client that never reads
        with self._lock:
            self._waiting[request] = time.monotonic()
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._lock:
            self._waiting.pop(request, None)
            self._room.notify()
        super().shutdown_request(request)

    def _evict_longest_waiting(self):
        """Close the connection that has kept us waiting longest (lock held). False if none waits."""
        waiting = [(since, id(s), s) for s, since in self._waiting.items() if since is not None]
        if not waiting:
            return False
        _, _, sock = min(waiting)
        del self._waiting[sock]
        _hang_up(sock)
        return True

    # -- the idle timeout, checked from serve_forever's loop

    def service_actions(self):
        now = time.monotonic()
        if now < self._next_sweep:
            return
        self._next_sweep = now + min(1.0, self.idle_timeout / 4)
        with self._lock:
            late = [s for s, since in self._waiting.items()
                    if since is not None and now - since > self.idle_timeout]
            for sock in late:
                del self._waiting[sock]
                _hang_up(sock)

    def close_connections(self):
        with self._lock:
            socks, self._waiting = list(self._waiting), {}
        for sock in socks:
            _hang_up(sock)

    def handle_error(self, request, client_address):
        # A client that hangs up mid-request is normal (Ctrl-C in a notebook); say nothing.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)
