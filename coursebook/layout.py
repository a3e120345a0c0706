"""Where things are in a coursebook project: the names of its folders and files.

Every module that reads or writes a project takes these names from here, so
that they cannot drift apart and no module has to import a stage (such as
`coursebook.build`) just to learn a folder's name.
"""

from __future__ import annotations

CURRICULUM = "curriculum"
PROJECT_FILE = f"{CURRICULUM}/curriculum.yml"
AUDIENCES_FILE = f"{CURRICULUM}/audiences.yml"
MODULES_DIR = f"{CURRICULUM}/modules"
COURSES_DIR = f"{CURRICULUM}/courses"
SNIPPETS_DIR = f"{CURRICULUM}/snippets"
ASSETS_DIR = f"{CURRICULUM}/assets"
OVERRIDES_DIR = "overrides"
BASE_CONFIG = "mkdocs.yml"

SITE_DIR = "site"
WORK_DIR = "build"
CACHE_DIR = ".coursebook-cache"
LOCK_FILE = ".coursebook.lock"
STAGE_PREFIX = ".coursebook-build-"
MANIFEST = "coursebook.json"
"""The site's record of what a build made, at the top of `site/`."""
