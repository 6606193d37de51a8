"""Run one child process and measure it.

The child runs in its own session (process group) so that a timeout can kill
it together with anything it spawned. We reap it ourselves with os.wait4()
instead of Popen.wait() because wait4 also returns the child's resource
usage, whose ru_maxrss is the peak resident set size in KiB on Linux. Output
is drained by two reader threads so a chatty child can never block on a full
pipe while we wait for it.
"""

import dataclasses
import os
import signal
import subprocess
import threading
import time


@dataclasses.dataclass
class ProcessOutcome:
    argv: list
    exit_code: int = None          # None when the child was killed by a signal or never started
    signal_number: int = None      # the signal that ended it, if any
    timed_out: bool = False
    wall_seconds: float = 0.0      # fork/exec to reaped: start-up + compile + run + exit
    peak_rss_kb: int = None
    stdout: str = ""
    stderr: str = ""
    start_error: str = None        # the OSError text when the command could not be started


def _drain(stream, chunks):
    try:
        for block in iter(lambda: stream.read(65536), b""):
            chunks.append(block)
    finally:
        stream.close()


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_process(argv, timeout_seconds, cwd=None, env=None):
    """Runs argv to completion (or until the timeout); never raises for child failures."""
    outcome = ProcessOutcome(argv=list(argv))
    start = time.perf_counter()
    try:
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=cwd, env=env, start_new_session=True)
    except OSError as error:
        outcome.start_error = f"could not start {argv[0]}: {error.strerror or error}"
        return outcome
    out_chunks, err_chunks = [], []
    readers = [threading.Thread(target=_drain, args=(child.stdout, out_chunks), daemon=True),
               threading.Thread(target=_drain, args=(child.stderr, err_chunks), daemon=True)]
    for reader in readers:
        reader.start()
    expired = threading.Event()

    def on_timeout():
        expired.set()
        _kill_group(child.pid)

    timer = threading.Timer(timeout_seconds, on_timeout)
    timer.daemon = True
    timer.start()
    try:
        _, status, usage = os.wait4(child.pid, 0)
    except BaseException:
        # Interrupted (Ctrl-C): do not leave the child running.
        _kill_group(child.pid)
        os.wait4(child.pid, 0)
        child.returncode = -signal.SIGKILL
        raise
    finally:
        timer.cancel()
    outcome.wall_seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # keeps Popen from waiting again
    _kill_group(child.pid)  # stray grandchildren could otherwise hold the pipes open
    for reader in readers:
        reader.join()
    outcome.peak_rss_kb = usage.ru_maxrss
    if os.WIFSIGNALED(status):
        outcome.signal_number = os.WTERMSIG(status)
        outcome.timed_out = expired.is_set() and outcome.signal_number == signal.SIGKILL
    else:
        outcome.exit_code = os.WEXITSTATUS(status)
    outcome.stdout = b"".join(out_chunks).decode("utf-8", "replace")
    outcome.stderr = b"".join(err_chunks).decode("utf-8", "replace")
    return outcome
