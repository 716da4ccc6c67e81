# ruff: noqa: E501  (article paragraphs are kept on one line each)
"""Build archive.warc.gz, the web-archive part of the demo corpus.

The archive mimics a small crawl of a news site: three article pages (text/html responses),
the request record for the first page, a robots.txt and a PNG logo. Readers must keep the
HTML responses and skip everything else. Record ids, dates and gzip headers are fixed, so
running the script again gives a byte-identical file:

    python examples/demo/build_warc.py
"""

from __future__ import annotations

import html
import io
import struct
import uuid
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SITE = "Nyhetsbyrået Demo"
BASE_URL = "https://nyheter.example.no"
CRAWL_DATE = "2024-11-22T06:00:00Z"
OUTPUT = Path(__file__).with_name("archive.warc.gz")

# Each article: "key: value" header lines, a "---" line, then one paragraph per line.
# Lines starting with "## " are subheadings (mellomtitler).
ARTICLES = [
    """\
title: Minst sju drept i russisk rakettangrep mot Kharkiv
date: 2024-05-26T10:15:00+02:00
author: Ingvild Rønning
slug: rakettangrep-kharkiv
section: Utenriks
lang: nb
---
Minst sju mennesker ble drept og over 40 skadd da russiske raketter traff et kjøpesenter og et boligområde i Kharkiv lørdag ettermiddag, opplyser ukrainske myndigheter.
Angrepet skjedde like etter klokken 16 lokal tid, da kjøpesenteret var fullt av folk. Ifølge redningstjenesten er minst 16 personer fortsatt savnet.
– Vi leter gjennom ruinene hele natten. Vi frykter at tallet på drepte vil stige, sier en talsperson for den ukrainske redningstjenesten.
Kharkivs fylkesguvernør skriver på Telegram at to raketter av typen Iskander traff byen. Han omtaler angrepet som «et bevisst angrep på sivile».
## Russland avviser
Det russiske forsvarsdepartementet hevder at angrepet var rettet mot et militært lager, og avviser at sivile mål ble rammet.
Ukrainas president fordømmer angrepet og krever at vestlige land leverer flere luftvernsystemer.
– Hvis vi hadde hatt nok luftvern, ville disse menneskene vært i live i dag, sier presidenten i en videotale.
Norges utenriksminister Eirik Sande kaller angrepet «forkastelig» og bekrefter at Norge vil bidra med ytterligere 1,5 milliarder kroner til luftvern gjennom en internasjonal innkjøpsordning.
## Byen under press
Kharkiv, som ligger rundt 30 kilometer fra grensen til Russland, har vært under nesten daglige angrep siden russiske styrker innledet en ny offensiv i regionen tidligere i mai.
Ifølge FN er om lag 14.000 mennesker evakuert fra landsbyene nord for byen de siste to ukene.
Ukrainsk militæretterretning opplyser at Russland har samlet rundt 30.000 soldater på sin side av grensen.
""",
    """\
title: Over 500 demonstrerte mot eigedomsskatt i Hallingdal
date: 2024-10-12T15:30:00+02:00
author: Olav Tveito
slug: demonstrasjon-eigedomsskatt-gol
section: Innanriks
lang: nn
---
Over 500 menneske møtte opp til demonstrasjon utanfor kommunehuset på Gol laurdag. Dei protesterer mot planane om å auke eigedomsskatten med 40 prosent frå neste år.
Demonstrasjonen var arrangert av aksjonsgruppa «Nei til skatteauke», som har samla over 2.300 underskrifter.
– Me er ikkje imot at kommunen treng pengar. Men det kan ikkje vere berre huseigarane som skal betale for at kommunen har rota det til, seier leiar i aksjonsgruppa, Gunhild Hamre.
Ho fortel at mange pensjonistar i bygda fryktar at dei ikkje lenger har råd til å bu i sine eigne hus.
## Ordføraren vil ikkje snu
Ordførar Lars Kvisler tok imot underskriftene, men seier at kommunen ikkje har noko val.
– Me har eit underskot på 25 millionar kroner i år. Anten må me auke inntektene, eller så må me leggje ned skular og sjukeheimsplassar. Det vil eg ikkje vere med på, seier Kvisler.
Han lovar likevel at kommunestyret skal vurdere eit botnfrådrag som vil skjerme dei minste bustadene.
## Avgjerd i desember
Kommunestyret skal vedta budsjettet for neste år 12. desember. Ifølgje kommunedirektøren vil ein typisk einebustad få om lag 3.000 kroner meir i eigedomsskatt i året dersom forslaget blir vedteke.
Hamre varslar nye aksjonar dersom kommunestyret ikkje endrar forslaget.
– Me gir oss ikkje. Neste gong kjem me med traktorane, seier ho.
""",
    """\
title: Colombia og geriljagruppe enige om våpenhvile etter samtaler i Oslo
date: 2024-11-21
author: Kjersti Holm
slug: colombia-vapenhvile-oslo
section: Utenriks
lang: nb
---
Colombias regjering og geriljagruppen ELN er enige om en seks måneders våpenhvile. Avtalen ble undertegnet i Oslo torsdag etter to uker med samtaler.
Norge og Cuba har vært tilretteleggere i fredsprosessen siden 2022.
– Dette er et viktig skritt mot fred for millioner av colombianere som har levd med vold i generasjoner. Begge parter fortjener ros for motet de har vist, sier utenriksminister Eirik Sande.
Ifølge avtalen skal ELN slutte å kidnappe sivile og løslate om lag 30 gisler innen utgangen av januar. Regjeringen forplikter seg til å innstille militære operasjoner mot gruppen i de samme områdene.
## Skeptiske røster
Colombias sjefforhandler Andrea Morales sier at regjeringen ikke har til hensikt å trekke styrkene ut av grenseområdene mot Venezuela.
– Våpenhvilen gjelder ELN. Vi vil fortsatt bekjempe narkotikakarteller og andre væpnede grupper med full styrke, sier Morales.
Opposisjonen i Colombia kritiserer avtalen. Flere senatorer hevder at ELN har brutt alle tidligere avtaler, og krever at regjeringen stanser forhandlingene.
ELNs forhandlingsleder skriver i en uttalelse at gruppen «vil respektere avtalen fullt ut» og ber regjeringen gjøre det samme.
## Neste runde i Havanna
FN skal overvåke våpenhvilen sammen med Den katolske kirke. Ifølge avtalen skal en overvåkingsmekanisme med rundt 200 observatører være på plass innen to uker.
Partene møtes igjen til en ny forhandlingsrunde i Havanna i februar. Sande sier at Norge vil fortsette å støtte prosessen.
– Veien til en varig fredsavtale er lang, men i dag er vi et stort skritt nærmere, sier han.
"""
]


