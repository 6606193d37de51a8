"""Turn one benchmark process into a Measurement.

Protocol (stdout lines; anything else is ignored):
  programs:  @@bench iter=<i> warmup=<0|1> seconds=<float>   one per iteration
             @@bench result=ok                                after a checked result
  scaling:   @@scaling threads=<N> [warmup=1] seconds=<float> one per round
             @@scaling result=ok
A process succeeds only if it exits with status 0 AND prints `result=ok` AND
reports at least one timed (non-warm-up) sample. Otherwise the measurement
carries the reason: "timeout after Ns", "killed by signal N (SIGNAME)", the
last line the process wrote to stderr, or what was missing from its output.
"""

import dataclasses
import signal

from . import process
from .suite import PROGRAMS


@dataclasses.dataclass
class Measurement:
    benchmark: str
    suite: str
    config: str
    repetition: int
    threads: int = None            # scaling only
    argv: list = None
    ok: bool = False
    error: str = None
    timed: list = dataclasses.field(default_factory=list)    # steady-state seconds
    warmup: list = dataclasses.field(default_factory=list)   # warm-up seconds, in order
    wall_seconds: float = None
    peak_rss_kb: int = None
    exit_code: int = None
    signal_number: int = None
    stderr_tail: str = ""

    def to_json(self):
        return dataclasses.asdict(self)


def _last_line(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown signal"


def _parse_fields(line):
    fields = {}
    for token in line.split()[1:]:
        key, separator, value = token.partition("=")
        if not separator:
            raise ValueError(f"malformed output line: {line.strip()!r}")
        fields[key] = value
    return fields


def parse_output(stdout, tag):
    """Returns (timed, warmup, result, threads_seen) from the tagged lines of stdout."""
    timed, warmup, result, threads_seen = [], [], None, set()
    for line in stdout.splitlines():
        if not line.startswith(tag + " "):
            continue
        fields = _parse_fields(line)
        if "result" in fields:
            result = fields["result"]
            continue
        if "seconds" not in fields:
            raise ValueError(f"malformed output line: {line.strip()!r}")
        seconds = float(fields["seconds"])
        if "threads" in fields:
            threads_seen.add(int(fields["threads"]))
        (warmup if fields.get("warmup", "0") == "1" else timed).append(seconds)
    return timed, warmup, result, threads_seen


def failure_reason(outcome, timeout_seconds):
    """Why the process failed as a process (None if it exited with status 0)."""
    if outcome.start_error:
        return outcome.start_error
    if outcome.timed_out:
        return f"timeout after {timeout_seconds:g}s"
    if outcome.signal_number is not None:
        return f"killed by signal {outcome.signal_number} ({_signal_name(outcome.signal_number)})"
    if outcome.exit_code != 0:
        return _last_line(outcome.stderr) or f"exit status {outcome.exit_code} with no message on stderr"
    return None


def measure(benchmark, config, repetition, argv, timeout_seconds, threads=None, cwd=None):
    outcome = process.run_process(argv, timeout_seconds, cwd=cwd)
    result = Measurement(benchmark=benchmark.name, suite=benchmark.suite, config=config.name,
                         repetition=repetition, threads=threads, argv=list(argv),
                         wall_seconds=outcome.wall_seconds, peak_rss_kb=outcome.peak_rss_kb,
                         exit_code=outcome.exit_code, signal_number=outcome.signal_number,
                         stderr_tail="\n".join(outcome.stderr.splitlines()[-20:]))
    tag = "@@bench" if benchmark.suite == PROGRAMS else "@@scaling"
    try:
        result.timed, result.warmup, verdict, threads_seen = parse_output(outcome.stdout, tag)
    except ValueError as error:
        result.error = str(error)
        return result
    result.error = failure_reason(outcome, timeout_seconds)
    if result.error is None:
        if verdict is None:
            last = _last_line(outcome.stderr)
            result.error = f"no '{tag} result=ok' line" + (f" (stderr: {last})" if last else "")
        elif verdict != "ok":
            result.error = f"{tag} result={verdict}"
        elif not result.timed:
            result.error = "no timed iterations reported"
        elif threads is not None and threads_seen != {threads}:
            result.error = f"asked for {threads} threads, the workload reported {sorted(threads_seen)}"
    result.ok = result.error is None
    return result
