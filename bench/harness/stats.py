"""Aggregate measurements into records and compute the summary ratios.

One record per benchmark x configuration (x thread count for scaling):
  median   median of the steady-state samples pooled across the successful
           processes (programs: every non-warm-up iteration of every process;
           scaling: every timed round of every process)
  min/max/stdev  of the same pooled samples (stdev: sample standard deviation,
           0 with fewer than two samples)
  runs     processes that succeeded; failed_runs: processes that did not
  first_iteration  median over processes of each process's first iteration
           (a warm-up one when there is warm-up): the cold-start story
  process_median   median whole-process wall time (start-up + compile + run)
  peak_rss_kb      the largest ru_maxrss among the processes
A record is "failed" if any of its processes failed; `error` is the first
failure's reason. Failed records are left out of every ratio.

Ratios (each per benchmark plus the geometric mean over the benchmarks that
both sides ran successfully):
  speedup_vs_python3[C]  python3 median / C median, for every other config C
  vs_cpython[interp|jit] the same ratio for the Stitch configs
  jit_speedup            interp median / jit median
  vs_pypy                pypy3 median / jit median (interp when there is no jit)
  peak_rss_ratio         jit peak RSS / interp peak RSS
  scaling_N[C]           (t1 * N) / tN for independent workloads, t = median round time
  contention_N[C]        the same for shared workloads
  best_scaling_N[C], best_contention_N[C]
                         the same with t = the fastest round: on a shared or virtualized machine
                         noise only ever adds time, so the minimum is the estimate least
                         disturbed by it (reported beside the median-based ratio, not instead)
"""

import math
import statistics

from .suite import PROGRAMS, SCALING


def median(values):
    return statistics.median(values) if values else None


def stdev(values):
    return statistics.stdev(values) if len(values) > 1 else 0.0


def geomean(values):
    values = [value for value in values if value is not None and value > 0]
    if not values:
        return None
    return math.exp(sum(math.log(value) for value in values) / len(values))


def build_records(measurements, benchmarks, configs, commit, warmup_by_suite):
    """One record per (benchmark, config, threads) in run order; see the module doc."""
    grouped = {}
    for item in measurements:
        grouped.setdefault((item.suite, item.benchmark, item.config, item.threads), []).append(item)
    kinds = {(benchmark.suite, benchmark.name): benchmark.kind for benchmark in benchmarks}
    config_by_name = {config.name: config for config in configs}
    records = []
    for (suite, name, config_name, threads), items in grouped.items():
        good = [item for item in items if item.ok]
        bad = [item for item in items if not item.ok]
        pooled = [seconds for item in good for seconds in item.timed]
        firsts = [(item.warmup or item.timed)[0] for item in good if item.warmup or item.timed]
        walls = [item.wall_seconds for item in (good or items) if item.wall_seconds is not None]
        rss = [item.peak_rss_kb for item in (good or items) if item.peak_rss_kb]
        config = config_by_name[config_name]
        records.append({
            "benchmark": name,
            "suite": suite,
            "config": config_name,
            "threads": threads,
            "kind": kinds.get((suite, name)),
            "status": "failed" if bad else "ok",
            "error": bad[0].error if bad else None,
            "median": median(pooled),
            "min": min(pooled) if pooled else None,
            "max": max(pooled) if pooled else None,
            "stdev": stdev(pooled) if pooled else None,
            "runs": len(good),
            "failed_runs": len(bad),
            "samples": len(pooled),
            "warmup": warmup_by_suite[suite],
            "first_iteration": median(firsts),
            "process_median": median(walls),
            "peak_rss_kb": max(rss) if rss else None,
            "commit": commit,
            "preset": config.preset,
            "command": config.command,
            "version": config.version,
        })
    return records


def _lookup(records):
    return {(record["suite"], record["benchmark"], record["config"], record["threads"]): record
            for record in records}


def ratio(records, numerator, denominator, field="median", suite=PROGRAMS):
    """numerator/denominator of `field` per program, plus the geomean; None if a config is absent."""
    table = _lookup(records)
    configs = {record["config"] for record in records}
    if numerator not in configs or denominator not in configs:
        return None
    names = []
    for record in records:
        if record["suite"] == suite and record["benchmark"] not in names:
            names.append(record["benchmark"])
    per_benchmark, excluded = {}, []
    for name in names:
        top = table.get((suite, name, numerator, None))
        bottom = table.get((suite, name, denominator, None))
        if (top and bottom and top["status"] == "ok" and bottom["status"] == "ok"
                and top[field] and bottom[field]):
            per_benchmark[name] = top[field] / bottom[field]
        else:
            excluded.append(name)
    return {"numerator": numerator, "denominator": denominator, "field": field,
            "per_benchmark": per_benchmark, "geomean": geomean(per_benchmark.values()),
            "excluded": excluded}


def scaling_ratios(records, threads, kind, statistic="median"):
    """{config: {"per_workload": {name: t1*N/tN}, "geomean": g}} for workloads of one kind;
    `statistic` ("median" or "min") names the round time used."""
    table = _lookup(records)
    result = {}
    for record in records:
        if record["suite"] != SCALING or record["kind"] != kind or record["threads"] != threads:
            continue
        one = table.get((SCALING, record["benchmark"], record["config"], 1))
        entry = result.setdefault(record["config"], {"per_workload": {}, "excluded": []})
        if (one and one["status"] == "ok" and record["status"] == "ok"
                and one.get(statistic) and record.get(statistic)):
            entry["per_workload"][record["benchmark"]] = one[statistic] * threads / record[statistic]
        else:
            entry["excluded"].append(record["benchmark"])
    for entry in result.values():
        entry["geomean"] = geomean(entry["per_workload"].values())
    return result


def summarize(records, configs, thread_counts):
    names = [config.name for config in configs]
    summary = {"speedup_vs_python3": {}, "vs_cpython": {}, "jit_speedup": None, "vs_pypy": None,
               "peak_rss_ratio": None, "compile_share": None, "code_bytes_per_op": None}
    for name in names:
        if name != "python3":
            table = ratio(records, "python3", name)
            if table:
                summary["speedup_vs_python3"][name] = table
                if name in ("interp", "jit"):
                    summary["vs_cpython"][name] = table
    summary["jit_speedup"] = ratio(records, "interp", "jit")
    pypy_baseline = "jit" if "jit" in names else "interp"
    summary["vs_pypy"] = ratio(records, "pypy3", pypy_baseline)
    summary["peak_rss_ratio"] = ratio(records, "jit", "interp", field="peak_rss_kb")
    for threads in thread_counts:
        if threads > 1:
            summary[f"scaling_{threads}"] = scaling_ratios(records, threads, "independent")
            summary[f"contention_{threads}"] = scaling_ratios(records, threads, "shared")
            summary[f"best_scaling_{threads}"] = scaling_ratios(records, threads, "independent", "min")
            summary[f"best_contention_{threads}"] = scaling_ratios(records, threads, "shared", "min")
    summary["failures"] = sum(1 for record in records if record["status"] != "ok")
    summary["not_measured"] = {
        "compile_share": "needs JIT compile-time statistics from Stitch (not available yet)",
        "code_bytes_per_op": "needs JIT code-size statistics from Stitch (not available yet)",
    }
    return summary
