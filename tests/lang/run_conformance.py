#!/usr/bin/env python3
"""Stitch language conformance runner: compares Stitch with CPython on a .py program.

CPython (`python3`, 3.11) is the oracle.  For each program the runner runs

    python3 FILE                      (the expected behaviour)
    CMD [--stitch-arg ...] FILE       (Stitch, e.g. `stitch -X jit=off FILE`)

both with the program's directory as the working directory, FILE given by its base
name, no stdin, and PYTHONHASHSEED=0.  Three things must agree:

  1. stdout, byte for byte;
  2. the last non-empty line of stderr (the exception line of a traceback, the
     SyntaxError line, or a sys.exit message), compared exactly;
  3. the exit status.

A program may carry a sidecar NAME.expect (beside NAME.py) for the rare cases where
Stitch deliberately differs from CPython.  It holds `key: value` lines:

    reason: <why Stitch differs>            (mandatory)
    stderr: <expected last stderr line>     (optional override)
    status: <expected exit status>          (optional override)

Lines starting with '#' are comments.  At least one override is required.  When a
sidecar applies, the runner prints its reason.

Usage:
    run_conformance.py --stitch CMD --program FILE [--stitch-arg ARG]... [--python python3] [--timeout 60]
    run_conformance.py --stitch CMD --dir DIR [--dir DIR2] [--jobs 2] [...]

Exit status: 0 when every program matches, 1 when any mismatches (or times out,
crashes, or has a broken .expect file), 2 on a usage error.  Standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import difflib
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

ORACLE_VERSION = "3.11"
MAX_DIFF_LINES = 200
STDERR_TAIL_LINES = 15


@dataclasses.dataclass
class ProcessResult:
    """What one process did: its output, its exit status, or why it has none."""

    command: list[str]
    stdout: bytes = b""
    stderr: bytes = b""
    status: int | None = None  # None when it timed out or could not be started
    timed_out: bool = False
    launch_error: str | None = None

    @property
    def killed_by_signal(self) -> int | None:
        if self.status is not None and self.status < 0:
            return -self.status
        return None

    def stderr_last_line(self) -> str:
        return last_non_empty_line(self.stderr)


@dataclasses.dataclass
class Expectation:
    """The behaviour Stitch must reproduce for one program."""

    stdout: bytes
    stderr_last_line: str
    status: int
    override_reason: str | None = None  # set when a .expect sidecar changed the above


@dataclasses.dataclass
class Outcome:
    """The verdict for one program, with a human-readable report."""

    program: Path
    passed: bool
    report: list[str]


def last_non_empty_line(data: bytes) -> str:
    for line in reversed(data.decode("utf-8", errors="replace").splitlines()):
        if line.strip():
            return line
    return ""


def split_command(command: str) -> list[str]:
    """An existing path is one word (it may contain spaces); anything else is shell-split."""
    if os.path.exists(command):
        return [command]
    return shlex.split(command)


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    for noisy in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS", "PYTHONPATH"):
        env.pop(noisy, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_process(command: list[str], cwd: Path, timeout: float) -> ProcessResult:
    """Runs `command` in its own session so that a timeout can kill its whole process group."""
    result = ProcessResult(command=command)
    try:
        process = subprocess.Popen(
            command, cwd=cwd, env=child_environment(), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except OSError as error:
        result.launch_error = str(error)
        return result
    try:
        result.stdout, result.stderr = process.communicate(timeout=timeout)
        result.status = process.returncode
    except subprocess.TimeoutExpired:
        result.timed_out = True
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        result.stdout, result.stderr = process.communicate()
    return result


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class ExpectFileError(Exception):
    pass


def read_expect_file(path: Path) -> dict[str, str]:
    """Parses a sidecar; raises ExpectFileError with a readable message when it is malformed."""
    fields: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, separator, value = line.partition(":")
        key = key.strip()
        if not separator or key not in ("reason", "stderr", "status"):
            raise ExpectFileError(f"{path.name}:{number}: expected 'reason:', 'stderr:' or 'status:', got {raw!r}")
        if key in fields:
            raise ExpectFileError(f"{path.name}:{number}: '{key}' given twice")
        fields[key] = value.strip()
    if not fields.get("reason"):
        raise ExpectFileError(f"{path.name}: the 'reason:' line is mandatory")
    if "stderr" not in fields and "status" not in fields:
        raise ExpectFileError(f"{path.name}: overrides neither 'stderr:' nor 'status:'")
    if "status" in fields:
        try:
            int(fields["status"])
        except ValueError:
            raise ExpectFileError(f"{path.name}: status must be an integer, got {fields['status']!r}") from None
    return fields


def describe_abnormal_end(who: str, result: ProcessResult, timeout: float) -> str | None:
    """A one-line explanation when a process did not run to a normal exit, else None."""
    if result.launch_error is not None:
        return f"LAUNCH FAILURE: could not start {who} ({shlex.join(result.command)}): {result.launch_error}"
    if result.timed_out:
        return f"TIMEOUT: {who} did not finish within {timeout:g}s and was killed"
    signal_number = result.killed_by_signal
    if signal_number is not None:
        return f"CRASH: {who} was killed by {signal_name(signal_number)} ({signal_number})"
    return None


def stderr_tail(result: ProcessResult) -> list[str]:
    lines = result.stderr.decode("utf-8", errors="replace").splitlines()
    return ["    | " + line for line in lines[-STDERR_TAIL_LINES:]]


def stdout_diff(expected: bytes, actual: bytes) -> list[str]:
    diff = list(difflib.unified_diff(
        expected.decode("utf-8", errors="replace").splitlines(keepends=True),
        actual.decode("utf-8", errors="replace").splitlines(keepends=True),
        fromfile="python3 stdout (expected)", tofile="stitch stdout (actual)"))
    lines = []
    for line in diff[:MAX_DIFF_LINES]:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of output\n"
        lines.extend("    " + part for part in line.rstrip("\n").split("\n"))
    if len(diff) > MAX_DIFF_LINES:
        lines.append(f"    ... diff truncated ({len(diff) - MAX_DIFF_LINES} more lines)")
    return lines


class Runner:
    def __init__(self, stitch_command: list[str], stitch_args: list[str], python_command: list[str], timeout: float):
        self.stitch_command = stitch_command
        self.stitch_args = stitch_args
        self.python_command = python_command
        self.timeout = timeout

    def check(self, program: Path) -> Outcome:
        program = program.resolve()
        name = program.name
        report: list[str] = []

        oracle = run_process(self.python_command + [name], program.parent, self.timeout)
        problem = describe_abnormal_end("the python3 oracle", oracle, self.timeout)
        if problem:
            report = ["  " + problem, "  (the oracle itself failed: is CPython 3.11 the --python command?)"]
            if oracle.stderr:
                report.append("  oracle stderr (tail):")
                report.extend(stderr_tail(oracle))
            return Outcome(program, False, report)

        assert oracle.status is not None  # describe_abnormal_end ruled out timeouts and launch failures
        expectation = Expectation(oracle.stdout, oracle.stderr_last_line(), oracle.status)
        sidecar = program.with_suffix(".expect")
        if sidecar.exists():
            try:
                fields = read_expect_file(sidecar)
            except ExpectFileError as error:
                return Outcome(program, False, [f"  BAD EXPECT FILE: {error}"])
            expectation.override_reason = fields["reason"]
            if "stderr" in fields:
                expectation.stderr_last_line = fields["stderr"]
            if "status" in fields:
                expectation.status = int(fields["status"])
            report.append(f"  note: {sidecar.name} applies: {fields['reason']}")

        stitch = run_process(self.stitch_command + self.stitch_args + [name], program.parent, self.timeout)
        problem = describe_abnormal_end("stitch", stitch, self.timeout)
        if problem:
            report.insert(0, "  " + problem)
            if stitch.stderr:
                report.append("  stitch stderr (tail):")
                report.extend(stderr_tail(stitch))
            return Outcome(program, False, report)

        mismatches: list[str] = []
        if stitch.stdout != expectation.stdout:
            mismatches.append("  stdout differs:")
            mismatches.extend(stdout_diff(expectation.stdout, stitch.stdout))
        actual_last_line = stitch.stderr_last_line()
        if actual_last_line != expectation.stderr_last_line:
            mismatches.append("  last stderr line differs:")
            mismatches.append(f"    expected: {expectation.stderr_last_line!r}")
            mismatches.append(f"    actual:   {actual_last_line!r}")
        if stitch.status != expectation.status:
            hint = ""
            if stitch.status is not None and stitch.status > 128:
                hint = f" (a wrapper may have reported {signal_name(stitch.status - 128)})"
            mismatches.append(f"  exit status differs: expected {expectation.status}, actual {stitch.status}{hint}")
        if not mismatches:
            return Outcome(program, True, report)

        if expectation.override_reason is not None and (
                actual_last_line == oracle.stderr_last_line() and stitch.status == oracle.status):
            mismatches.append(f"  hint: stitch now behaves exactly like python3; {sidecar.name} looks stale")
        if actual_last_line != expectation.stderr_last_line or stitch.status != expectation.status:
            if stitch.stderr:
                mismatches.append("  stitch stderr (tail):")
                mismatches.extend(stderr_tail(stitch))
            else:
                mismatches.append("  stitch stderr: (empty)")
        return Outcome(program, False, mismatches + report)


def oracle_version(python_command: list[str]) -> str | None:
    probe = run_process(python_command + ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                        Path.cwd(), 30)
    if probe.status != 0:
        return None
    return probe.stdout.decode().strip()


def warn_unless_expected_oracle(python_command: list[str]) -> None:
    version = oracle_version(python_command)
    if version != ORACLE_VERSION:
        print(f"warning: the oracle {shlex.join(python_command)} is Python {version or '(unknown)'}; "
              f"the corpus is written against CPython {ORACLE_VERSION}", file=sys.stderr)


def programs_in(directory: Path) -> list[Path]:
    """Every NAME.py directly in `directory`, except helper modules whose names start with '_'."""
    return sorted(p for p in directory.glob("*.py") if not p.name.startswith("_"))


def display_name(program: Path) -> str:
    return f"{program.parent.name}/{program.name}"


def normalise_argv(argv: list[str]) -> list[str]:
    """Lets `--stitch-arg -X` work: argparse would otherwise take '-X' for an option."""
    out: list[str] = []
    index = 0
    while index < len(argv):
        if argv[index] == "--stitch-arg" and index + 1 < len(argv):
            out.append("--stitch-arg=" + argv[index + 1])
            index += 2
        else:
            out.append(argv[index])
            index += 1
    return out


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare Stitch with CPython (the oracle) on conformance programs.")
    parser.add_argument("--stitch", required=True, metavar="CMD",
                        help="the Stitch command (a path, or a command line that is shell-split)")
    parser.add_argument("--stitch-arg", action="append", default=[], metavar="ARG",
                        help="an argument passed to Stitch before the program (repeatable)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--program", type=Path, metavar="FILE", help="one program to check")
    target.add_argument("--dir", type=Path, action="append", metavar="DIR",
                        help="check every DIR/*.py (not _*.py helpers); repeatable")
    parser.add_argument("--python", default="python3", metavar="CMD", help="the oracle (default: python3)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="per process time limit (default: 60)")
    parser.add_argument("--jobs", type=int, default=2, metavar="N", help="parallel programs in --dir mode (default: 2)")
    parser.add_argument("--quiet", action="store_true", help="in --dir mode, do not list passing programs")
    arguments = parser.parse_args(normalise_argv(argv))
    if arguments.jobs < 1:
        parser.error("--jobs must be at least 1")
    return arguments


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    python_command = split_command(arguments.python)
    runner = Runner(split_command(arguments.stitch), arguments.stitch_arg, python_command, arguments.timeout)
    stitch_display = shlex.join(runner.stitch_command + runner.stitch_args)

    if arguments.program is not None:
        if not arguments.program.is_file():
            print(f"error: no such program: {arguments.program}", file=sys.stderr)
            return 2
        outcome = runner.check(arguments.program)
        verdict = "PASS" if outcome.passed else "FAIL"
        print(f"{verdict} {display_name(outcome.program)} [{stitch_display}]")
        for line in outcome.report:
            print(line)
        if not outcome.passed:  # only then is the extra interpreter start worth it
            warn_unless_expected_oracle(python_command)
        return 0 if outcome.passed else 1

    warn_unless_expected_oracle(python_command)

    programs: list[Path] = []
    for directory in arguments.dir:
        if not directory.is_dir():
            print(f"error: no such directory: {directory}", file=sys.stderr)
            return 2
        programs.extend(programs_in(directory))
    print(f"checking {len(programs)} programs with [{stitch_display}] against [{shlex.join(python_command)}], "
          f"{arguments.jobs} at a time", flush=True)
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
        futures = [pool.submit(runner.check, program) for program in programs]
        for future in concurrent.futures.as_completed(futures):
            outcome = future.result()
            if outcome.passed:
                passed += 1
                if not arguments.quiet:
                    print(f"PASS {display_name(outcome.program)}", flush=True)
                    for line in outcome.report:
                        print(line)
            else:
                failed += 1
                print("\n".join([f"FAIL {display_name(outcome.program)}"] + outcome.report), flush=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
