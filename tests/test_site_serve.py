"""`coursebook serve`: an edit to a module shows in the preview within seconds."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.site_fixture import FILES

PAGE = "first-course/community/modules/routine.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.3)
    return False


def test_an_edit_to_a_module_shows_in_the_preview(project: Callable[..., Path]):
    root = project(FILES)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coursebook", "serve", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        assert wait_for(url, "We start each week by sharing how it went.", 60)
        module = root / "curriculum/modules/routine.md"
        module.write_text(
            module.read_text(encoding="utf-8").replace(
                "We start each week", "Every week we begin"
            ),
            encoding="utf-8",
        )
        started = time.monotonic()
        assert wait_for(url, "Every week we begin by sharing how it went.", 15)
        assert time.monotonic() - started < 15
    finally:
        server.terminate()
        server.wait(timeout=20)
