"""Render the results: terminal tables, the JSON document and the Markdown report.

All three are built from the same records and summary (see stats.py), so they
always agree. Times are shown in milliseconds per iteration (programs) or per
round (scaling); ratios as "1.23x" where > 1 means the first-named side of
the ratio's definition is faster, as in PERFORMANCE.md.
"""

import json

from .suite import PROGRAMS, SCALING

DEFINITIONS = [
    ("median", "median of the steady-state iteration times pooled across all successful processes "
               "(warm-up iterations excluded)"),
    ("min / max / stdev", "of the same pooled samples (stdev = sample standard deviation)"),
    ("runs", "processes that succeeded (each runs its warm-up and timed iterations in-process)"),
    ("first_iteration", "median over processes of the first iteration (cold: includes warm-up effects)"),
    ("process_median", "median whole-process wall time: start-up + compile + warm-up + timed run + exit"),
    ("peak_rss_kb", "largest ru_maxrss (os.wait4) among the processes, KiB"),
    ("speedup vs python3", "python3 median / config median, per benchmark; geomean across benchmarks"),
    ("vs_cpython", "the same ratio for the Stitch configs interp and jit"),
    ("jit_speedup", "interp median / jit median (1 thread)"),
    ("vs_pypy", "pypy3 median / jit median (interp median when there is no jit)"),
    ("peak_rss_ratio", "jit peak RSS / interp peak RSS"),
    ("scaling_N", "(t1 x N) / tN for N threads each doing the same independent work; ideal N, a GIL gives ~1"),
    ("contention_N", "the same formula for workloads whose threads share objects"),
    ("best_scaling_N / best_contention_N", "the same with the fastest round instead of the median round "
     "(noise only adds time, so on a shared machine this is the least disturbed estimate)"),
]


def ms(seconds):
    if seconds is None:
        return "-"
    value = seconds * 1000.0
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def times(value):
    return "-" if value is None else f"{value:.2f}x"


def mib(kilobytes):
    return "-" if not kilobytes else f"{kilobytes / 1024.0:.1f}"


def _index(records):
    return {(r["suite"], r["benchmark"], r["config"], r["threads"]): r for r in records}


def _names(records, suite):
    names = []
    for record in records:
        if record["suite"] == suite and record["benchmark"] not in names:
            names.append(record["benchmark"])
    return names


def _configs(records):
    names = []
    for record in records:
        if record["config"] not in names:
            names.append(record["config"])
    return names


def ratio_columns(summary):
    """[(column title, ratio table)] for the per-benchmark ratio columns that exist."""
    columns = []
    for name, table in summary.get("speedup_vs_python3", {}).items():
        title = f"vs_cpython ({name})" if name in ("interp", "jit") else f"{name} vs python3"
        columns.append((title, table))
    if summary.get("jit_speedup"):
        columns.append(("jit_speedup", summary["jit_speedup"]))
    if summary.get("vs_pypy"):
        columns.append((f"vs_pypy ({summary['vs_pypy']['denominator']})", summary["vs_pypy"]))
    if summary.get("peak_rss_ratio"):
        columns.append(("peak_rss_ratio", summary["peak_rss_ratio"]))
    return columns


def _cell_time(record):
    if record is None:
        return "-"
    if record["status"] != "ok":
        return "FAILED"
    spread = ""
    if record["median"] and record["stdev"] is not None and record["samples"] > 1:
        spread = f" ±{100.0 * record['stdev'] / record['median']:.0f}%"
    return ms(record["median"]) + spread


def program_rows(records, summary):
    """Header and rows of the main table: per-config medians then the ratio columns."""
    index = _index(records)
    configs = _configs([r for r in records if r["suite"] == PROGRAMS])
    columns = ratio_columns(summary)
    header = ["benchmark"] + [f"{config} ms" for config in configs] + [title for title, _ in columns]
    rows = []
    for name in _names(records, PROGRAMS):
        row = [name] + [_cell_time(index.get((PROGRAMS, name, config, None))) for config in configs]
        row += [times(table["per_benchmark"].get(name)) for _, table in columns]
        rows.append(row)
    if columns:
        rows.append(["geomean"] + [""] * len(configs) + [times(table["geomean"]) for _, table in columns])
    return header, rows


def process_rows(records):
    index = _index(records)
    configs = _configs([r for r in records if r["suite"] == PROGRAMS])
    header = ["benchmark"]
    for config in configs:
        header += [f"{config} first ms", f"{config} process s", f"{config} RSS MiB"]
    rows = []
    for name in _names(records, PROGRAMS):
        row = [name]
        for config in configs:
            record = index.get((PROGRAMS, name, config, None))
            if record is None:
                row += ["-", "-", "-"]
                continue
            process = "-" if record["process_median"] is None else f"{record['process_median']:.2f}"
            row += [ms(record["first_iteration"]), process, mib(record["peak_rss_kb"])]
        rows.append(row)
    return header, rows


