"""The example sentences `coursebook new module` writes, declared once.

The module template writes them for the author to replace, and `coursebook check`
warns about each one still there, so that no template text is published.
"""

from __future__ import annotations

SUMMARY = "Say in one or two sentences what this module covers."
OBJECTIVE = "Say what participants will be able to do after this module"
AUTHOR = "Your name, as the author of this module"
BODY = "Write what participants read here, in short sentences and everyday words."
ACTIVITY = "Describe the activity for the group."
NOTES = "Notes only facilitators see: how to run it and what to watch for."

PLACEHOLDERS = (SUMMARY, OBJECTIVE, AUTHOR, BODY, ACTIVITY, NOTES)