def parse_article(source: str) -> tuple[dict[str, str], list[str]]:
    head, body = source.split("---\n", 1)
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    return meta, [line for line in body.strip().splitlines() if line.strip()]


def article_url(meta: dict[str, str]) -> str:
    return f"{BASE_URL}/{meta['section'].lower()}/{meta['slug']}"


def body_html(lines: list[str]) -> str:
    parts = []
    for position, line in enumerate(lines):
        if line.startswith("## "):
            parts.append(f"      <h2>{html.escape(line[3:])}</h2>")
        elif position == 0:
            parts.append(f'      <p class="lead">{html.escape(line)}</p>')
        else:
            parts.append(f"      <p>{html.escape(line)}</p>")
    return "\n".join(parts)


def render_page(meta: dict[str, str], lines: list[str]) -> str:
    title = html.escape(meta["title"])
    author = html.escape(meta["author"])
    return f"""<!DOCTYPE html>
<html lang="{meta['lang']}">
<head>
  <meta charset="utf-8">
  <title>{title} – {SITE}</title>
  <meta name="description" content="{html.escape(lines[0])}">
  <meta name="author" content="{author}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{title}">
  <meta property="og:url" content="{article_url(meta)}">
  <meta property="article:published_time" content="{meta['date']}">
  <link rel="canonical" href="{article_url(meta)}">
</head>
<body>
  <header>
    <a class="logo" href="/"><img src="/static/logo.png" alt="{SITE}"></a>
    <nav>
      <ul>
        <li><a href="/">Forsiden</a></li>
        <li><a href="/innenriks">Innenriks</a></li>
        <li><a href="/utenriks">Utenriks</a></li>
        <li><a href="/okonomi">Økonomi</a></li>
        <li><a href="/sport">Sport</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="byline">Av {author} · <time datetime="{meta['date']}">{meta['date'][:10]}</time></p>
{body_html(lines)}
    </article>
    <aside>
      <h3>Les også</h3>
      <ul>
        <li><a href="/utenriks/fn-krever-humanitaer-pause">FN krever humanitær pause</a></li>
        <li><a href="/innenriks/ny-rekord-for-elbilsalget">Ny rekord for elbilsalget</a></li>
      </ul>
    </aside>
  </main>
  <footer>
    <p>© 2024 {SITE} · <a href="/personvern">Personvern</a> · <a href="/tips">Tips oss</a></p>
  </footer>
</body>
</html>
"""


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, standing in for the site logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def fixed_headers(url: str, kind: str) -> dict[str, str]:
    # Deterministic ids and dates keep the committed archive reproducible.
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{kind}:{url}")
    return {"WARC-Record-ID": f"<urn:uuid:{record_id}>", "WARC-Date": CRAWL_DATE}


def write_response(writer: WARCWriter, url: str, content_type: str, payload: bytes) -> None:
    http_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=http_headers,
        warc_headers_dict=fixed_headers(url, "response"),
    )
    writer.write_record(record)


def write_request(writer: WARCWriter, url: str) -> None:
    path = url.removeprefix(BASE_URL) or "/"
    http_headers = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [("Host", "nyheter.example.no"), ("User-Agent", "nyhetsgraf-demo-crawler/1.0")],
        is_http_request=True,
    )
    record = writer.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b""),
        http_headers=http_headers,
        warc_headers_dict=fixed_headers(url, "request"),
    )
    writer.write_record(record)


def build(output: Path = OUTPUT) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    robots = b"User-agent: *\nDisallow: /admin/\n"
    write_response(writer, f"{BASE_URL}/robots.txt", "text/plain", robots)
    for position, source in enumerate(ARTICLES):
        meta, lines = parse_article(source)
        url = article_url(meta)
        if position == 0:
            write_request(writer, url)
        write_response(writer, url, "text/html; charset=utf-8", render_page(meta, lines).encode("utf-8"))
    write_response(writer, f"{BASE_URL}/static/logo.png", "image/png", tiny_png())
    output.write_bytes(buffer.getvalue())


if __name__ == "__main__":
    build()
