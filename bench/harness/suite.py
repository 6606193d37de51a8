"""Find the benchmark files and read their header lines.

Every program in bench/programs/ and every workload in bench/scaling/ is a
self-contained .py file. The leading comment block may hold `# key: value`
lines that the harness reads:
  programs:  `# quick-size: S`   the --size used by `bench/run --quick`
  scaling:   `# kind: independent|shared`   which ratio it feeds
             (scaling_N or contention_N)
             `# quick-work: W`   the --work used by `bench/run --quick`
Files whose name starts with "_" are ignored.
"""

import dataclasses
import os
import re

PROGRAMS = "programs"
SCALING = "scaling"
KINDS = ("independent", "shared")

_HEADER_LINE = re.compile(r"^#\s*([a-z][a-z-]*)\s*:\s*(\S.*?)\s*$")


@dataclasses.dataclass
class Benchmark:
    name: str
    suite: str                 # PROGRAMS or SCALING
    path: str
    quick_size: int = None     # programs only
    kind: str = None           # scaling only: "independent" or "shared"
    quick_work: int = None     # scaling only

    @property
    def label(self):
        """What --filter matches against, e.g. "programs/nbody" or "scaling/create_dict"."""
        return f"{self.suite}/{self.name}"


class SuiteError(Exception):
    pass


def read_header(path):
    """The `# key: value` pairs of the file's leading comment block."""
    fields = {}
    with open(path, encoding="utf-8") as source:
        for line in source:
            if not line.startswith("#"):
                break
            match = _HEADER_LINE.match(line.rstrip("\n"))
            if match:
                fields[match.group(1)] = match.group(2)
    return fields


def _int_field(fields, key, path):
    if key not in fields:
        return None
    try:
        return int(fields[key])
    except ValueError:
        raise SuiteError(f"{path}: header '# {key}:' must be an integer, got {fields[key]!r}")


def discover(directory, suite):
    """All benchmarks of one suite directory, sorted by name."""
    if not os.path.isdir(directory):
        raise SuiteError(f"benchmark directory not found: {directory}")
    found = []
    for entry in sorted(os.listdir(directory)):
        if not entry.endswith(".py") or entry.startswith("_"):
            continue
        path = os.path.join(directory, entry)
        fields = read_header(path)
        benchmark = Benchmark(name=entry[:-3], suite=suite, path=path)
        if suite == PROGRAMS:
            benchmark.quick_size = _int_field(fields, "quick-size", path)
        else:
            benchmark.kind = fields.get("kind")
            if benchmark.kind not in KINDS:
                raise SuiteError(f"{path}: needs a '# kind: independent' or '# kind: shared' header line")
            benchmark.quick_work = _int_field(fields, "quick-work", path)
        found.append(benchmark)
    return found


def select(benchmarks, pattern):
    """Keeps the benchmarks whose label ("suite/name") matches the regex pattern."""
    if not pattern:
        return list(benchmarks)
    regex = re.compile(pattern)
    return [benchmark for benchmark in benchmarks if regex.search(benchmark.label)]
