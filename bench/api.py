"""HTTP API benchmark: latency (p50/p95/p99) and requests/s of ``/api/search`` and
``/api/articles/{id}`` (and ``/api/stats``) under N concurrent clients, against the app under
uvicorn on 127.0.0.1, next to a baseline measured in the same run: the same search and article
calls made in-process, one at a time, without HTTP.

The database is the 6,000 articles of ../shared/data/news, ingested through the library (or an
existing one with ``--db``). Requests and time are bounded (``--requests``, ``--max-seconds``).
Target: p95 of /api/search < 100 ms at 8 clients.

    .venv/bin/python bench/api.py [--db FILE] [--clients 8] [--requests 400] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
NEWS = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data/news/saudinewsnet_sample_train.jsonl"
TARGET_SEARCH_P95_MS = 100.0

# Everyday newsroom queries: single words, phrases, clitic and spelling variants.
QUERIES = (
    "النفط", "أسعار النفط", "وزارة الصحة", "الهلال", "الاتفاق النووي", "إيران", "اليمن",
    "مجلس الوزراء", "كرة القدم", "الأمطار", "سوق الأسهم", "التعليم", "داعش", "الحوثيين",
    "الرياض", "أمير المنطقة", "حادث مروري", "البطالة", "العقار", "بالرياض", "والاقتصاد",
    "المملكة العربية السعودية", "ولي العهد", "الدفاع المدني", "الطاقة الشمسية",
)


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0

    def summary(self) -> dict[str, float | int]:
        ms = sorted(s * 1000 for s in self.seconds)

        def pct(p: float) -> float:
            return ms[min(len(ms) - 1, int(round(p / 100 * (len(ms) - 1))))] if ms else float("nan")

        return {
            "requests": len(ms), "errors": self.errors,
            "p50_ms": round(pct(50), 2), "p95_ms": round(pct(95), 2), "p99_ms": round(pct(99), 2),
            "mean_ms": round(statistics.fmean(ms), 2) if ms else float("nan"),
            "req_per_s": round(len(ms) / self.wall, 1) if self.wall else 0.0,
        }


def build_db(db: Path) -> dict[str, object]:
    from marsad.ingest.read import read_paths
    from marsad.pipeline import ingest
    from marsad.store import open_store

    started = time.perf_counter()
    with open_store(db) as store:
        report = ingest(store, read_paths([str(NEWS)]), paths=[str(NEWS)])
    return {"new": report.new, "known": report.known, "skipped": report.skipped,
            "seconds": round(time.perf_counter() - started, 1)}


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its live children (uvicorn workers), from Linux
    /proc; None elsewhere. Per-request CPU time says what a request costs even when other work
    shares the machine and wall times swell."""
    def stat(p: int) -> list[str] | None:
        try:
            return Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None

    own = stat(pid)
    if own is None:
        return None
    total = int(own[11]) + int(own[12])
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(pid):
            fields = stat(int(entry.name))
            if fields is not None and fields[1] == str(pid):  # field 4: parent pid
                total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    # A separate process, so the load generator does not share the server's interpreter lock.
    code = ("from marsad.api import serve; "
            f"serve({str(db)!r}, '127.0.0.1', {port}, workers={workers}, log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code])


async def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}")
            try:
                if (await client.get(f"{base}/api/stats")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("server did not start in time")


async def load(base: str, urls: list[str], clients: int, max_seconds: float) -> Timings:
    """``clients`` workers share the list of URLs; each sends its next request when the last
    one is answered (closed loop)."""
    import httpx

    timings = Timings()
    queue: asyncio.Queue[str] = asyncio.Queue()
    for u in urls:
        queue.put_nowait(u)
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            try:
                url = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t = time.perf_counter()
            try:
                r = await client.get(url)
                await r.aread()
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                timings.seconds.append(time.perf_counter() - t)
            else:
                timings.errors += 1

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        timings.wall = time.perf_counter() - started
    return timings


def in_process(db: Path, queries: list[str], ids: list[str]) -> dict[str, dict[str, float | int]]:
    """The same work without HTTP, one call at a time: what the HTTP layer adds is the gap."""
    from marsad.api.services import lexical
    from marsad.store.queries import ArticleFilter
    from marsad.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    out = {}
    try:
        for name, calls in (
            ("search (in-process)", [lambda q=q: lexical(store, q, ArticleFilter(), limit=10, offset=0) for q in queries]),
            ("article (in-process)", [lambda i=i: store.get_article(i).to_dict() for i in ids]),
        ):
            timings = Timings()
            started = time.perf_counter()
            for call in calls:
                t = time.perf_counter()
                call()
                timings.seconds.append(time.perf_counter() - t)
            timings.wall = time.perf_counter() - started
            out[name] = timings.summary()
    finally:
        store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="existing database to serve (default: build one in a temp dir)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (one per core here)")
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="time cap per endpoint")
    ap.add_argument("--seed", type=int, default=20240301)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()

    tmp = None
    built = None
    db = args.db
    if db is None or not db.exists():
        if not NEWS.exists():
            print(f"skipped: {NEWS} is not present (needs ../shared/data/news)")
            return 0
        if db is None:
            tmp = tempfile.TemporaryDirectory(prefix="marsad-bench-")
            db = Path(tmp.name) / "bench.db"
        print(f"building {db} from {NEWS.name} …", flush=True)
        built = build_db(db)
        print(f"  {built}", flush=True)

    from marsad.store import queries
    from marsad.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    all_ids = queries.article_ids(store, limit=100_000)
    store.close()
    rng = random.Random(args.seed)
    search_queries = [rng.choice(QUERIES) for _ in range(args.requests)]
    article_ids = [rng.choice(all_ids) for _ in range(args.requests)]
    phases = {
        "/api/search": [f"/api/search?q={quote(q)}&limit=10" for q in search_queries],
        "/api/articles/{id}": [f"/api/articles/{i}" for i in article_ids],
        "/api/stats": ["/api/stats"] * max(20, args.requests // 4),
    }

    load_before = load_average()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(db, port, args.workers)
    results: dict[str, dict[str, float | int]] = {}
    try:
        asyncio.run(wait_ready(base, proc))
        # Warm-up: page cache, connection pool, first-call imports.
        asyncio.run(load(base, [u for urls in phases.values() for u in urls[:10]], args.clients, 30))
        for name, urls in phases.items():
            cpu_before = cpu_seconds(proc.pid)
            results[name] = asyncio.run(load(base, urls, args.clients, args.max_seconds)).summary()
            cpu_after = cpu_seconds(proc.pid)
            if cpu_before is not None and cpu_after is not None and results[name]["requests"]:
                results[name]["server_cpu_ms"] = round(
                    (cpu_after - cpu_before) * 1000 / (int(results[name]["requests"]) + int(results[name]["errors"])), 2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    results.update(in_process(db, search_queries[: min(200, len(search_queries))],
                              article_ids[: min(200, len(article_ids))]))
    if tmp is not None:
        tmp.cleanup()

    print(f"\narticles: {len(all_ids)}  clients: {args.clients}  workers: {args.workers}  "
          f"requests/endpoint: {args.requests}  "
          f"cpus: {os.cpu_count()}  load average: {load_before} before, {load_average()} after")
    print(f"{'endpoint':<24}{'n':>6}{'err':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>9}{'cpu ms/req':>12}")
    for name, s in results.items():
        cpu = f"{s['server_cpu_ms']:>12.2f}" if "server_cpu_ms" in s else f"{'':>12}"
        print(f"{name:<24}{s['requests']:>6}{s['errors']:>5}{s['p50_ms']:>9.1f}{s['p95_ms']:>9.1f}"
              f"{s['p99_ms']:>9.1f}{s['req_per_s']:>9.1f}{cpu}")
    print("cpu ms/req: server process CPU time per request (stable when the machine is shared)")
    p95 = float(results["/api/search"]["p95_ms"])
    verdict = "meets" if p95 < TARGET_SEARCH_P95_MS else "MISSES"
    print(f"\n/api/search p95 {p95:.1f} ms at {args.clients} clients {verdict} the {TARGET_SEARCH_P95_MS:.0f} ms target")
    if args.json:
        args.json.write_text(json.dumps({"clients": args.clients, "articles": len(all_ids), "built": built,
                                         "cpus": os.cpu_count(), "load_average": [load_before, load_average()],
                                         "results": results}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
