"""Entity resolution across articles: which article entities are one real-world entity.

A pure function over plain records (``LinkEntity``), deterministic and independent of input order,
so the store can re-run it on the affected blocks after each ingest and get what one run over the
whole corpus would give. The rules, in the order they apply:

1. A one-word person name ("Bakken") is a further mention of a person named in full with that
   surname: in the same article, else the same story, else the only such person in the corpus when
   the two articles share another entity. Two or more candidates at the first level that has any:
   it stays a name of its own (within its story).
2. Entities of one class (person, organisation, place, other) that share a key are one entity: the
   same full name, a surface form in common ("PST" inside "Politiets sikkerhetstjeneste (PST)"), or
   forms the variant table maps to one ("Noreg"/"Norge", "Kiev"/"Kyiv", "Ap"/"Arbeiderpartiet").
3. Within one story, entities of different classes with one key are one entity (the recogniser
   called the same place LOC in one article and ORG in the next), and an acronym joins the long
   name whose initials it is ("NVE"). Across stories a town and a club or company of the same name
   stay apart, and two entities one article keeps apart are never joined.
4. Within one story, near-identical spellings of one class are one entity (rapidfuzz: "Jens
   Stoltenbreg" is Jens Stoltenberg); across stories they are not.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from nyhetsgraf.kb.names import (
    entity_class,
    fold,
    initials,
    is_short_form,
    name_key,
    preferred_forms,
    strip_genitive,
)


@dataclass(slots=True)
class LinkEntity:
    """One article entity as the resolver sees it."""

    entity_id: int  # the store's key of the article entity
    article: str  # article id
    story: str  # the article's story id (the article id itself when it has none)
    name: str  # the extractor's canonical name in that article
    type: str
    forms: dict[str, int] = field(default_factory=dict)  # surface forms, genitive stripped -> mentions
    date: str | None = None

    @property
    def cls(self) -> str:
        return entity_class(self.type)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def is_one_word_person(self) -> bool:
        return self.cls == "PER" and len(self.key.split()) == 1

    def name_keys(self) -> set[str]:
        """Keys that join this entity to others of its class (a person: the full name only)."""
        if self.cls == "PER":
            return {self.key} if self.key else set()
        found = {self.key} | {name_key(form) for form in self.forms if len(fold(form)) >= 2}
        return {k for k in found if k}

    def initial_keys(self) -> set[str]:
        """Acronym keys: "nve" for the long name and for "NVE" itself (joined within a story only)."""
        if self.cls == "PER":
            return set()
        found = {initials(self.name)} | {fold(f) for f in [self.name, *self.forms] if is_short_form(f)}
        return {k for k in found if len(k) >= 2}

    def block_keys(self) -> set[str]:
        """Everything this entity could be joined by: resolution re-runs per connected set of these."""
        if self.cls == "PER":
            words = self.key.split()
            return {"n:" + self.key, "s:" + words[-1]} if words else set()
        return {"n:" + k for k in self.name_keys()} | {"i:" + k for k in self.initial_keys()}


def surface_forms(name: str, surfaces: Iterable[str]) -> dict[str, int]:
    """Mentions' surface forms with genitives stripped ("Økokrims" -> "Økokrim"), counted."""
    surfaces = [" ".join(s.split()) for s in surfaces]
    known = {fold(name)} | {fold(s) for s in surfaces}
    counted: Counter[str] = Counter()
    for surface in surfaces:
        base = strip_genitive(surface, known)
        if base == surface and surface.endswith("s") and surface[:-1].isupper() and len(surface) > 2:
            base = surface[:-1]  # "PSTs", "NVEs"
        counted[base] += 1
    return dict(counted)


class _Clusters:
    """Union-find over entity positions that refuses to join two entities one article keeps apart."""

    def __init__(self, entities: list[LinkEntity]) -> None:
        self.parent = list(range(len(entities)))
        # per root: article -> classes of its members in that article
        self.classes: list[dict[str, set[str]]] = [{e.article: {e.cls}} for e in entities]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, *, strict: bool) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, large = sorted((ra, rb), key=lambda r: (len(self.classes[r]), r))
        if strict:
            for article, classes in self.classes[small].items():
                other = self.classes[large].get(article)
                if other is not None and (classes | other) != classes:
                    return False
        for article, classes in self.classes[small].items():
            self.classes[large].setdefault(article, set()).update(classes)
        self.classes[small] = {}
        self.parent[small] = large
        return True


def _order(e: LinkEntity) -> tuple[str, str, int, str]:
    return (e.article, e.name, e.entity_id, e.type)


