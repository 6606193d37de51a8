"""`bench/run`: option parsing and the interleaved run loop.

Run order (PERFORMANCE.md: compare A and B side by side, A B A B):
  for each repetition:
    for each program:                 for each configuration: one process
    for each scaling workload:
      for each thread count:          for each configuration: one process
so every configuration sees the same machine conditions, and slow drift
(thermal, other jobs) spreads over all of them instead of biasing one.
Warm-up happens inside each process; several processes per configuration
give the spread between processes.

Exit status: 0 when everything ran and checked its result, 1 when any
benchmark failed (crash, timeout, wrong result), 2 for a usage or
configuration problem detected before anything ran, 130 on Ctrl-C (the
reports are still written for what finished).
"""

import argparse
import os
import sys
import time

from . import chart, configs, machine, measure, report, stats, suite

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_STITCH = os.path.join("build", "release", "cli", "stitch")

FULL = {"repeat": 3, "warmup": 3, "iterations": 10, "scaling_warmup": 1, "scaling_rounds": 3, "timeout": 600.0}
QUICK = {"repeat": 2, "warmup": 1, "iterations": 3, "scaling_warmup": 1, "scaling_rounds": 3, "timeout": 120.0}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description="Run the Stitch benchmark suite (bench/programs, bench/scaling) interleaved across "
                    "configurations and report steady-state medians, whole-process time, peak RSS and ratios.")
    parser.add_argument("--quick", action="store_true",
                        help="1 warm-up + 3 timed iterations, 2 processes per config, quick sizes, "
                             "scaling with 1 and N threads only")
    parser.add_argument("--filter", metavar="REGEX",
                        help="run only benchmarks whose 'suite/name' matches, e.g. 'nbody|richards' "
                             "or '^scaling/'")
    parser.add_argument("--threads", type=int, metavar="N",
                        help="largest thread count for the scaling workloads (default: nproc)")
    parser.add_argument("--repeat", type=int, metavar="N", help="processes per configuration (default 3, quick 2)")
    parser.add_argument("--iterations", type=int, metavar="K",
                        help="timed iterations per program process (default 10, quick 3)")
    parser.add_argument("--warmup", type=int, metavar="W",
                        help="warm-up iterations per program process (default 3, quick 1)")
    parser.add_argument("--configs", default=",".join(configs.BUILTIN_ORDER), metavar="LIST",
                        help="comma-separated configurations: interp,jit,python3,pypy3 and/or --runtime "
                             "names (default: all available; --runtime ones are always added)")
    parser.add_argument("--runtime", action="append", default=[], metavar="NAME=CMD",
                        help="another interpreter to compare, e.g. 'py313t=python3.13t -X gil=0' (repeatable)")
    parser.add_argument("--stitch", default=None, metavar="PATH",
                        help=f"the Stitch binary (default: {DEFAULT_STITCH} under the repo root)")
    scaling = parser.add_mutually_exclusive_group()
    scaling.add_argument("--scaling", dest="scaling", action="store_true", default=True,
                         help="run the scaling workloads too (default)")
    scaling.add_argument("--no-scaling", dest="scaling", action="store_false",
                         help="run the single-thread programs only")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="per-process time limit (default 600, quick 120)")
    parser.add_argument("--out", metavar="DIR",
                        help="output directory (default: bench/results/<timestamp>/, gitignored)")
    parser.add_argument("--json", metavar="PATH", help="JSON results (default: <out>/results.json)")
    parser.add_argument("--markdown", metavar="PATH", help="Markdown report (default: <out>/report.md)")
    parser.add_argument("--chart", metavar="PATH",
                        help="ratio chart, .svg or .png (PNG needs matplotlib; default: <out>/chart.svg)")
    parser.add_argument("--programs-dir", default=os.path.join(BENCH_DIR, "programs"), metavar="DIR",
                        help=argparse.SUPPRESS)
    parser.add_argument("--scaling-dir", default=os.path.join(BENCH_DIR, "scaling"), metavar="DIR",
                        help=argparse.SUPPRESS)
    return parser


