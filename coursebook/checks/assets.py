"""Files in `curriculum/assets/` are pictures, PDFs or documents, and SVGs are only drawings.

The site publishes the assets folder on its own web address, so a web page, a
script or a style sheet there would run as part of the course's website, and so
would an SVG picture with a script in it. Only the kinds of file a curriculum
needs are allowed (`ASSET_TYPES`), each must be what its name says, and an SVG
may not hold a script, an event handler, a web page, or a reference to anything
outside itself. Each refusal names the file, the line where there is one, and
what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from coursebook.errors import Problem, Severity
from coursebook.layout import ASSETS_DIR
from coursebook.load.project import Curriculum
from coursebook.safepaths import read_bytes, regular_files
from coursebook.sanitise import shorten


@dataclass(frozen=True)
class AssetType:
    """A kind of file allowed in `curriculum/assets/`, and how its content starts."""

    what: str
    starts: tuple[bytes, ...] = ()


_ZIP = (b"PK\x03\x04",)
ASSET_TYPES: dict[str, AssetType] = {
    ".png": AssetType("a PNG picture", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": AssetType("a JPEG picture", (b"\xff\xd8\xff",)),
    ".jpeg": AssetType("a JPEG picture", (b"\xff\xd8\xff",)),
    ".gif": AssetType("a GIF picture", (b"GIF87a", b"GIF89a")),
    ".webp": AssetType("a WebP picture", (b"RIFF",)),
    ".svg": AssetType("an SVG drawing"),
    ".pdf": AssetType("a PDF", (b"%PDF-",)),
    ".docx": AssetType("a Word document", _ZIP),
    ".xlsx": AssetType("an Excel spreadsheet", _ZIP),
    ".pptx": AssetType("a PowerPoint presentation", _ZIP),
    ".odt": AssetType("an OpenDocument text", _ZIP),
    ".ods": AssetType("an OpenDocument spreadsheet", _ZIP),
    ".odp": AssetType("an OpenDocument presentation", _ZIP),
    ".txt": AssetType("a plain text file"),
    ".csv": AssetType("a CSV table"),
}
"""Every kind of file `curriculum/assets/` may hold, by file name ending."""

ALLOWED = ", ".join(name.lstrip(".") for name in ASSET_TYPES)


def check_assets(curriculum: Curriculum) -> Iterator[Problem]:
    """An error for every asset of a kind the site may not publish, or an unsafe SVG."""
    folder = curriculum.root / ASSETS_DIR
    for path in regular_files(folder):
        if path.name.startswith("."):
            continue
        rel = path.relative_to(curriculum.root).as_posix()
        for line, message in asset_problems(path):
            yield Problem(rel, line, Severity.ERROR, message)


def asset_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each reason the asset at `path` may not be published."""
    kind = ASSET_TYPES.get(path.suffix.lower())
    if kind is None:
        ending = f"a {path.suffix} file" if path.suffix else "a file without an ending"
        return [(0, f"{ending} cannot be published: web pages, scripts and other files in "
                    f"curriculum/assets/ could run on the course's website; keep only "
                    f"these kinds of file there ({ALLOWED}), and delete this one or save "
                    "it as one of them")]
    content = read_bytes(path)
    if kind.starts and not content.startswith(kind.starts):
        return [(0, f"the file name ends in {path.suffix} but the file is not "
                    f"{kind.what}; save it again as {kind.what}, or give it the ending of "
                    "what it is")]
    if path.suffix.lower() == ".svg":
        return svg_problems(content)
    return []


_FORBIDDEN = {
    "script": "a <script> element, a program that runs when the picture is opened",
    "foreignObject": "a <foreignObject> element, which puts a web page inside the picture",
    "iframe": "an <iframe> element, which puts a web page inside the picture",
    "embed": "an <embed> element, which puts another file inside the picture",
    "object": "an <object> element, which puts another file inside the picture",
    "handler": "a <handler> element, a program that runs when the picture is used",
    "listener": "a <listener> element, which runs a program when the picture is used",
}
_SVG = "http://www.w3.org/2000/svg"
_XHTML = "http://www.w3.org/1999/xhtml"
_ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "animateColor"}
_EMBEDDED_PICTURE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_REMOVE = "remove it, or draw the picture again without it"


