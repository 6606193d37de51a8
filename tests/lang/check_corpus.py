#!/usr/bin/env python3
"""Checks the conformance corpus itself against CPython 3.11 (for corpus authors, not for Stitch).

For every program in the given tier directories (default: tier1 and tier2 beside this file):

  * it has 10 to 80 lines;
  * it is deterministic: python3 under PYTHONHASHSEED=0 and PYTHONHASHSEED=12345 gives the
    same stdout, last stderr line and exit status;
  * it behaves as its header says:
      - `# expect: LINE` names the exact last non-empty stderr line; without it, stderr must be
        completely empty (this also catches SyntaxWarnings);
      - `# expect-status: N` names the exit status; the default is 1 when `# expect:` is given
        for err_/syntax_ programs and 0 otherwise;
  * err_* programs end in an uncaught exception, syntax_* programs do not parse (nothing on
    stdout, the last line is a SyntaxError/IndentationError/TabError), exit_* programs set
    `# expect-status:`.

It also prints corpus statistics and enforces the minimums of the Tier 1 brief (at least 170
programs, at least 15 syntax errors).  Exit status 0 when everything holds.

Usage: check_corpus.py [--python python3] [--jobs 2] [DIR ...]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_conformance import ORACLE_VERSION, last_non_empty_line, programs_in, split_command  # noqa: E402

MIN_LINES, MAX_LINES = 10, 100
# Whole programs in ordinary style (prog_*) may be long: the Tier 2 issue asks for 200+ lines.
MAX_PROGRAM_LINES = 400
SYNTAX_ERROR_TYPES = ("SyntaxError:", "IndentationError:", "TabError:")
EXPECT_LINE = re.compile(r"^# expect: (.*)$", re.MULTILINE)
EXPECT_STATUS = re.compile(r"^# expect-status: (-?\d+)$", re.MULTILINE)


def run_with_seed(python: list[str], program: Path, seed: str) -> tuple[bytes, str, int]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(python + [program.name], cwd=program.parent, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)
    return done.stdout, done.stderr.decode("utf-8", errors="replace"), done.returncode


def check_program(python: list[str], program: Path) -> list[str]:
    problems: list[str] = []
    source = program.read_text(encoding="utf-8")
    line_count = len(source.splitlines())
    max_lines = MAX_PROGRAM_LINES if program.name.startswith("prog_") else MAX_LINES
    if not MIN_LINES <= line_count <= max_lines:
        problems.append(f"has {line_count} lines (allowed {MIN_LINES}-{max_lines})")

    expect_match = EXPECT_LINE.search(source)
    status_match = EXPECT_STATUS.search(source)
    kind = program.name.split("_", 1)[0]
    expected_line = expect_match.group(1) if expect_match else None
    if status_match:
        expected_status = int(status_match.group(1))
    else:
        expected_status = 1 if kind in ("err", "syntax") else 0

    first = run_with_seed(python, program, "0")
    second = run_with_seed(python, program, "12345")
    first_key = (first[0], last_non_empty_line(first[1].encode()), first[2])
    second_key = (second[0], last_non_empty_line(second[1].encode()), second[2])
    if first_key != second_key:
        problems.append("output depends on PYTHONHASHSEED (0 vs 12345)")

    stdout, stderr, status = first
    last_line = last_non_empty_line(stderr.encode())
    if status != expected_status:
        problems.append(f"exit status {status}, expected {expected_status}; stderr ends with {last_line!r}")
    if expected_line is None:
        if stderr:
            problems.append(f"unexpected stderr output: {stderr.strip().splitlines()[-1]!r}")
    elif last_line != expected_line:
        problems.append(f"last stderr line {last_line!r}, expected {expected_line!r}")

    if kind in ("err", "syntax") and expected_line is None:
        problems.append(f"{kind}_ programs need a '# expect:' header")
    if kind == "syntax":
        if stdout:
            problems.append("a syntax_ program printed to stdout, so it parsed")
        if expected_line and not expected_line.startswith(SYNTAX_ERROR_TYPES):
            problems.append("a syntax_ program must end in SyntaxError/IndentationError/TabError")
    if kind == "err" and expected_line and expected_line.startswith(SYNTAX_ERROR_TYPES):
        problems.append("an err_ program failed to parse; name it syntax_*")
    if kind == "exit" and not status_match:
        problems.append("exit_ programs need a '# expect-status:' header")
    if kind not in ("err", "syntax", "exit") and not stdout:
        problems.append("printed nothing to stdout")
    return problems


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[here / "tier1", here / "tier2"])
    parser.add_argument("--python", default="python3")
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    python = split_command(arguments.python)

    version = subprocess.run(python + ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    if version != ORACLE_VERSION:
        print(f"error: {arguments.python} is Python {version}; the corpus is checked against {ORACLE_VERSION}")
        return 1

    programs = [p for d in arguments.dirs if d.is_dir() for p in programs_in(d)]
    programs_with_problems = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
        results = pool.map(lambda p: (p, check_program(python, p)), programs)
        for program, problems in results:
            for problem in problems:
                print(f"{program.parent.name}/{program.name}: {problem}")
            programs_with_problems += bool(problems)

    by_kind: dict[str, int] = {}
    for program in programs:
        kind = program.name.split("_", 1)[0]
        by_kind[kind] = by_kind.get(kind, 0) + 1
    errors = sum(by_kind.get(k, 0) for k in ("err", "syntax", "exit"))
    print("programs by prefix:", ", ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))
    print(f"{len(programs)} programs, {errors} error/exit programs ({errors / max(len(programs), 1):.0%}), "
          f"{by_kind.get('syntax', 0)} syntax errors")
    tier1 = [p for p in programs if p.parent.name == "tier1"]
    tier1_syntax = [p for p in tier1 if p.name.startswith("syntax_")]
    corpus_too_small = bool(tier1) and (len(tier1) < 170 or len(tier1_syntax) < 15)
    if corpus_too_small:
        print(f"error: tier1 needs at least 170 programs and 15 syntax errors "
              f"(has {len(tier1)} and {len(tier1_syntax)})")
    print(f"{len(programs) - programs_with_problems} ok, {programs_with_problems} with problems")
    return 0 if programs_with_problems == 0 and not corpus_too_small else 1


if __name__ == "__main__":
    sys.exit(main())
