"""Fetch one URL politely: a named User-Agent, robots.txt, timeouts, a size limit, a per-host delay.

Only the standard library (urllib), so fetching adds no dependency.  Every
failure is a FetchError with a one-line reason.
"""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from urllib.parse import urlsplit

from integraph.convert.limits import MAX_BYTES
from integraph.errors import FetchError

USER_AGENT = "Integraph/0.1 (+https://github.com/integraph/integraph)"
TIMEOUT = 30.0
CHUNK = 64 * 1024

_robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
_last_request: dict[str, float] = {}
_lock = threading.Lock()


def read_url_list(path: Path | str) -> list[str]:
    """URLs from a file: one per line; blank lines and lines starting with '#' are ignored."""
    urls = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):  # only whole-line comments: URLs may hold a '#'
            urls.append(line)
    return urls


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, delay: float = 0.0,
          respect_robots: bool = True) -> tuple[bytes, str | None]:
    """The body of `url` and its media type (None if the server gives none)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not an http(s) URL: {url}")
    origin = f"{parts.scheme}://{parts.netloc}"
    if respect_robots and not _allowed(origin, url, timeout):
        raise FetchError(f"robots.txt of {parts.netloc} disallows {url}")
    _wait_turn(origin, delay)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url} is {int(length) / 1e6:.1f} MB, the limit is {max_bytes / 1e6:.0f} MB")
            body = bytearray()
            while chunk := response.read(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"{url} is larger than the limit of {max_bytes / 1e6:.0f} MB")
            media_type = response.headers.get_content_type() if response.headers.get("Content-Type") else None
            return bytes(body), media_type
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        raise FetchError(f"HTTP {e.code} {e.reason} for {url}") from None
    except urllib.error.URLError as e:
        raise FetchError(f"cannot reach {parts.netloc}: {e.reason}") from None
    except (TimeoutError, OSError) as e:
        raise FetchError(f"{url}: {e or type(e).__name__}") from None


def _allowed(origin: str, url: str, timeout: float) -> bool:
    with _lock:
        known = origin in _robots
    if not known:
        parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        request = urllib.request.Request(origin + "/robots.txt", headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                parser.parse(response.read(512_000).decode("utf-8", "replace").splitlines())
        except urllib.error.HTTPError as e:
            # 4xx: no robots.txt, everything allowed; 5xx: be careful and allow nothing
            parser = None if e.code < 500 else _deny_all()
        except (urllib.error.URLError, OSError):
            parser = None  # unreachable robots.txt: the fetch itself will report the problem
        with _lock:
            _robots[origin] = parser
    rules = _robots[origin]
    return rules is None or rules.can_fetch(USER_AGENT, url)


def _deny_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(["User-agent: *", "Disallow: /"])
    return parser


def _wait_turn(origin: str, delay: float) -> None:
    """Sleep until `delay` seconds have passed since the last request to the same host."""
    with _lock:
        now = time.monotonic()
        ready = _last_request.get(origin, 0.0) + delay
        _last_request[origin] = max(now, ready)
    if ready > now:
        time.sleep(ready - now)
