"""Links and pictures resolve in every variant where a page appears."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MODULE_FRONT, check_lines, module_text

WELCOME = "curriculum/modules/welcome.md"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>\n'
COURSE = """title: My first course
summary: A short course.
sessions:
  - title: Getting started
    minutes: 30
    modules:
      - welcome
  - title: Looking after yourself
    minutes: 60
    modules:
      - welcome
      - caring
variants:
  community:
    title: My first course (community)
    audience: community
    description: For people living with a long-term condition.
    drop: [caring]
    session-minutes: {looking-after-yourself: 30}
  carers:
    title: My first course (carers)
    audience: carers
    description: For family members and friends who support someone.
"""
CARING = MODULE_FRONT + '## Caring\n\n::: activity "Talk" 30\nTalk.\n:::\n'


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEBOOK_TODAY", "2026-11-23")


def test_link_to_a_module_the_variant_drops_is_broken_for_that_variant_only(
    project: Callable[..., Path],
) -> None:
    root = project({
        "curriculum/courses/first-course.yml": COURSE,
        "curriculum/modules/caring.md": CARING,
        WELCOME: module_text(
            "See [Caring for yourself](caring.md#caring) next week.",
            "See also [Welcome](welcome.md) and [NHS](https://www.nhs.uk).",
        ),
    })
    assert check_lines(root) == [
        f'{WELCOME}:12: error: the link to "caring.md" is broken in first-course/community, '
        'which does not include the module "caring"; put the link inside an "::: except" block '
        "for that audience, or remove it",
    ]


def test_links_to_missing_modules_and_files_are_errors(project: Callable[..., Path]) -> None:
    root = project({WELCOME: module_text(
        "See [Pacing](pacing.md).",
        "[Leaflet](../assets/leaflet.pdf) and [notes](../../README.md)",
    )})
    assert check_lines(root) == [
        f'{WELCOME}:12: error: the link goes to "pacing.md", but there is no module '
        "curriculum/modules/pacing.md; check the file name (links to modules are written like "
        "action-planning.md)",
        f'{WELCOME}:13: error: the link goes to "../../README.md", which is not a module or a '
        "file in curriculum/assets/; link to a module such as action-planning.md, a file such as "
        "../assets/leaflet.pdf, or a web address starting with https://",
        f'{WELCOME}:13: error: the link goes to "../assets/leaflet.pdf", which is not a module '
        "or a file in curriculum/assets/; link to a module such as action-planning.md, a file "
        "such as ../assets/leaflet.pdf, or a web address starting with https://",
    ]


def test_pictures_must_exist_in_assets(project: Callable[..., Path]) -> None:
    root = project({
        "curriculum/assets/eatwell-plate.svg": SVG,
        "curriculum/modules/plate.svg": SVG,
        WELCOME: module_text(
            "![A plate of food](../assets/eatwell-plate.svg)",
            "![A plate of food](../assets/eatwell_plate.svg)",
            "![A plate of food](plate.svg)",
        ),
    })
    assert check_lines(root) == [
        f"{WELCOME}:13: error: there is no picture curriculum/assets/eatwell_plate.svg; check "
        "the file name, or add the file to curriculum/assets/. Did you mean "
        '"../assets/eatwell-plate.svg"?',
        f'{WELCOME}:14: error: the picture "plate.svg" is not in curriculum/assets/; put the '
        "file there and write its address as ../assets/plate.svg",
    ]
