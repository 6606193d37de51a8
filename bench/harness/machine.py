"""Metadata that makes a result reproducible: machine, commit, date."""

import datetime
import os
import platform
import subprocess


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cpu_count():
    """The number of CPUs this process may run on (what `nproc` prints)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def machine_info():
    return {
        "nproc": cpu_count(),
        "cpu_model": cpu_model(),
        "platform": platform.platform(),
        "hostname": platform.node(),
        "harness_python": platform.python_version(),
    }


def git_commit(repo_root):
    """`git rev-parse --short HEAD`, plus "+dirty" when the work tree has changes
    (modified or untracked files, ignored ones excepted).

    Read-only: GIT_OPTIONAL_LOCKS=0 stops `git status` from refreshing the index.
    """
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0")
    try:
        head = subprocess.run(["git", "-C", repo_root, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=30, env=env)
        if head.returncode != 0:
            return "unknown"
        commit = head.stdout.strip()
        status = subprocess.run(["git", "-C", repo_root, "status", "--porcelain"],
                                capture_output=True, text=True, timeout=60, env=env)
        if status.returncode == 0 and status.stdout.strip():
            commit += "+dirty"
        return commit
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def now_iso():
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def timestamp_for_path():
    return datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
