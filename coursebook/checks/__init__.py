"""Every check `coursebook check` runs, in one list.

A check is a function from the loaded curriculum (and, where it needs them, the
assembled editions and today's date) to problems. Add a check by writing it in a
module of this package and naming it in `run_checks`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from coursebook.assemble.assemble import AssembledEdition
from coursebook.checks import (
    accessibility,
    assets,
    committed,
    governance,
    invisible,
    links,
    published,
    readability,
    site_settings,
    structure,
    unfinished,
    wording,
)
from coursebook.errors import Problem
from coursebook.load.project import Curriculum


def run_checks(
    curriculum: Curriculum, editions: list[AssembledEdition], today: dt.date
) -> Iterator[Problem]:
    """Every problem the checks find, in no particular order."""
    yield from structure.check_courses(curriculum)
    yield from structure.check_modules(curriculum)
    yield from structure.check_reviews(curriculum, today)
    yield from structure.check_timings(curriculum, editions)
    yield from governance.check_required_content(curriculum, editions)
    yield from published.check_published(curriculum, editions)
    yield from assets.check_assets(curriculum)
    yield from site_settings.check_site_settings(curriculum.root)
    yield from committed.check_committed_cache(curriculum.root)
    yield from links.check_links(curriculum, editions)
    yield from accessibility.check_accessibility(editions)
    yield from readability.check_reading_ages(curriculum, editions)
    yield from invisible.check_invisible_characters(curriculum)
    yield from wording.check_words_to_avoid(curriculum, editions)
    yield from unfinished.check_placeholders(curriculum)
    yield from unfinished.check_unused_modules(curriculum)
