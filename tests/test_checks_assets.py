"""`check` refuses assets the site may not publish: other kinds of file, and unsafe SVGs."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from coursebook.checks.assets import ALLOWED, asset_problems
from tests.conftest import REPO, check_lines, run_cli

REMOVE = "remove it, or draw the picture again without it"
INSIDE = "a picture may only refer to its own parts (#name)"
OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
ASSET = "curriculum/assets/picture.svg"


def svg(*lines: str) -> str:
    return OPEN + "".join(line + "\n" for line in lines) + "</svg>\n"


UNSAFE_SVGS = {
    "script": (
        svg("<script>alert(1)</script>"), 2,
        f"the picture has a <script> element, a program that runs when the picture is "
        f"opened; {REMOVE}",
    ),
    "foreignObject": (
        svg("<foreignObject><div/></foreignObject>"), 2,
        f"the picture has a <foreignObject> element, which puts a web page inside the "
        f"picture; {REMOVE}",
    ),
    "event handler": (
        svg('<circle r="4" onload="alert(1)"/>'), 2,
        f'the picture has an onload="..." attribute, a program that runs when the picture '
        f"is opened or used; {REMOVE}",
    ),
    "outside link": (
        svg('<a xlink:href="https://example.org/x"><text>x</text></a>'), 2,
        f'the picture refers to "https://example.org/x", outside itself; {INSIDE}; {REMOVE}',
    ),
    "javascript link": (
        svg('<a href="javascript:alert(1)"><text>x</text></a>'), 2,
        f'the picture refers to "javascript:alert(1)", outside itself; {INSIDE}; {REMOVE}',
    ),
    "animated link": (
        svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'), 2,
        f'the picture has an animation that changes "href", which can turn it into a link '
        f"or a program; {REMOVE}",
    ),
    "web page element": (
        svg('<img xmlns="http://www.w3.org/1999/xhtml" src="x"/>'), 2,
        f"the picture has a web page element (<img>) inside it; {REMOVE}",
    ),
    "style url": (
        svg("<style>", "@font-face { src: url(https://fonts.example/f.woff) }", "</style>"), 4,
        f'the picture\'s style loads "https://fonts.example/f.woff", outside the picture; '
        f"{INSIDE}; {REMOVE}",
    ),
    "attribute url": (
        svg('<rect fill="url(http://example.org/p.svg#g)"/>'), 2,
        f'the picture\'s style loads "http://example.org/p.svg#g", outside the picture; '
        f"{INSIDE}; {REMOVE}",
    ),
    "import": (
        svg('<style>@import "https://example.org/a.css";</style>'), 2,
        f"the picture's style loads another style sheet (@import); {REMOVE}",
    ),
    "image-set": (
        svg('<rect style="fill: image-set(\'x.png\' 1x)"/>'), 2,
        f"the picture's style loads pictures from elsewhere (image-set); {REMOVE}",
    ),
    "backslash": (
        svg("<style>rect { fill: \\75rl(https://example.org/) }</style>"), 2,
        f"the picture's style has a backslash (\\), which can hide an address from this "
        f"check; {REMOVE}",
    ),
    "stylesheet instruction": (
        '<?xml-stylesheet href="https://example.org/a.css"?>\n' + svg(), 1,
        f"the picture loads a style sheet from outside itself (<?xml-stylesheet?>); {REMOVE}",
    ),
    "not svg": (
        '<html xmlns="http://www.w3.org/1999/xhtml"/>\n', 1,
        'the file does not start with an <svg> element in the SVG namespace '
        '(xmlns="http://www.w3.org/2000/svg"); export it again from your drawing program '
        "as plain SVG",
    ),
    "not xml": (
        svg("<circle>"), 3,
        "the picture is not a valid SVG file (mismatched tag); export it again from your "
        "drawing program as plain SVG",
    ),
}


@pytest.mark.parametrize(("content", "line", "message"), UNSAFE_SVGS.values(), ids=UNSAFE_SVGS)
def test_an_unsafe_svg_is_refused_at_its_line(project, content, line, message):
    root = project({ASSET: content})
    assert check_lines(root) == [f"{ASSET}:{line}: error: {message}"]


def test_an_svg_that_refers_only_to_itself_passes(project):
    content = svg(
        '<defs><linearGradient id="g"/><marker id="m"/></defs>',
        '<style>rect { fill: url(#g) }</style>',
        '<rect style="fill: url(\'#g\')" marker-end="url(#m)"/>',
        '<use xlink:href="#g"/><a href="#g"><text>x</text></a>',
        '<image href="data:image/png;base64,iVBORw0KGgo="/>',
    )
    assert check_lines(project({ASSET: content})) == []


def test_the_bundled_pictures_pass():
    for path in sorted((REPO / "curriculum" / "assets").iterdir()):
        assert asset_problems(path) == [], path.name


def test_an_svg_entity_bomb_is_refused_at_once(project):
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n'
                  for i in range(9))
        + ']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&j;</text></svg>\n'
    )
    root = project({ASSET: bomb})
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "coursebook", "check", str(root)],
        capture_output=True, text=True, timeout=30, check=False,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert time.monotonic() - started < 30
    assert done.stdout.splitlines() == [
        f'{ASSET}:3: error: the picture declares an XML entity ("a"), which SVG drawings do '
        "not need and which can make a small file huge; remove the <!DOCTYPE> part at the top"
    ]


def test_a_kind_of_file_the_site_may_not_publish_is_refused(project):
    root = project({
        "curriculum/assets/page.html": "<script>alert(1)</script>",
        "curriculum/assets/README": "notes",
        "curriculum/assets/.gitkeep": "",
    })
    assert check_lines(root) == [
        "curriculum/assets/README: error: a file without an ending cannot be published: web "
        "pages, scripts and other files in curriculum/assets/ could run on the course's "
        f"website; keep only these kinds of file there ({ALLOWED}), and delete this one or "
        "save it as one of them",
        "curriculum/assets/page.html: error: a .html file cannot be published: web pages, "
        "scripts and other files in curriculum/assets/ could run on the course's website; "
        f"keep only these kinds of file there ({ALLOWED}), and delete this one or save it as "
        "one of them",
    ]
    assert ALLOWED == (
        "png, jpg, jpeg, gif, webp, svg, pdf, docx, xlsx, pptx, odt, ods, odp, txt, csv"
    )


def test_a_file_that_is_not_what_its_name_says_is_refused(project):
    root = project({"curriculum/assets/photo.png": "<html><script>alert(1)</script>"})
    assert check_lines(root) == [
        "curriculum/assets/photo.png: error: the file name ends in .png but the file is not a "
        "PNG picture; save it again as a PNG picture, or give it the ending of what it is"
    ]


def test_build_refuses_what_check_refuses(project):
    root = project({ASSET: UNSAFE_SVGS["script"][0]})
    result = run_cli("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert f"{ASSET}:2: error: {UNSAFE_SVGS['script'][2]}" in result.stdout
    assert not (root / "site").exists()
