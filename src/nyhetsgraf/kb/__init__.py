"""The knowledge base: what nyhetsgraf knows across articles (see docs/knowledge-base.md).

One entity across many articles (``entities``, ``entity``), one story across many articles
(``stories``, ``story``, near-duplicates), one count followed over time (``series``), and the
whole of it as the knowledge-base contract (``export``). ``update(store)`` links what was ingested
since the last update; every reader runs it first when something is pending.

    from nyhetsgraf.kb import update, entities, entity, stories, series
    with open_store("nyhetsgraf.db") as store:
        update(store)
        for e in entities(store, type="PER", search="Bakken"):
            print(e.id, e.name, e.aliases)
"""

from nyhetsgraf.kb.api import (
    entities,
    entity,
    export,
    export_records,
    find_entities,
    find_entity,
    pending,
    series,
    stories,
    story,
    update,
)
from nyhetsgraf.kb.records import (
    ArticleRef,
    Change,
    CorpusEntity,
    EntityDetail,
    EventRef,
    QuoteRef,
    Series,
    SeriesPoint,
    Story,
    UpdateSummary,
)
from nyhetsgraf.kb.storage import KbStore

__all__ = [
    "ArticleRef",
    "Change",
    "CorpusEntity",
    "EntityDetail",
    "EventRef",
    "KbStore",
    "QuoteRef",
    "Series",
    "SeriesPoint",
    "Story",
    "UpdateSummary",
    "entities",
    "entity",
    "export",
    "export_records",
    "find_entities",
    "find_entity",
    "pending",
    "series",
    "stories",
    "story",
    "update",
]
