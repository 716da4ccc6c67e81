"""Latency and throughput of `nyhetsgraf serve` on a large store.

    python benchmarks/api_latency.py                          # 100,000 generated articles
    python benchmarks/api_latency.py --articles 20000 --seconds 10
    python benchmarks/api_latency.py --db api100k.db     # build once (resumed if interrupted), reuse

Building and linking 100,000 articles takes about 20 minutes on the standard machine (the knowledge
base links each batch of --batch articles); with ``--db`` the store is kept, a build that was
interrupted goes on where it stopped, and later runs measure the same store at once.

Builds a store of generated Norwegian-like articles (``kb_scale.Generator``: stories over days,
recurring and colliding names, near-duplicates) without NLP, with synthetic facts (entities, counts,
plus a quote and an event per article), links the knowledge base, then starts ``nyhetsgraf serve``
on 127.0.0.1 in its own process and measures, with httpx:

* p50/p95 of search with facets, an article, an entity and a series, for the JSON API and the page
  (targets: p95 < 100 ms for the API, < 200 ms for a page);
* requests/s of 8 concurrent clients requesting a mix of all of them for a fixed time.

Only 127.0.0.1 is contacted. Figures depend on the machine; the standard one has 2 shared cores.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_scale import Generator  # noqa: E402

from nyhetsgraf import kb  # noqa: E402
from nyhetsgraf.records import Event, Facts, Quote, link_entity_keys  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402

EVENT_TYPES = ("REQUEST", "ACCUSE", "AID", "PROTEST", "MOBILIZE", "CONSULT", "REJECT", "SUPPORT")
TARGET_API_MS = 100.0
TARGET_PAGE_MS = 200.0


def with_quote_and_event(pairs, seed: int):  # noqa: ANN001, ANN201 - (Article, Facts) in, the same out
    """Add the quote the generated text holds ("– Situasjonen er alvorlig, sier X.") and an event."""
    rng = random.Random(seed)
    for article, facts in pairs:
        text = article.text
        quotes, events = [], []
        start = text.find("Situasjonen er alvorlig")
        people = [e.name for e in facts.entities if e.type == "PER"]
        organisations = [e.name for e in facts.entities if e.type != "PER"]
        if start >= 0 and people:
            quotes.append(Quote("Situasjonen er alvorlig", people[0], True, (start, start + 23)))
        said = text.find("melder")
        if said >= 0 and organisations:
            events.append(Event(rng.choice(EVENT_TYPES), "melder", organisations[0],
                                people[0] if people else None, None, None, rng.random() < 0.05,
                                (said, said + 6)))
        yield article, link_entity_keys(Facts(entities=facts.entities, counts=facts.counts, quotes=quotes,
                                              events=events))


def build_store(path: Path, articles: int, batch: int, seed: int) -> None:
    """Store and link ``articles`` generated articles at ``path``; a store that an interrupted build
    left (the same --articles and --seed) is completed, not started again."""
    started = time.perf_counter()
    pairs = with_quote_and_event(Generator(seed, 365).articles(articles), seed)
    with open_store(str(path), batch_size=2000) as store:
        stored = store.count_articles()
        if stored:
            print(f"  {stored:,} articles already stored: going on from there", flush=True)
        for done, (article, facts) in enumerate(pairs, start=1):
            if done <= stored:  # generated all the same: the sequence depends on the seed and the total
                continue
            store.add(article, facts)
            if done % batch == 0 or done == articles:
                store.commit()
                kb.update(store)
                print(f"  stored and linked {done:>7} articles ({time.perf_counter() - started:5.0f} s)",
                      flush=True)
    print(f"store built in {time.perf_counter() - started:.0f} s: {path}", flush=True)


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with open_store(str(db), create=False, read_only=True) as store:
        return store.count_articles()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from nyhetsgraf.cli import main; main()", "serve", "--db", str(db),
               "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def sample_urls(db: Path, count: int, seed: int) -> dict[str, list[str]]:
    """For each kind of request, ``count`` URLs over different articles, entities, series and words."""
    rng = random.Random(seed)
    with open_store(str(db), create=False, read_only=True) as store:
        article_ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY rid")]
        entity_ids = [r["id"] for r in store.query(
            "SELECT id FROM kb_entities WHERE articles >= 2 ORDER BY id")]
        series = store.query(
            "SELECT c.category, lh.corpus_id AS h, ll.corpus_id AS l FROM counts c"
            " LEFT JOIN kb_entity_links lh ON lh.entity_id = c.holder_entity"
            " LEFT JOIN kb_entity_links ll ON ll.entity_id = c.location_entity"
            " WHERE ll.corpus_id IS NOT NULL OR lh.corpus_id IS NOT NULL"
            " GROUP BY c.category, lh.corpus_id, ll.corpus_id HAVING count(DISTINCT c.article_rid) >= 2")
        words = [r["name"] for r in store.query("SELECT name FROM kb_entities WHERE type = 'GPE_LOC'"
                                                " AND articles >= 2 ORDER BY id")]
    words += ["flom", "brann", "streik", "skred", "ulykke", "innsatsleder", "situasjonen alvorlig"]
    series_ids = [quote("|".join((s["category"], s["h"] or "", s["l"] or "")), safe="") for s in series]

    def pick(items: list[str]) -> list[str]:
        return [rng.choice(items) for _ in range(count)]

    searches = [quote(word) for word in pick(words)]
    articles, entities, chosen_series = pick(article_ids), pick(entity_ids), pick(series_ids)
    return {
        "search with facets": [f"/api/search?q={q}" for q in searches],
        "article": [f"/api/articles/{a}" for a in articles],
        "entity": [f"/api/entities/{e}" for e in entities],
        "series": [f"/api/series/{s}" for s in chosen_series],
        "search page": [f"/sok?q={q}" for q in searches],
        "article page": [f"/artikkel/{a}" for a in articles],
        "entity page": [f"/entitet/{e}" for e in entities],
        "series page": [f"/serie/{s}" for s in chosen_series],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_latency(base: str, urls: dict[str, list[str]],
                    server_pid: int) -> list[tuple[str, float, float, float | None, float]]:
    """Per kind: p50 and p95 wall-clock ms, and the server's CPU ms per request (what the request costs
    whatever else the machine runs)."""
    rows = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for kind, paths in urls.items():
            for path in paths[:3]:  # warm-up
                client.get(path)
            timings = []
            cpu_before = cpu_seconds(server_pid)
            for path in paths:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:200]}")
            cpu_after = cpu_seconds(server_pid)
            cpu = (None if cpu_before is None or cpu_after is None
                   else (cpu_after - cpu_before) * 1000 / len(paths))
            target = TARGET_PAGE_MS if "page" in kind else TARGET_API_MS
            rows.append((kind, percentile(timings, 0.5), percentile(timings, 0.95), cpu, target))
    return rows


def measure_throughput(base: str, urls: dict[str, list[str]], clients: int,
                       seconds: float) -> tuple[int, int, float]:
    mixed = [path for paths in urls.values() for path in paths]
    done = [0] * clients
    failed = [0] * clients
    stop = time.monotonic() + seconds

    def client_loop(number: int) -> None:
        rng = random.Random(number)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop:
                response = client.get(rng.choice(mixed))
                if response.status_code == 200:
                    done[number] += 1
                else:
                    failed[number] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done), sum(failed), time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--batch", type=int, default=10_000,
                        help="articles stored between knowledge-base updates")
    parser.add_argument("--db", type=Path, help="use (or build, if missing) this store")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    parser.add_argument("--requests", type=int, default=60, help="timed requests of each kind")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for requests/s")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the throughput run")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="nyhetsgraf-api-"))
    db = args.db or folder / "api.db"
    if stored_articles(db) < args.articles:
        print(f"building a store of {args.articles:,} generated articles ...", flush=True)
        build_store(db, args.articles, args.batch, args.seed)
    with open_store(str(db), create=False, read_only=True) as store:
        stored = store.count_articles()
    port = free_port()
    server = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        urls = sample_urls(db, args.requests, args.seed)
        print(f"\nstore: {stored:,} articles; {args.requests} requests of each kind, one client\n")
        print(f"{'request':<20} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms':>14} {'target p95':>11}")
        for kind, p50, p95, cpu, target in measure_latency(base, urls, server.pid):
            verdict = "ok" if p95 < target else "OVER"
            cpu_text = f"{cpu:14.1f}" if cpu is not None else f"{'—':>14}"
            print(f"{kind:<20} {p50:8.1f} {p95:8.1f} {cpu_text} {target:8.0f} ms  {verdict}")
        print(f"(load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        done, failed, seconds = measure_throughput(base, urls, args.clients, args.seconds)
        print(f"\n{args.clients} concurrent clients, {seconds:.0f} s, mixed requests: "
              f"{done / seconds:.1f} requests/s ({done} ok, {failed} failed)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if args.db is None and not args.keep:
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
        elif args.db is None:
            print(f"store kept: {db}")


if __name__ == "__main__":
    main()
