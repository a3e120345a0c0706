"""Generate a synthetic curriculum in the real format, at any size, for the benchmark.

The text is made from a fixed vocabulary with a seeded random generator, so the
same size always gives the same files. Each module has prose, a list, a table,
two timed activities, facilitator notes, an audience block, an optional block
and an image, like the bundled curriculum's modules.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

WORDS = (  # noqa: SIM905 (a sentence is easier to read than a list)
    "you can plan a short walk each day and rest when your body tells you to "
    "talk with your nurse about pain sleep tiredness stress and mood write down "
    "what helps and what makes things harder try one small change this week ask "
    "the group for ideas notice your breathing slow down and take a break share "
    "how your plan went and what you learned from it eat a meal with friends"
).split()

MINUTES_PER_MODULE = 30
MODULES_PER_SESSION = 4
SESSIONS_PER_COURSE = 6

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" role="img">'
    "<title>Steps</title><desc>Three boxes joined by arrows.</desc>"
    '<rect x="5" y="20" width="50" height="40" fill="none" stroke="#000"/>'
    '<rect x="75" y="20" width="50" height="40" fill="none" stroke="#000"/>'
    '<rect x="145" y="20" width="50" height="40" fill="none" stroke="#000"/>'
    '<path d="M55 40 H75 M125 40 H145" stroke="#000"/></svg>\n'
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def module_text(index: int, rng: random.Random, audiences: list[str]) -> str:
    """One module of about 700 words with every kind of block."""
    first, last = audiences[0], audiences[-1]
    body = [
        "---",
        f"title: Topic {index}",
        f"summary: {sentence(rng)}",
        "audiences: [all]",
        "objectives:",
        f"  - {sentence(rng)}",
        "authors: [Benchmark team]",
        "reviewed: 2026-01-01",
        "review-due: 2028-12-31",
        "---",
        "",
        "## What this is about",
        "",
        paragraph(rng),
        "",
        paragraph(rng),
        "",
        "![Three steps joined by arrows](../assets/steps.svg)",
        "",
        f"- {sentence(rng)}",
        f"- {sentence(rng)}",
        "- Talk to your {{ clinician }} about it.",
        "",
        "| Day | What I will do | How it went |",
        "|---|---|---|",
        "| Monday | Walk | Good |",
        "| Tuesday | Rest | Fine |",
        "",
        '::: activity "Talk in pairs" 15',
        paragraph(rng, 3),
        "",
        "::: facilitator",
        paragraph(rng, 4),
        ":::",
        ":::",
        "",
        f"::: only {first}",
        paragraph(rng, 3),
        ":::",
        "",
        f"::: except {last}",
        paragraph(rng, 3),
        ":::",
        "",
        "::: optional",
        paragraph(rng, 4),
        ":::",
        "",
        '::: activity "Plan together" 15',
        paragraph(rng, 3),
        ":::",
        "",
        "## Going further",
        "",
        paragraph(rng, 6),
        "",
        paragraph(rng, 6),
        "",
    ]
    return "\n".join(body)


def generate(
    root: Path, modules: int, variants: int, seed: int = 7, sessions: int = SESSIONS_PER_COURSE
) -> Path:
    """Write a project of `modules` modules whose courses each have `variants` variants.

    Modules are shared out into courses of `sessions` sessions of four modules.
    """
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    cur = root / "curriculum"
    for folder in ("modules", "courses", "snippets", "assets"):
        (cur / folder).mkdir(parents=True)
    audiences = [f"group-{n}" for n in range(1, variants + 1)]
    (cur / "curriculum.yml").write_text(
        "title: Benchmark curriculum\norganisation: Benchmark\nversion: '1.0'\n",
        encoding="utf-8",
    )
    lines = ["audiences:"]
    for audience in audiences:
        lines += [
            f"  {audience}:",
            f"    name: Audience {audience}",
            "    description: People in a benchmark.",
            "    reading-age: 14",
            "    terms:",
            f"      clinician: nurse for {audience}",
        ]
    (cur / "audiences.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (cur / "assets" / "steps.svg").write_text(SVG, encoding="utf-8")
    ids = [f"topic-{n:04d}" for n in range(1, modules + 1)]
    for number, module_id in enumerate(ids, start=1):
        (cur / "modules" / f"{module_id}.md").write_text(
            module_text(number, rng, audiences), encoding="utf-8"
        )
    per_course = MODULES_PER_SESSION * sessions
    for course_number, start in enumerate(range(0, modules, per_course), start=1):
        chunk = ids[start : start + per_course]
        groups = [chunk[i : i + MODULES_PER_SESSION] for i in range(0, len(chunk), 4)]
        text = [
            f"title: Course {course_number}",
            "summary: A generated course.",
            "sessions:",
        ]
        for s_number, session in enumerate(groups, start=1):
            text += [
                f"  - title: Session {s_number}",
                f"    minutes: {MINUTES_PER_MODULE * len(session)}",
                "    modules: [" + ", ".join(session) + "]",
            ]
        text.append("variants:")
        for audience in audiences:
            text += [
                f"  {audience}:",
                f"    title: Course {course_number} for {audience}",
                f"    audience: {audience}",
                "    description: A generated variant.",
            ]
        (cur / "courses" / f"course-{course_number:03d}.yml").write_text(
            "\n".join(text) + "\n", encoding="utf-8"
        )
    mkdocs = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    if mkdocs.exists():
        shutil.copy(mkdocs, root / "mkdocs.yml")
    return root


def generate_long_manual(root: Path, modules: int, seed: int = 11) -> Path:
    """One course, one variant, `modules` modules: a very long facilitator manual."""
    generate(root, modules, 1, seed)
    courses = root / "curriculum" / "courses"
    ids = sorted(p.stem for p in (root / "curriculum" / "modules").glob("*.md"))
    for path in courses.glob("*.yml"):
        path.unlink()
    sessions = [ids[i : i + MODULES_PER_SESSION] for i in range(0, len(ids), 4)]
    text = ["title: Long manual", "summary: One very long manual.", "sessions:"]
    for number, session in enumerate(sessions, start=1):
        text += [
            f"  - title: Session {number}",
            f"    minutes: {MINUTES_PER_MODULE * len(session)}",
            "    modules: [" + ", ".join(session) + "]",
        ]
    text += [
        "variants:",
        "  group-1:",
        "    title: Long manual",
        "    audience: group-1",
        "    description: The long one.",
    ]
    (courses / "long.yml").write_text("\n".join(text) + "\n", encoding="utf-8")
    return root