def svg_problems(content: bytes) -> list[tuple[int, str]]:
    """(line, message) for everything in an SVG that could run or load from elsewhere.

    Read with expat (a real XML parser); a file that declares entities is refused
    rather than expanded, so a few bytes cannot grow into gigabytes.
    """
    return _SvgReader().read(content)


class _SvgReader:
    """One pass of expat over an SVG file, collecting a problem per unsafe part."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.EntityDeclHandler = self.entity
        self.parser.ProcessingInstructionHandler = self.instruction
        self.problems: list[tuple[int, str]] = []
        self.open_elements: list[str] = []
        self.style: list[str] = []

    def read(self, content: bytes) -> list[tuple[int, str]]:
        try:
            self.parser.Parse(content, True)
        except _Stop:
            pass
        except expat.ExpatError as exc:
            if not self.problems:
                self.problems.append((exc.lineno, "the picture is not a valid SVG file "
                                      f"({expat.ErrorString(exc.code)}); export it again "
                                      "from your drawing program as plain SVG"))
        return self.problems

    def refuse(self, message: str) -> None:
        self.problems.append((self.parser.CurrentLineNumber, message))

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if not self.open_elements and (namespace, local) != (_SVG, "svg"):
            self.refuse("the file does not start with an <svg> element in the SVG namespace "
                        '(xmlns="http://www.w3.org/2000/svg"); export it again from your '
                        "drawing program as plain SVG")
            raise _Stop
        self.open_elements.append(local)
        if local in _FORBIDDEN:
            self.refuse(f"the picture has {_FORBIDDEN[local]}; {_REMOVE}")
        elif namespace == _XHTML:
            self.refuse(f"the picture has a web page element (<{shorten(local, 60)}>) inside it; "
                        f"{_REMOVE}")
        for attribute, value in attributes.items():
            self.attribute(local, attribute.rsplit(" ", 1)[-1], value)

    def attribute(self, element: str, attribute: str, value: str) -> None:
        if attribute.lower().startswith("on"):
            self.refuse(f'the picture has an {attribute}="..." attribute, a program that runs '
                        f"when the picture is opened or used; {_REMOVE}")
        elif attribute == "href" and not _inside(value):
            self.refuse(f'the picture refers to "{shorten(value, 60)}", outside itself; a picture '
                        f"may only refer to its own parts (#name); {_REMOVE}")
        elif attribute == "attributeName" and element in _ANIMATIONS and (
            value.rsplit(":", 1)[-1] == "href" or value.lower().startswith("on")
        ):
            self.refuse(f'the picture has an animation that changes "{shorten(value, 60)}", which '
                        f"can turn it into a link or a program; {_REMOVE}")
        elif attribute == "style":
            self.css(value)
        else:
            self.urls(value)

    def css(self, text: str) -> None:
        lowered = text.lower()
        if "\\" in text:
            self.refuse("the picture's style has a backslash (\\), which can hide an address "
                        f"from this check; {_REMOVE}")
        if "@import" in lowered:
            self.refuse(f"the picture's style loads another style sheet (@import); {_REMOVE}")
        if "image-set(" in lowered:
            self.refuse("the picture's style loads pictures from elsewhere (image-set); "
                        + _REMOVE)
        self.urls(text)

    def urls(self, text: str) -> None:
        for address in _CSS_URL.findall(text):
            if not _inside(address):
                self.refuse(f'the picture\'s style loads "{shorten(address, 60)}", outside the '
                            f"picture; a picture may only refer to its own parts (#name); "
                            + _REMOVE)

    def text(self, data: str) -> None:
        if self.open_elements and self.open_elements[-1] == "style":
            self.style.append(data)

    def end(self, name: str) -> None:
        if self.open_elements.pop() == "style":
            self.css("".join(self.style))
            self.style.clear()

    def entity(self, name: str, *_rest: object) -> None:
        self.refuse(f'the picture declares an XML entity ("{shorten(name, 60)}"), which SVG '
                    "drawings do not need and which can make a small file huge; remove the "
                    "<!DOCTYPE> part at the top")
        raise _Stop

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.refuse("the picture loads a style sheet from outside itself "
                        f"(<?xml-stylesheet?>); {_REMOVE}")


class _Stop(Exception):
    """Raised in a handler to stop reading a file that is refused as a whole."""


def _inside(address: str) -> bool:
    """Whether an address points into the picture itself (or is an embedded picture)."""
    address = address.strip()
    return address.startswith("#") or bool(_EMBEDDED_PICTURE.match(address))
