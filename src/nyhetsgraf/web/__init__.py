"""``nyhetsgraf serve``: a JSON API under /api/ and server-rendered pages over a store.

    from nyhetsgraf.web import create_app
    app = create_app("nyhetsgraf.db")   # an ASGI app for uvicorn
"""

from nyhetsgraf.web.app import create_app

__all__ = ["create_app"]
