"""Extractors as declared components: each finder states what it needs and what it gives.

A run is planned from configuration (``ExtractConfig.finders``, in order, minus ``skip``): every need
must be given by the Doc, the article or an earlier finder, so shared intermediate results (the
article's entity index, its referents, its time expressions) are built once and handed on. A finder
whose result is a registered fact kind fills that list of ``Facts``.

Adding a finder: write ``def find_x(doc, article, ...) -> list[X]``, register it with
``register_finder(Finder("x", find_x, needs=(...), gives="x"))`` and name it in the configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from nyhetsgraf.extract.counts import find_counts
from nyhetsgraf.extract.entities import EntityIndex, Referents, find_entities
from nyhetsgraf.extract.events import find_events
from nyhetsgraf.extract.quotes import find_quotes, gender_of
from nyhetsgraf.extract.times import find_times
from nyhetsgraf.records import FACT_KINDS, Article, Facts, link_entity_keys

INPUTS = ("doc", "article")  # what every run starts from


class ConfigError(ValueError):
    """The extraction configuration names an unknown finder or leaves a need unmet."""


@dataclass(frozen=True, slots=True)
class Finder:
    """One extraction step: ``run(**{need: value})`` returns the result named ``gives``."""

    name: str
    run: Callable[..., Any]
    needs: tuple[str, ...]
    gives: str


FINDERS: dict[str, Finder] = {}


def register_finder(finder: Finder) -> Finder:
    FINDERS[finder.name] = finder
    return finder


def unregister_finder(name: str) -> None:
    FINDERS.pop(name, None)


def _entity_index(doc: Doc, article: Article) -> EntityIndex:
    return find_entities(doc, article)


def _entities(entity_index: EntityIndex) -> list[Any]:
    return entity_index.entities


def _referents(doc: Doc, entity_index: EntityIndex) -> Referents:
    return Referents(doc, entity_index, gender_of)


def _quotes(doc: Doc, article: Article, entity_index: EntityIndex, referents: Referents) -> list[Any]:
    return find_quotes(doc, article, entity_index, referents=referents)


def _counts(doc: Doc, article: Article, entity_index: EntityIndex, times: list[Any]) -> list[Any]:
    return find_counts(doc, article, entity_index, times=times)


def _events(doc: Doc, article: Article, entity_index: EntityIndex, referents: Referents, times: list[Any],
            quotes: list[Any]) -> list[Any]:
    return find_events(doc, article, entity_index, times=times, quotes=quotes, referents=referents)


for _finder in (
    Finder("entity_index", _entity_index, ("doc", "article"), "entity_index"),
    Finder("entities", _entities, ("entity_index",), "entities"),
    Finder("referents", _referents, ("doc", "entity_index"), "referents"),
    Finder("quotes", _quotes, ("doc", "article", "entity_index", "referents"), "quotes"),
    Finder("times", find_times, ("doc", "article"), "times"),
    Finder("counts", _counts, ("doc", "article", "entity_index", "times"), "counts"),
    Finder("events", _events, ("doc", "article", "entity_index", "referents", "times", "quotes"), "events"),
):
    register_finder(_finder)

DEFAULT_FINDERS = ("entity_index", "entities", "referents", "quotes", "times", "counts", "events")


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """What an extraction run does; plain data, so it travels to worker processes and Dask workers.

    ``models`` is a folder holding one spaCy pipeline per language (``nb/``, ``nn/``); None means the
    pipelines shipped in the package.
    """

    finders: tuple[str, ...] = DEFAULT_FINDERS
    skip: frozenset[str] = field(default_factory=frozenset)
    models: str | None = None

    def plan(self) -> tuple[Finder, ...]:
        """The finders to run, in order; a ConfigError names an unknown finder or an unmet need."""
        unknown = [name for name in (*self.finders, *self.skip) if name not in FINDERS]
        if unknown:
            raise ConfigError(f"unknown extractor {unknown[0]!r} (known: {', '.join(FINDERS)})")
        given = set(INPUTS)
        planned = []
        for name in self.finders:
            if name in self.skip:
                continue
            finder = FINDERS[name]
            missing = [need for need in finder.needs if need not in given]
            if missing:
                skipped = " (skipped)" if any(m in self.skip for m in missing) else ""
                raise ConfigError(f"extractor {name!r} needs {', '.join(missing)}, which nothing before it"
                                  f" gives{skipped}")
            planned.append(finder)
            given.add(finder.gives)
        return tuple(planned)


def run_finders(plan: tuple[Finder, ...], doc: Doc, article: Article) -> Facts:
    """Every planned finder over one parsed article; the results that are fact kinds make its Facts."""
    results: dict[str, Any] = {"doc": doc, "article": article}
    for finder in plan:
        results[finder.gives] = finder.run(**{need: results[need] for need in finder.needs})
    facts = Facts(**{name: results[name] for name in FACT_KINDS if name in results})
    return link_entity_keys(facts)
