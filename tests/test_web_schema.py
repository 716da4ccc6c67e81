"""Property-based test of the JSON API against its own OpenAPI document: no generated request, valid
or not, may get a server error (schemathesis + hypothesis, a bounded number of examples)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from nyhetsgraf.web import create_app
from webtools import build_hand_built_store

# schemathesis reads the schema when the module is collected, so the (small, NLP-free) store is built here.
_FOLDER = Path(tempfile.mkdtemp(prefix="nyhetsgraf-schema-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
schema = schemathesis.openapi.from_asgi("/api/openapi.json",
                                        create_app(build_hand_built_store(_FOLDER / "built.db")))


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_server_error_for_any_request(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
    if response.status_code >= 400:
        assert response.json()["error"]["status"] == response.status_code