def thread_counts(maximum, quick):
    if maximum <= 1:
        return [1]
    if quick:
        return [1, maximum]
    counts = [1]
    power = 2
    while power < maximum:
        counts.append(power)
        power *= 2
    return counts + [maximum]


class Progress:
    """A self-overwriting status line on a TTY; one plain line per finished process otherwise."""

    def __init__(self, total, stream):
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()

    def start(self, index, label):
        if self.tty:
            self.stream.write(f"\r\033[K[{index}/{self.total}] {label}")
            self.stream.flush()

    def finish(self, index, label, result):
        status = f"ok {result.wall_seconds:.2f}s" if result.ok else f"FAILED: {result.error}"
        if self.tty:
            if not result.ok:
                self.stream.write(f"\r\033[K[{index}/{self.total}] {label}: {status}\n")
                self.stream.flush()
        else:
            self.stream.write(f"[{index}/{self.total}] {label}: {status}\n")
            self.stream.flush()

    def done(self):
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()


def plan_jobs(programs, workloads, run_configs, counts, settings):
    """The interleaved list of (label, benchmark, config, repetition, threads, argv)."""
    jobs = []
    repeat = settings["repeat"]
    for repetition in range(1, repeat + 1):
        for benchmark in programs:
            for config in run_configs:
                argv = config.argv + [benchmark.path, "--iterations", str(settings["iterations"]),
                                      "--warmup", str(settings["warmup"])]
                if settings["quick"] and benchmark.quick_size is not None:
                    argv += ["--size", str(benchmark.quick_size)]
                jobs.append((f"{benchmark.name} {config.name} run {repetition}/{repeat}",
                             benchmark, config, repetition, None, argv))
        for benchmark in workloads:
            for threads in counts:
                for config in run_configs:
                    argv = config.argv + [benchmark.path, "--threads", str(threads),
                                          "--warmup", str(settings["scaling_warmup"]),
                                          "--rounds", str(settings["scaling_rounds"])]
                    if settings["quick"] and benchmark.quick_work is not None:
                        argv += ["--work", str(benchmark.quick_work)]
                    jobs.append((f"scaling/{benchmark.name} threads={threads} {config.name} "
                                 f"run {repetition}/{repeat}", benchmark, config, repetition, threads, argv))
    return jobs


def _fail(message):
    sys.stderr.write(f"bench/run: error: {message}\n")
    return 2


def _write_failure_logs(measurements, directory):
    failed = [item for item in measurements if not item.ok]
    if not failed:
        return
    os.makedirs(directory, exist_ok=True)
    for item in failed:
        suffix = f"-t{item.threads}" if item.threads is not None else ""
        path = os.path.join(directory, f"{item.suite}-{item.benchmark}-{item.config}{suffix}-run{item.repetition}.log")
        with open(path, "w", encoding="utf-8") as log:
            log.write(f"command: {' '.join(item.argv)}\nerror: {item.error}\n"
                      f"exit code: {item.exit_code}\nsignal: {item.signal_number}\n"
                      f"--- last stderr lines ---\n{item.stderr_tail}\n")


