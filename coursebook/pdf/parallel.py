"""Run PDF render jobs across the machine's cores, with a progress bar.

WeasyPrint is CPU-bound pure Python, so threads share one core through the
GIL. Measured on two cores with six books of the bundled curriculum: one
process 24 s, two threads 24 to 37 s (no gain), two worker processes 21 to
22 s even with other work on the machine. Workers come from a fork server
that has already imported WeasyPrint, so each starts quickly and none
inherits the progress bar's thread. A worker's error is raised again
here, as it was raised there; the other jobs are cancelled.

Workers die with the build. If the build stops early (an error, Ctrl-C, or
SIGTERM, which the CLI turns into KeyboardInterrupt) the workers are killed at
once rather than left to finish their books. If the build itself is killed, a
thread in each worker sees it go and ends the worker: without it the workers
would wait for more jobs for ever (each holds the job queue open for the
others), and keep the fork server alive with them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import select
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from coursebook.pdf.errors import RenderFailed
from coursebook.pdf.render import Rendered, RenderJob, render_job

Done = Callable[[RenderJob, Rendered], None]


def default_workers() -> int:
    return os.cpu_count() or 1


def run_jobs(jobs: Sequence[RenderJob], workers: int, done: Done) -> None:
    """Render every job, calling `done` for each as it finishes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            done(job, render_job(job))
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["coursebook.pdf.render"])
    pool = ProcessPoolExecutor(
        min(workers, len(jobs)), mp_context=context, initializer=die_with,
        initargs=(os.getpid(),),
    )
    try:
        futures: dict[Future[Rendered], RenderJob] = {
            pool.submit(render_job, job): job for job in jobs
        }
        for future in as_completed(futures):
            done(futures[future], future.result())
    except BrokenProcessPool:
        _kill(pool)
        raise RenderFailed(
            "a PDF worker process stopped unexpectedly (it may have run out of memory); "
            "try again with --jobs 1"
        ) from None
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown()


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now, so that none goes on writing after the build has stopped."""
    # Python 3.14 has pool.kill_workers(); before it, the processes are only in
    # _processes, which shutdown() empties, so they are taken first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join()


def die_with(build: int) -> None:
    """In a worker: end this process as soon as the build process `build` has gone."""
    threading.Thread(target=_watch, args=(build,), name="die-with-build", daemon=True).start()


def _watch(build: int) -> None:
    try:
        handle = os.pidfd_open(build)  # Linux: readable once the process has exited
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        while _running(build):
            time.sleep(1)
    else:
        select.select([handle], [], [])
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def quiet(enabled: bool) -> bool:
    """No progress bar when not asked for, in CI, or when stderr is not a terminal."""
    return not enabled or bool(os.environ.get("CI")) or not sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A bar on stderr with one step per PDF; yields the function that advances it."""
    if quiet(enabled) or total == 0:
        yield lambda _name: None
        return
    columns = (
        TextColumn("PDFs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("", total=total)
        yield lambda name: bar.update(task, advance=1, description=name)
