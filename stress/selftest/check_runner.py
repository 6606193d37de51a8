#!/usr/bin/env python3
"""Self-test of stress/run.py and of the programs' ability to fail, using fake interpreters.

Each case runs the runner with a fake interpreter (python3 plus a deliberate defect) and
checks the verdict of every program it ran, and the runner's exit status:
  - aggressive_switching: python3 switching threads every microsecond: everything passes;
  - broken_locks: Lock/RLock that never exclude: the lock-based programs fail;
  - lossy_notify: Condition.notify drops the program's wake-ups: condition_buffer hangs (TIMEOUT);
  - silent: exits 0 without running: every program fails (no `ok` line);
  - hang: never exits: TIMEOUT;
  - python3 with --max-rss-mb 1: allocation_churn fails on memory.
Prints one line per case and "N cases passed, N failed"; exit status 0 only if all held.
Usage: check_runner.py [--seconds T]   (default 1)
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(os.path.dirname(HERE), "run.py")
LOCK_PROGRAMS = ["lock_counter", "rlock_reentrancy", "condition_buffer"]


def fake(name):
    return f"{sys.executable} -B {os.path.join(HERE, name + '.py')}"  # -B: no __pycache__ in the tree


def run(interpreter, programs, extra=()):
    """Runs the runner; returns (exit status, {program: label}, output)."""
    command = [sys.executable, RUNNER, "--interpreter", interpreter, "--threads", "4",
               "--seconds", SECONDS, "--grace", "5", *extra, *programs]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    labels = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(ok|FAILED|TIMEOUT)\s+(\S+)\s", line)
        if match:
            labels[match.group(2)] = match.group(1)
    return result.returncode, labels, result.stdout


def expect(description, status, labels, wanted_status, wanted_labels):
    problems = []
    if status != wanted_status:
        problems.append(f"runner exit status {status}, wanted {wanted_status}")
    for program, allowed in wanted_labels.items():
        if labels.get(program) not in allowed:
            problems.append(f"{program}: {labels.get(program)}, wanted one of {allowed}")
    print(("held    " if not problems else "BROKEN  ") + description + ("" if not problems else ": " + "; ".join(problems)))
    return not problems


def main():
    everything = sorted(f[:-3] for f in os.listdir(os.path.join(os.path.dirname(HERE), "programs")) if f.endswith(".py"))
    results = []
    status, labels, _ = run(fake("aggressive_switching"), [])
    results.append(expect("aggressive switching: every program passes", status, labels, 0,
                          {name: ("ok",) for name in everything}))
    status, labels, _ = run(fake("broken_locks"), LOCK_PROGRAMS)
    results.append(expect("non-excluding locks: every lock-based program fails", status, labels, 1,
                          {name: ("FAILED", "TIMEOUT") for name in LOCK_PROGRAMS}))
    status, labels, _ = run(fake("lossy_notify"), ["condition_buffer"])
    results.append(expect("lost Condition wake-ups: condition_buffer hangs and is killed", status, labels, 1,
                          {"condition_buffer": ("TIMEOUT", "FAILED")}))
    status, labels, _ = run(fake("silent"), everything)
    results.append(expect("an interpreter that runs nothing: every program fails", status, labels, 1,
                          {name: ("FAILED",) for name in everything}))
    status, labels, _ = run(fake("hang"), ["lock_counter"])
    results.append(expect("an interpreter that never exits: TIMEOUT", status, labels, 1,
                          {"lock_counter": ("TIMEOUT",)}))
    status, labels, _ = run(sys.executable, ["allocation_churn"], ["--max-rss-mb", "1"])
    results.append(expect("--max-rss-mb 1: allocation_churn fails on memory", status, labels, 1,
                          {"allocation_churn": ("FAILED",)}))
    print(f"{results.count(True)} cases passed, {results.count(False)} failed")
    return 0 if all(results) else 1


SECONDS = sys.argv[sys.argv.index("--seconds") + 1] if "--seconds" in sys.argv else "1"
if __name__ == "__main__":
    sys.exit(main())