def scaling_rows(records, summary):
    index = _index(records)
    scaling_records = [r for r in records if r["suite"] == SCALING]
    configs = _configs(scaling_records)
    counts = sorted({r["threads"] for r in scaling_records if r["threads"] and r["threads"] > 1})
    header = ["workload", "kind"]
    for config in configs:
        header.append(f"{config} t1 ms")
        for n in counts:
            header += [f"{config} x{n}", f"{config} x{n} best"]
    rows = []
    for name in _names(records, SCALING):
        kind = next(r["kind"] for r in scaling_records if r["benchmark"] == name)
        row = [name, kind]
        for config in configs:
            one = index.get((SCALING, name, config, 1))
            row.append(_cell_time(one))
            for count in counts:
                record = index.get((SCALING, name, config, count))
                key = f"{'scaling' if kind == 'independent' else 'contention'}_{count}"
                for prefix in ("", "best_"):
                    value = summary.get(prefix + key, {}).get(config, {}).get("per_workload", {}).get(name)
                    row.append("FAILED" if record and record["status"] != "ok" else times(value))
        rows.append(row)
    for kind, label in (("independent", "scaling"), ("shared", "contention")):
        if not any(r["kind"] == kind for r in scaling_records):
            continue
        row = [f"geomean ({label}_N)", kind]
        for config in configs:
            row.append("")
            for count in counts:
                for prefix in ("", "best_"):
                    row.append(times(summary.get(f"{prefix}{label}_{count}", {}).get(config, {}).get("geomean")))
        rows.append(row)
    return header, rows


def text_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(cell).ljust(width) if position == 0 else str(cell).rjust(width)
                       for position, (cell, width) in enumerate(zip(line, widths)))
             for line in [header] + rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for row in rows:
        cells = [str(cell) for cell in row]
        if cells[0].startswith("geomean"):
            cells = [f"**{cell}**" if cell else "" for cell in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(records):
    return [(r["benchmark"] if r["threads"] is None else f"{r['benchmark']} (threads={r['threads']})",
             r["config"], r["error"]) for r in records if r["status"] != "ok"]


def terminal_report(document):
    records, summary = document["results"], document["summary"]
    parts = []
    if any(r["suite"] == PROGRAMS for r in records):
        parts.append("Programs: steady-state median per iteration (ms, ± relative stdev) and ratios")
        parts.append(text_table(*program_rows(records, summary)))
        parts.append("")
        parts.append("First iteration, whole-process wall time (median) and peak RSS")
        parts.append(text_table(*process_rows(records)))
    if any(r["suite"] == SCALING for r in records):
        parts.append("")
        parts.append("Scaling: 1-thread median round (ms) and (t1 x N) / tN per thread count, with t the "
                     "median round, and (best) the fastest round")
        parts.append(text_table(*scaling_rows(records, summary)))
    failed = failures(records)
    if failed:
        parts.append("")
        parts.append(f"FAILED ({len(failed)}):")
        parts += [f"  {name} [{config}]: {error}" for name, config, error in failed]
    return "\n".join(parts)


def _metadata_lines(document):
    machine = document["machine"]
    options = document["options"]
    lines = [
        f"- date: {document['started']} (took {document['duration_seconds']:.0f} s)",
        f"- commit: {document['commit']}",
        f"- Stitch preset: {document['preset']}",
        f"- machine: {machine['nproc']} CPUs (nproc), {machine['cpu_model']}, {machine['platform']}",
        f"- mode: {'--quick' if options['quick'] else 'full'}; {options['repeat']} processes per "
        f"configuration, {options['warmup']} warm-up + {options['iterations']} timed iterations per process"
        + (f"; scaling threads {', '.join(str(n) for n in options['thread_counts'])}, "
           f"{options['scaling_warmup']} warm-up + {options['scaling_rounds']} timed rounds per process"
           if options["scaling"] else "; scaling not run"),
        "- runs are interleaved: for each repetition, for each benchmark, for each configuration, one process",
    ]
    for config in document["configs"]:
        lines.append(f"- `{config['name']}`: `{config['command']}` ({config['version']})")
    for note in document["notes"]:
        lines.append(f"- note: {note}")
    return lines


def markdown_report(document):
    records, summary = document["results"], document["summary"]
    parts = ["# Stitch benchmark report", ""] + _metadata_lines(document)
    parts += ["", "The machine may be shared and noisy: compare ratios measured in one run, not "
              "absolute times across runs.", ""]
    headline = [(title, times(table["geomean"])) for title, table in ratio_columns(summary)]
    for key in sorted(key for key in summary
                      if key.startswith(("scaling_", "contention_", "best_scaling_", "best_contention_"))):
        for config, entry in summary[key].items():
            headline.append((f"{key} ({config})", times(entry["geomean"])))
    if headline:
        parts += ["## Summary (geometric means)", "", markdown_table(["metric", "geomean"], headline), ""]
    if any(r["suite"] == PROGRAMS for r in records):
        parts += ["## Programs", "", "Steady-state median per iteration in ms (± relative stdev) and "
                  "per-benchmark ratios.", "", markdown_table(*program_rows(records, summary)), "",
                  "### First iteration, whole process and memory", "",
                  markdown_table(*process_rows(records)), ""]
    if any(r["suite"] == SCALING for r in records):
        parts += ["## Scaling", "", "1-thread median round time in ms, then (t1 x N) / tN per thread "
                  "count: `scaling_N` for independent workloads, `contention_N` for shared ones, with t "
                  "the median round time, and (best) with t the fastest round.", "",
                  markdown_table(*scaling_rows(records, summary)), ""]
    failed = failures(records)
    if failed:
        parts += ["## Failures", ""] + [f"- **{name}** [{config}]: {error}" for name, config, error in failed]
        parts.append("")
    not_measured = summary.get("not_measured", {})
    if not_measured:
        parts += ["## Not measured", ""] + [f"- `{key}`: {why}" for key, why in not_measured.items()] + [""]
    parts += ["## Definitions", ""] + [f"- `{name}`: {text}" for name, text in DEFINITIONS] + [""]
    return "\n".join(parts)


def write_json(document, path):
    with open(path, "w", encoding="utf-8") as output:
        json.dump(document, output, indent=2)
        output.write("\n")


def write_text(text, path):
    with open(path, "w", encoding="utf-8") as output:
        output.write(text)
