"""The FastAPI application: JSON API under /api/, server-rendered pages, vendored static files, /docs.

    app = create_app("nyhetsgraf.db")                       # read-only
    app = create_app("nyhetsgraf.db", write=True, token=t)  # POST /api/articles with the token

Nothing is loaded from elsewhere: the interactive API docs use the swagger-ui files shipped in
static/vendor/. CORS is off (no CORS headers), every response forbids inline scripts and framing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nyhetsgraf import __version__
from nyhetsgraf.web.data import BadRequest, NotFound
from nyhetsgraf.web.db import Database

MAX_BODY_BYTES = 2 * 1024 * 1024
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                           " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
                           " base-uri 'none'; form-action 'self'")

DESCRIPTION = """Read-only JSON API over a nyhetsgraf store: articles in the extraction contract's form,
full-text search with facets, entities, events, quotes, count series and exports (JSON Lines, CSV).

Lists take `limit` (1–200) and `offset` and are ordered on a unique key last, so pages are stable.
Errors are JSON: `{"error": {"status": 404, "message": "..."}}`.
With `nyhetsgraf serve --write`, `POST /api/articles` stores an article and returns its facts;
it needs `Authorization: Bearer <token>`."""


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuse request bodies over ``limit`` bytes with 413, by the Content-Length or while reading."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _send_json(send, 413, f"request body over {self.limit} bytes")
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_json(send, 413, f"request body over {self.limit} bytes")


class SecurityHeaders:
    """Headers every response gets: no sniffing, no framing, scripts only from this server."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin"),
                            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


async def _send_json(send: Send, status: int, message: str) -> None:
    import json

    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str, detail: Any = None) -> Response:
    """JSON for the API, a small HTML page (in Norwegian) for the pages."""
    if _wants_json(request):
        error: dict[str, Any] = {"status": status, "message": message}
        if detail is not None:
            error["detail"] = detail
        return JSONResponse({"error": error}, status_code=status)
    from nyhetsgraf.web.pages import render_error

    return render_error(request, status, message)


def _validation_message(error: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body"))
        details.append({"field": where, "message": item.get("msg", "invalid")})
    first = details[0] if details else {"field": "", "message": "invalid request"}
    return f"{first['field']}: {first['message']}" if first["field"] else first["message"], details


def create_app(store_url: str | Path, *, write: bool = False, token: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The whole web application over one store. ``write`` needs a ``token`` (raises ValueError without)."""
    if write and not token:
        raise ValueError("writing needs a token (--token or NYHETSGRAF_TOKEN)")
    database = Database(store_url, write=write)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(title="nyhetsgraf", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.db = database
    app.state.write = write
    app.state.token = token

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = error_response(request, error.status_code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        message, details = _validation_message(error)
        return error_response(request, 422, message, details)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return error_response(request, 404, str(error))

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, error: BadRequest) -> Response:
        return error_response(request, 400, str(error))

    from nyhetsgraf.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("nyhetsgraf.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_PAGE)

    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, limit=max_body_bytes)
    return app


_DOCS_PAGE = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nyhetsgraf API</title><link rel="stylesheet" href="/static/vendor/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head>
<body><p><a href="/">← nyhetsgraf</a></p><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script><script src="/static/docs.js"></script>
</body></html>
"""