def resolve(entities: Iterable[LinkEntity]) -> dict[int, str]:
    """Corpus entity id of every article entity (see the module docstring)."""
    # Sorted by content, not by arrival, so the result never depends on input order.
    items = sorted(entities, key=lambda e: (e.article, e.name, e.type, e.entity_id))
    if not items:
        return {}
    persons_by_surname: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    keys_by_article: dict[str, set[str]] = defaultdict(set)
    for i, e in enumerate(items):
        if e.cls == "PER" and not e.is_one_word_person and e.key:
            persons_by_surname[e.key.split()[-1]][e.key].append(i)
        if not e.is_one_word_person:
            keys_by_article[e.article].update(e.name_keys())

    attached = _attach_surnames(items, persons_by_surname, keys_by_article)
    clusters = _Clusters(items)
    story_class = _story_classes(items)
    # Rule 2: one class, one key. A lone surname nobody claims is a name of its own story. An entity
    # takes the class its name has most often in its story, so that a slip of the recogniser ("Sel"
    # as ORG in one article of a flood) never bridges a town and a club of one name across stories.
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        if i in attached:
            continue
        if e.is_one_word_person:
            groups[("PER", f"{e.key}@{e.story}")].append(i)
        else:
            cls = story_class.get((e.story, e.key), e.cls)
            for key in e.name_keys():
                groups[(cls, key)].append(i)
    for _, members in sorted(groups.items()):
        for other in members[1:]:
            clusters.union(members[0], other, strict=True)
    # Rule 3: within a story, across classes, and acronyms by initials.
    in_story: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(items):
        if i in attached:
            continue
        keys = {e.key} if e.is_one_word_person else e.name_keys()
        for key in keys:
            in_story[(e.story, "n:" + key)].append(i)
        for key in e.initial_keys():
            in_story[(e.story, "i:" + key)].append(i)
    for _, members in sorted(in_story.items()):
        for other in members[1:]:
            clusters.union(members[0], other, strict=True)
    _join_spelling_variants(items, attached, story_class, clusters)
    # Rule 1's attachments follow their person's cluster.
    root_of = {i: clusters.find(attached.get(i, i)) for i in range(len(items))}
    return _cluster_ids(items, root_of)


_CLASS_PREFERENCE = {"PLACE": 0, "ORG": 1, "OTHER": 2}
FUZZY_SURNAME = 90  # rapidfuzz ratio of two surnames of one first name, in one story ("Stoltenbreg")
FUZZY_NAME = 92  # rapidfuzz ratio of two other names of one class, in one story
MIN_FUZZY_LENGTH = 6  # shorter names differ by a letter too often ("Sel", "Sæl")


def _join_spelling_variants(
    items: list[LinkEntity],
    attached: dict[int, int],
    story_class: dict[tuple[str, str], str],
    clusters: _Clusters,
) -> None:
    """Rule 4: within one story, near-identical spellings of one class are one entity (a typo, a
    transliteration the variant table does not know). Across stories they stay apart ("Grenland" is
    no "Greenland")."""
    from rapidfuzz import fuzz

    by_story: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for i, e in enumerate(items):
        if i in attached or e.is_one_word_person or len(e.key) < MIN_FUZZY_LENGTH:
            continue
        cls = "PER" if e.cls == "PER" else story_class.get((e.story, e.key), e.cls)
        by_story[e.story].setdefault((cls, e.key), i)
    for _, groups in sorted(by_story.items()):
        if len(groups) < 2:
            continue
        entries = sorted(groups.items())
        keys = [key for (_, key), _ in entries]
        for a, b, score in _similar_pairs(keys, min(FUZZY_SURNAME, FUZZY_NAME)):
            (cls_a, key_a), first = entries[a]
            (cls_b, key_b), second = entries[b]
            if cls_a != cls_b:
                continue
            if cls_a == "PER":
                words_a, words_b = key_a.split(), key_b.split()
                if words_a[:-1] != words_b[:-1] or fuzz.ratio(words_a[-1], words_b[-1]) < FUZZY_SURNAME:
                    continue
            elif score < FUZZY_NAME:
                continue
            clusters.union(first, second, strict=True)


ALL_PAIRS_UP_TO = 400  # names of one story compared all against all; beyond, sorted neighbours only
NEIGHBOURS = 24  # how many following names each name is compared with, in each sort order


