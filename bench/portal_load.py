"""Portal under load: 50 concurrent clients against `integraph serve` on loopback.

    .venv/bin/python bench/portal_load.py [--clients 50] [--requests 2000] [--seconds 30] [--db KB]
                                          [--workers N] [--uncached]

Builds a knowledge base from the example corpus in a temp dir (unless --db
is given), starts the portal in a child process on a free loopback port and
drives it with `wrk` (Debian package) when present, else with an asyncio +
httpx client; both rotate over the home page, the JSON listings, a search and
an entity page.  The Python client stops after --requests requests or
--seconds, whichever comes first; wrk runs for --seconds.  Prints one line:
requests, errors, requests/s, p50 and p95 latency.

The portal caches whole answers per knowledge-base version; --uncached adds
a distinct `_n=` parameter to every request so each one is rendered afresh
(the worst case: every reader asks something new).  --workers is passed to
`integraph serve` (its default: one process per core).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["/", "/api/organisations", "/api/projects", "/api/search?q=integracja", "/api/search?q=project",
         "/organisations", "/api/places"]

WRK_SCRIPT = """
local paths = {%s}
local uncached = %s
local i = 0
local tag = tostring(math.random(1, 1000000000))
request = function()
  i = i + 1
  local path = paths[(i %% #paths) + 1]
  if uncached then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "_n=" .. tag .. "-" .. i
  end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.3f\\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.duration / 1e6))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_kb(db: Path) -> None:
    env = dict(os.environ, INTEGRAPH_NO_PROGRESS="1")
    subprocess.run([sys.executable, "-m", "integraph", "ingest", str(ROOT / "examples" / "corpus"), "--db", str(db),
                    "--json"], cwd=ROOT, env=env, check=True, capture_output=True)


def wait_until_up(base: str, proc: subprocess.Popen, limit: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the portal exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the portal did not come up")


def with_wrk(base: str, clients: int, seconds: int, uncached: bool) -> tuple[int, int, float, float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % (", ".join(f'"{p}"' for p in PATHS), "true" if uncached else "false"))
    out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "30s", "-s", f.name,
                          base], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    n, errors, p50, p95, duration = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
    return int(n), int(errors), float(p50), float(p95), float(duration)


async def with_httpx(base: str, clients: int, total: int, seconds: float,
                     uncached: bool) -> tuple[int, int, float, float, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    issued = 0
    start = time.perf_counter()
    deadline = start + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, issued
        while issued < total and time.perf_counter() < deadline:
            path = PATHS[issued % len(PATHS)]
            if uncached:
                path += ("&" if "?" in path else "?") + f"_n={issued}"
            issued += 1
            t = time.perf_counter()
            try:
                r = await http.get(base + path)
                if r.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - t) * 1000)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    duration = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    return len(latencies), errors, pick(0.50), pick(0.95), duration


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000, help="upper bound (Python client)")
    ap.add_argument("--seconds", type=int, default=30, help="time limit")
    ap.add_argument("--db", help="an existing knowledge base (default: the example corpus, ingested now)")
    ap.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto")
    ap.add_argument("--workers", type=int, help="server processes (default: integraph serve's own)")
    ap.add_argument("--uncached", action="store_true", help="a distinct URL per request: no cached answers")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="integraph-load-") as tmp:
        db = args.db or str(Path(tmp) / "kb.sqlite")
        if not args.db:
            build_kb(Path(db))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "integraph", "serve", "--db", db, "--port", str(port)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_until_up(base, server)
            import httpx

            # Warm every worker's caches (knowledge base, search index): each new connection may land on any worker.
            for round_ in range(4 * (args.workers or os.cpu_count() or 1)):
                for path in PATHS:
                    httpx.get(base + path + (("&" if "?" in path else "?") + f"_w={round_}" if args.uncached else ""),
                              timeout=120)
            use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
            if use_wrk:
                n, errors, p50, p95, duration = with_wrk(base, args.clients, args.seconds, args.uncached)
            else:
                n, errors, p50, p95, duration = asyncio.run(with_httpx(base, args.clients, args.requests,
                                                                       args.seconds, args.uncached))
        finally:
            server.terminate()
            server.wait(timeout=30)
    mode = ("uncached, " if args.uncached else "") + (f"{args.workers} workers" if args.workers else "default workers")
    print(f"portal_load ({'wrk' if use_wrk else 'httpx'}; {mode}): {args.clients} clients, {n} requests, {errors} errors, "
          f"{n / duration:.1f} req/s; p50 {p50:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
