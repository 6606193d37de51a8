#!/usr/bin/env python3
"""Runs the threaded stress programs under an interpreter and reports one line per program.

    stress/run.py [--interpreter CMD] [--seed S] [--threads N] [--seconds T]
                  [--filter REGEX] [--max-rss-mb M] [--grace G] [program ...]

Each program (default: every stress/programs/*.py; a name or a path selects one) runs as
`CMD program.py --seed S --threads N --seconds T` in its own process group. The runner reaps
it with os.wait4, so the peak RSS it reports (ru_maxrss) is the program's own. A program
passes when it exits with status 0, prints its `stress: <name> ok ...` line on stdout, and
shows neither an uncaught exception in a thread nor a sanitizer report on stderr. A program
still running after seconds + grace is killed and reported as TIMEOUT (a hang or a deadlock).
With --max-rss-mb, a program whose peak RSS exceeds M MiB fails even if its invariants held.

The output ends with "N passed, N failed"; the exit status is 0 only if every program passed.
"""
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

PROGRAMS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
USAGE = ("usage: run.py [--interpreter CMD] [--seed S] [--threads N] [--seconds T] [--filter REGEX] "
         "[--max-rss-mb M] [--grace G] [program ...]")


def parse_args(argv):
    options = {"interpreter": "python3", "seed": 1, "threads": 4, "seconds": 2.0,
               "filter": None, "max_rss_mb": None, "grace": 30.0, "programs": []}
    converters = {"interpreter": str, "seed": int, "threads": int, "seconds": float,
                  "filter": str, "max_rss_mb": float, "grace": float}
    i = 0
    while i < len(argv):
        argument = argv[i]
        if argument in ("-h", "--help"):
            print(__doc__.strip())
            sys.exit(0)
        if argument.startswith("--"):
            name, _, value = argument[2:].partition("=")
            name = name.replace("-", "_")
            if name not in converters:
                sys.exit(f"run.py: unknown option {argument}\n{USAGE}")
            if not value:
                i += 1
                if i >= len(argv):
                    sys.exit(f"run.py: {argument} needs a value\n{USAGE}")
                value = argv[i]
            try:
                options[name] = converters[name](value)
            except ValueError:
                sys.exit(f"run.py: bad value for {argument}: {value!r}")
        else:
            options["programs"].append(argument)
        i += 1
    return options


def select_programs(options):
    """Returns (name, path) pairs: the programs named on the command line, else all, filtered."""
    if options["programs"]:
        paths = []
        for program in options["programs"]:
            path = program if os.path.exists(program) else os.path.join(PROGRAMS_DIR, program)
            if not path.endswith(".py") and not os.path.exists(path):
                path += ".py"
            if not os.path.isfile(path):
                sys.exit(f"run.py: no stress program {program!r}")
            paths.append(path)
    else:
        paths = sorted(os.path.join(PROGRAMS_DIR, f) for f in os.listdir(PROGRAMS_DIR) if f.endswith(".py"))
    selected = []
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        if options["filter"] is None or re.search(options["filter"], name):
            selected.append((name, os.path.abspath(path)))
    return selected


def run_one(command, time_limit):
    """Runs command; returns (status or None on timeout, seconds, peak RSS in MiB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        try:
            process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
        except OSError as error:
            return 127, 0.0, 0.0, "", f"run.py: cannot start {command[0]!r}: {error}"
        status = rusage = None
        while True:
            pid, wait_status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid == process.pid:
                status, rusage = os.waitstatus_to_exitcode(wait_status), usage
                break
            if time.monotonic() - start > time_limit:
                os.killpg(process.pid, signal.SIGKILL)  # the program's own process group
                _, _, rusage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        elapsed = time.monotonic() - start
        process.returncode = status if status is not None else -signal.SIGKILL  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return status, elapsed, rusage.ru_maxrss / 1024.0, stdout, stderr


def verdict(name, status, peak_mb, stdout, stderr, max_rss_mb):
    """Returns (passed, label, summary line) for one finished run."""
    lines = [line.strip() for line in (stdout + "\n" + stderr).splitlines() if line.strip()]
    summary = next((line for line in lines if line.startswith(f"stress: {name} ")), None)
    if status is None:
        return False, "TIMEOUT", summary or "(killed: still running after seconds + grace)"
    failure_line = next((line for line in lines if line.startswith(f"stress: {name} FAILED")), None)
    if failure_line:
        return False, "FAILED", failure_line
    if status < 0:
        return False, "FAILED", f"killed by {signal.Signals(-status).name}: " + (lines[-1] if lines else "(no output)")
    if status != 0:
        return False, "FAILED", f"exit status {status}: " + (lines[-1] if lines else "(no output)")
    if not re.search(rf"^stress: {re.escape(name)} ok\b", stdout, re.MULTILINE):
        return False, "FAILED", "exit status 0 but no 'stress: %s ok' line on stdout" % name
    if "Exception in thread" in stderr or "Traceback" in stderr:
        return False, "FAILED", "uncaught exception on stderr: " + stderr.strip().splitlines()[-1]
    if re.search(r"(Thread|Address|Leak|UndefinedBehavior)Sanitizer", stderr):
        return False, "FAILED", "sanitizer report on stderr (exit status 0)"
    if max_rss_mb is not None and peak_mb > max_rss_mb:
        return False, "FAILED", f"peak RSS {peak_mb:.1f} MiB > --max-rss-mb {max_rss_mb:g}; {summary}"
    return True, "ok", summary


def main():
    options = parse_args(sys.argv[1:])
    interpreter = shlex.split(options["interpreter"])
    programs = select_programs(options)
    if not programs:
        sys.exit("run.py: no stress program selected")
    arguments = ["--seed", str(options["seed"]), "--threads", str(options["threads"]),
                 "--seconds", str(options["seconds"])]
    print(f"stress: interpreter={options['interpreter']} seed={options['seed']} "
          f"threads={options['threads']} seconds={options['seconds']:g} programs={len(programs)}", flush=True)
    width = max(len(name) for name, _ in programs)
    failed = []
    for name, path in programs:
        command = interpreter + [path] + arguments
        status, elapsed, peak_mb, stdout, stderr = run_one(command, options["seconds"] + options["grace"])
        passed, label, summary = verdict(name, status, peak_mb, stdout, stderr, options["max_rss_mb"])
        print(f"{label:<8} {name:<{width}} {elapsed:6.2f}s {peak_mb:8.1f} MiB  {summary}", flush=True)
        if not passed:
            failed.append(name)
            print("         reproduce: " + " ".join(shlex.quote(part) for part in command))
            for line in (stdout + stderr).strip().splitlines()[-8:]:
                print("         | " + line)
    print(f"{len(programs) - len(failed)} passed, {len(failed)} failed"
          + (": " + " ".join(failed) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
