"""The theme layer in `build/theme/` (Material's `custom_dir`).

Three sources, later ones winning: coursebook's own files (the stylesheet for the
custom boxes and the run-sheet timeline, and a template that leaves out Material's
one CDN script), a language file that gives pages the curriculum's language (such
as `en-GB`, which Material has no file for), and the project's `overrides/`
folder (except `overrides/print/`, which styles the PDFs).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from coursebook.layout import OVERRIDES_DIR
from coursebook.safepaths import read_bytes, regular_files

STYLESHEET = "assets/stylesheets/coursebook.css"
PRINT_OVERRIDES = "print"


def language_partial(language: str, base: str) -> str:
    """A Material language file: `language` for the page, `base`'s words for the rest."""
    return (
        f"{{#- The pages' language is {language}; every other text is Material's {base} -#}}\n"
        f'{{% import "partials/languages/{base}.html" as base %}}\n'
        f'{{% macro t(key) %}}{{{{ {{"language": "{language}"}}.get(key) or base.t(key) }}}}'
        "{% endmacro %}\n"
    )


def material_language(language: str) -> str:
    """The Material language file closest to `language`: `en-GB` -> `en`."""
    folder = resources.files("material") / "templates" / "partials" / "languages"
    for candidate in (language, language.split("-")[0].lower()):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return "en"


def read_theme(project_root: Path, language: str) -> dict[str, bytes]:
    """Every file of the theme layer, by path inside `build/theme/`."""
    files = _read_folder(Path(str(resources.files("coursebook.site") / "theme_files")))
    base = material_language(language)
    if base != language:
        files[f"partials/languages/{language}.html"] = language_partial(language, base).encode()
    overrides = project_root / OVERRIDES_DIR
    for name, content in _read_folder(overrides).items():
        if not name.startswith(PRINT_OVERRIDES + "/"):
            files[name] = content
    return files


def _read_folder(folder: Path) -> dict[str, bytes]:
    """Every plain file under `folder`, never through a symbolic link."""
    return {
        path.relative_to(folder).as_posix(): read_bytes(path)
        for path in regular_files(folder)
        if "__pycache__" not in path.parts
    }