def main(argv=None):
    options = build_parser().parse_args(argv)
    settings = dict(QUICK if options.quick else FULL)
    for key in ("repeat", "warmup", "iterations", "timeout"):
        if getattr(options, key) is not None:
            settings[key] = getattr(options, key)
    settings["quick"] = options.quick
    if settings["repeat"] < 1 or settings["iterations"] < 1 or settings["warmup"] < 0 or settings["timeout"] <= 0:
        return _fail("--repeat and --iterations must be >= 1, --warmup >= 0, --timeout > 0")
    max_threads = options.threads if options.threads is not None else machine.cpu_count()
    if max_threads < 1:
        return _fail("--threads must be >= 1")
    counts = thread_counts(max_threads, options.quick)
    stitch_path = options.stitch or os.path.join(REPO_ROOT, DEFAULT_STITCH)
    selected = [name.strip() for name in options.configs.split(",") if name.strip()]

    try:
        run_configs, notes = configs.resolve(selected, options.runtime, stitch_path)
        programs = suite.select(suite.discover(options.programs_dir, suite.PROGRAMS), options.filter)
        workloads = []
        if options.scaling:
            workloads = suite.select(suite.discover(options.scaling_dir, suite.SCALING), options.filter)
    except (configs.ConfigError, suite.SuiteError) as error:
        return _fail(str(error))
    except Exception as error:  # a bad --filter regex
        return _fail(f"{type(error).__name__}: {error}")
    if not run_configs:
        for note in notes:
            print(f"note: {note}")
        return _fail("no configuration left to run")
    if not programs and not workloads:
        return _fail("no benchmark matches the filter")
    if options.scaling and workloads and len(counts) == 1:
        notes.append("only 1 thread available (--threads 1): scaling ratios need at least 2")

    out_dir = options.out or os.path.join(BENCH_DIR, "results", machine.timestamp_for_path())
    os.makedirs(out_dir, exist_ok=True)
    commit = machine.git_commit(REPO_ROOT)
    for note in notes:
        print(f"note: {note}")
    print(f"bench/run: {len(programs)} programs, {len(workloads)} scaling workloads"
          f"{' (threads ' + ', '.join(map(str, counts)) + ')' if workloads else ''}; "
          f"configs {', '.join(config.name for config in run_configs)}; {settings['repeat']} processes each; "
          f"commit {commit}; output {out_dir}")
    sys.stdout.flush()

    jobs = plan_jobs(programs, workloads, run_configs, counts, settings)
    progress = Progress(len(jobs), sys.stdout)
    started, clock = machine.now_iso(), time.perf_counter()
    measurements, interrupted = [], False
    try:
        for index, (label, benchmark, config, repetition, threads, command) in enumerate(jobs, 1):
            progress.start(index, label)
            result = measure.measure(benchmark, config, repetition, command, settings["timeout"],
                                     threads=threads, cwd=REPO_ROOT)
            measurements.append(result)
            progress.finish(index, label, result)
    except KeyboardInterrupt:
        interrupted = True
        notes.append("interrupted by the user: partial results")
    progress.done()
    duration = time.perf_counter() - clock

    warmups = {suite.PROGRAMS: settings["warmup"], suite.SCALING: settings["scaling_warmup"]}
    records = stats.build_records(measurements, programs + workloads, run_configs, commit, warmups)
    document = {
        "schema": "stitch-bench/1",
        "started": started,
        "duration_seconds": duration,
        "commit": commit,
        "preset": (configs.guess_preset(stitch_path) if any(c.preset for c in run_configs)
                   else "n/a (Stitch not run)"),
        "machine": machine.machine_info(),
        "options": {
            "quick": options.quick, "filter": options.filter, "repeat": settings["repeat"],
            "warmup": settings["warmup"], "iterations": settings["iterations"],
            "scaling": bool(options.scaling and workloads), "thread_counts": counts,
            "scaling_warmup": settings["scaling_warmup"], "scaling_rounds": settings["scaling_rounds"],
            "timeout": settings["timeout"], "stitch": stitch_path,
        },
        "configs": [{"name": c.name, "command": c.command, "version": c.version, "preset": c.preset}
                    for c in run_configs],
        "notes": notes,
        "interrupted": interrupted,
        "summary": stats.summarize(records, run_configs, counts),
        "results": records,
    }
    json_path = options.json or os.path.join(out_dir, "results.json")
    markdown_path = options.markdown or os.path.join(out_dir, "report.md")
    chart_path, chart_note = chart.write_chart(document, options.chart or os.path.join(out_dir, "chart.svg"))
    if chart_note:
        notes.append(chart_note)
    report.write_json(document, json_path)
    report.write_json({"measurements": [item.to_json() for item in measurements]},
                      os.path.join(out_dir, "raw.json"))
    report.write_text(report.markdown_report(document), markdown_path)
    _write_failure_logs(measurements, os.path.join(out_dir, "logs"))

    print(report.terminal_report(document))
    print()
    if chart_note:
        print(f"note: {chart_note}")
    print(f"wrote {json_path}, {markdown_path}, {chart_path} (took {duration:.0f} s)")
    if interrupted:
        return 130
    failed = document["summary"]["failures"]
    if failed:
        print(f"bench/run: {failed} benchmark configuration(s) FAILED")
        return 1
    return 0