def _similar_pairs(keys: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """``(a, b, ratio)`` with a < b for the pairs of ``keys`` whose rapidfuzz ratio reaches ``cutoff``.

    A story of ordinary size is compared all against all. A huge one (thousands of names: a long
    running story, a generated corpus) would need a matrix of millions of cells, so there each name is
    compared with its neighbours in alphabetical order and in the order of its reversed spelling (the
    sorted-neighbourhood method): a spelling variant differs in few letters, so it sorts near its twin
    in one of the two orders unless both its ends differ."""
    from rapidfuzz import fuzz, process

    if len(keys) <= ALL_PAIRS_UP_TO:
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        for a, b in zip(*scores.nonzero(), strict=True):
            if a < b:
                yield int(a), int(b), float(scores[a, b])
        return
    seen: set[tuple[int, int]] = set()
    for order in (sorted(range(len(keys)), key=lambda k: keys[k]),
                  sorted(range(len(keys)), key=lambda k: keys[k][::-1])):
        for position, a in enumerate(order):
            for b in order[position + 1:position + 1 + NEIGHBOURS]:
                pair = (min(a, b), max(a, b))
                if pair in seen:
                    continue
                seen.add(pair)
                score = fuzz.ratio(keys[a], keys[b], score_cutoff=cutoff)
                if score:
                    yield pair[0], pair[1], score


def _story_classes(items: list[LinkEntity]) -> dict[tuple[str, str], str]:
    """The class each (story, name key) of non-person entities has most often (ties: place, org, other)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for e in items:
        if e.cls != "PER":
            votes[(e.story, e.key)][e.cls] += 1
    return {
        key: min(counts, key=lambda c: (-counts[c], _CLASS_PREFERENCE.get(c, 3)))
        for key, counts in votes.items()
    }


def _attach_surnames(
    items: list[LinkEntity],
    persons_by_surname: dict[str, dict[str, list[int]]],
    keys_by_article: dict[str, set[str]],
) -> dict[int, int]:
    """Position of each one-word person name -> position of the full-name person it names."""
    attached: dict[int, int] = {}
    for i, e in enumerate(items):
        if not e.is_one_word_person:
            continue
        candidates = persons_by_surname.get(e.key)
        if not candidates:
            continue
        for scope in ("article", "story", "corpus"):
            found = {
                key: members
                for key, members in candidates.items()
                if scope == "corpus" or any(getattr(items[m], scope) == getattr(e, scope) for m in members)
            }
            if scope == "corpus" and len(found) == 1:
                # The only person of that surname: only when the articles share some other entity.
                (members,) = found.values()
                context = keys_by_article.get(e.article, set())
                if not any(
                    context & keys_by_article.get(items[m].article, set()) - {items[m].key} for m in members
                ):
                    found = {}
            if len(found) == 1:
                (members,) = found.values()
                same_scope = [
                    m for m in members if scope == "corpus" or getattr(items[m], scope) == getattr(e, scope)
                ]
                attached[i] = min(same_scope)
                break
            if found:
                break  # two people of that surname: a name of its own
    return attached


def _cluster_ids(items: list[LinkEntity], root_of: dict[int, int]) -> dict[int, str]:
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in root_of.items():
        members[root].append(i)
    named: dict[str, list[list[int]]] = defaultdict(list)
    for group in members.values():
        anchors = Counter()
        for i in group:
            e = items[i]
            key = f"{e.key}@{e.story}" if e.is_one_word_person and e.cls == "PER" else e.key
            anchors[(e.cls, key)] += 1
        (cls, key), _ = min(anchors.items(), key=lambda kv: (-kv[1], kv[0]))
        named[f"{cls}:{key}"].append(group)
    result: dict[int, str] = {}
    for anchor, groups in named.items():
        base = "e" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:12]
        for group in groups:
            cid = base
            if len(groups) > 1:  # one anchor, several entities (kept apart): tell them apart by content
                first = min(_order(items[i]) for i in group)
                cid = base + "-" + hashlib.sha1(repr(first[:2]).encode("utf-8")).hexdigest()[:6]
            for i in group:
                result[items[i].entity_id] = cid
    return result


def canonical(members: Iterable[LinkEntity]) -> tuple[str, str, list[str]]:
    """(name, type, aliases) of one corpus entity: the fullest, most used base form; the type most
    often given; every other surface form, most used first."""
    names: Counter[str] = Counter()
    types: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for e in members:
        names[e.name] += 1
        types[e.type] += 1
        forms[e.name] += 0
        for form, n in e.forms.items():
            forms[form] += n
    preferred = preferred_forms()

    def fullness(name: str) -> tuple[int, int, int, int, str]:
        return (not is_short_form(name), len(name.split()), names[name], fold(name) in preferred, name)

    name = max(names, key=fullness)
    entity_type = max(types, key=lambda t: (types[t], t))
    aliases = sorted((f for f in forms if f != name), key=lambda f: (-forms[f], f))
    return name, entity_type, aliases
