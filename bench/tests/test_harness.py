#!/usr/bin/env python3
"""Tests of the benchmark harness (bench/run) and of the benchmark files.

Run all:  python3 bench/tests/test_harness.py
One group: python3 bench/tests/test_harness.py HarnessSmokeTest

No timing assertions anywhere: only the structure and the pass/fail logic of
what the harness reports, and that every benchmark file keeps the protocol.
Everything runs with python3 only (pypy3 and Stitch may be absent); the
Stitch code paths use tests/fake_stitch, which forwards to python3.
"""

import ast
import json
import os
import subprocess
import sys
import tempfile
import unittest

TESTS = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(TESTS)
RUN = os.path.join(BENCH, "run")
TINY = os.path.join(TESTS, "tiny")
TINY_SCALING = os.path.join(TESTS, "tiny_scaling")
TINY_BROKEN = os.path.join(TESTS, "tiny_broken")
FAKE_STITCH = os.path.join(TESTS, "fake_stitch")
PROGRAMS = os.path.join(BENCH, "programs")
SCALING = os.path.join(BENCH, "scaling")

sys.path.insert(0, BENCH)
from harness import configs, stats, suite  # noqa: E402

RECORD_FIELDS = ("benchmark", "config", "median", "min", "max", "stdev", "runs", "warmup",
                 "process_median", "peak_rss_kb", "commit", "preset", "status", "error")


def run_harness(*args, timeout=300):
    """Runs bench/run with python3; returns (exit status, stdout, stderr)."""
    done = subprocess.run([sys.executable, RUN] + list(args), capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr


def records_by_name(document):
    return {(r["benchmark"], r["config"], r["threads"]): r for r in document["results"]}


class HarnessSmokeTest(unittest.TestCase):
    """Two tiny programs (one passes, one fails its check) + two tiny scaling workloads."""

    @classmethod
    def setUpClass(cls):
        cls.temp = tempfile.TemporaryDirectory()
        cls.json_path = os.path.join(cls.temp.name, "smoke.json")
        cls.status, cls.stdout, cls.stderr = run_harness(
            "--configs", "python3", "--repeat", "1", "--json", cls.json_path,
            "--out", os.path.join(cls.temp.name, "out"), "--programs-dir", TINY,
            "--scaling-dir", TINY_SCALING, "--quick", "--threads", "2")
        with open(cls.json_path, encoding="utf-8") as source:
            cls.document = json.load(source)

    @classmethod
    def tearDownClass(cls):
        cls.temp.cleanup()

    def test_exit_status_is_nonzero_because_of_the_failing_program(self):
        self.assertEqual(self.status, 1, self.stdout + self.stderr)
        self.assertEqual(self.document["summary"]["failures"], 1)
        with tempfile.TemporaryDirectory() as temp:
            status, stdout, stderr = run_harness(
                "--configs", "python3", "--repeat", "1", "--out", temp, "--programs-dir", TINY,
                "--no-scaling", "--filter", "loop_ok")
        self.assertEqual(status, 0, "without the failing program the run must succeed:\n" + stdout + stderr)

    def test_top_level_fields(self):
        for key in ("summary", "machine", "results", "commit", "preset", "started", "configs", "options"):
            self.assertIn(key, self.document)
        self.assertGreaterEqual(self.document["machine"]["nproc"], 1)
        self.assertTrue(self.document["machine"]["cpu_model"])
        self.assertTrue(self.document["commit"])

    def test_every_record_has_the_documented_fields(self):
        self.assertTrue(self.document["results"])
        for record in self.document["results"]:
            for field in RECORD_FIELDS:
                self.assertIn(field, record, f"{record['benchmark']} lacks {field}")

    def test_passing_program_record(self):
        record = records_by_name(self.document)[("loop_ok", "python3", None)]
        self.assertEqual(record["status"], "ok")
        self.assertIsNone(record["error"])
        self.assertEqual(record["runs"], 1)
        self.assertEqual(record["warmup"], 1)
        self.assertEqual(record["samples"], 3)
        self.assertGreater(record["median"], 0)
        self.assertLessEqual(record["min"], record["median"])
        self.assertLessEqual(record["median"], record["max"])
        self.assertGreaterEqual(record["stdev"], 0)
        self.assertGreater(record["process_median"], record["median"])
        self.assertGreater(record["peak_rss_kb"], 0)

    def test_failing_program_is_marked_failed_with_its_error(self):
        record = records_by_name(self.document)[("fails_check", "python3", None)]
        self.assertEqual(record["status"], "failed")
        self.assertIn("WRONG RESULT", record["error"])
        self.assertIn("expected 12345", record["error"])
        self.assertEqual(record["runs"], 0)
        self.assertIsNone(record["median"])
        self.assertIn("FAILED", self.stdout)
        self.assertIn("fails_check", self.stdout)

    def test_scaling_records_and_ratios(self):
        records = records_by_name(self.document)
        for name, kind in (("tiny_counter", "independent"), ("tiny_shared", "shared")):
            for threads in (1, 2):
                record = records[(name, "python3", threads)]
                self.assertEqual(record["status"], "ok", record["error"])
                self.assertEqual(record["kind"], kind)
                self.assertEqual(record["samples"], 3)
        summary = self.document["summary"]
        self.assertIn("tiny_counter", summary["scaling_2"]["python3"]["per_workload"])
        self.assertIn("tiny_shared", summary["contention_2"]["python3"]["per_workload"])
        one, two = records[("tiny_counter", "python3", 1)], records[("tiny_counter", "python3", 2)]
        self.assertAlmostEqual(summary["scaling_2"]["python3"]["per_workload"]["tiny_counter"],
                               one["median"] * 2 / two["median"])

    def test_reports_are_written(self):
        out = os.path.join(self.temp.name, "out")
        with open(os.path.join(out, "report.md"), encoding="utf-8") as markdown:
            text = markdown.read()
        self.assertIn("## Failures", text)
        self.assertIn("fails_check", text)
        self.assertIn("## Scaling", text)
        with open(os.path.join(out, "chart.svg"), encoding="utf-8") as chart:
            self.assertTrue(chart.read().startswith("<svg"))
        with open(os.path.join(out, "raw.json"), encoding="utf-8") as raw:
            self.assertTrue(json.load(raw)["measurements"])
        self.assertTrue(os.listdir(os.path.join(out, "logs")))


class HarnessFailureModesTest(unittest.TestCase):
    """Timeouts, signals, missing result lines, bad options, missing runtimes."""

    def broken_run(self, *extra):
        with tempfile.TemporaryDirectory() as temp:
            json_path = os.path.join(temp, "broken.json")
            status, stdout, stderr = run_harness(
                "--configs", "python3", "--repeat", "1", "--json", json_path, "--out", temp,
                "--programs-dir", TINY_BROKEN, "--no-scaling", *extra)
            with open(json_path, encoding="utf-8") as source:
                records = records_by_name(json.load(source))
        self.assertEqual(status, 1, stdout + stderr)
        for record in records.values():
            self.assertEqual(record["status"], "failed")
            self.assertEqual(record["runs"], 0)
        return records

    def test_timeout_is_a_failure_with_its_reason(self):
        records = self.broken_run("--filter", "sleeps", "--timeout", "2")
        self.assertEqual(records[("sleeps", "python3", None)]["error"], "timeout after 2s")

    def test_signal_and_missing_result_are_failures_with_reasons(self):
        records = self.broken_run("--filter", "crashes|no_result")
        self.assertEqual(records[("crashes", "python3", None)]["error"], "killed by signal 11 (SIGSEGV)")
        self.assertIn("result=ok", records[("no_result", "python3", None)]["error"])

    def test_missing_runtime_command_exits_2_before_running(self):
        with tempfile.TemporaryDirectory() as temp:
            out = os.path.join(temp, "never")
            status, stdout, stderr = run_harness("--runtime", "ghost=/nonexistent/python9 -X dev",
                                                 "--configs", "python3", "--out", out,
                                                 "--programs-dir", TINY)
            self.assertEqual(status, 2)
            self.assertFalse(os.path.exists(out), "nothing may run or be written")
        self.assertEqual(len(stderr.strip().splitlines()), 1, stderr)
        self.assertIn("ghost", stderr)
        self.assertIn("/nonexistent/python9", stderr)

    def test_unknown_config_exits_2(self):
        status, _, stderr = run_harness("--configs", "python3,cpython99", "--programs-dir", TINY)
        self.assertEqual(status, 2)
        self.assertIn("cpython99", stderr)

    def test_missing_stitch_is_skipped_with_one_line(self):
        with tempfile.TemporaryDirectory() as temp:
            json_path = os.path.join(temp, "r.json")
            status, stdout, stderr = run_harness(
                "--stitch", os.path.join(temp, "no-stitch"), "--configs", "interp,jit,python3",
                "--repeat", "1", "--no-scaling", "--filter", "loop_ok", "--programs-dir", TINY,
                "--out", temp, "--json", json_path)
            with open(json_path, encoding="utf-8") as source:
                document = json.load(source)
        self.assertEqual(status, 0, stdout + stderr)
        notes = [line for line in stdout.splitlines() if "Stitch binary not found" in line]
        self.assertEqual(len(notes), 1, stdout)
        self.assertEqual({r["config"] for r in document["results"]}, {"python3"})

    def test_runtime_with_spaces_in_its_command_runs(self):
        with tempfile.TemporaryDirectory() as temp:
            json_path = os.path.join(temp, "r.json")
            status, stdout, stderr = run_harness(
                "--runtime", f"pydev={sys.executable} -X dev", "--configs", "python3", "--repeat", "1",
                "--no-scaling", "--filter", "loop_ok", "--programs-dir", TINY, "--out", temp,
                "--json", json_path)
            with open(json_path, encoding="utf-8") as source:
                document = json.load(source)
        self.assertEqual(status, 0, stdout + stderr)
        record = records_by_name(document)[("loop_ok", "pydev", None)]
        self.assertEqual(record["status"], "ok")
        self.assertIn("-X dev", record["command"])
        self.assertIn("pydev", document["summary"]["speedup_vs_python3"])


class HarnessStitchPathTest(unittest.TestCase):
    """interp and jit through tests/fake_stitch (which forwards to python3)."""

    def test_interp_and_jit_ratios_are_reported(self):
        with tempfile.TemporaryDirectory() as temp:
            json_path = os.path.join(temp, "r.json")
            status, stdout, stderr = run_harness(
                "--stitch", FAKE_STITCH, "--configs", "interp,jit,python3", "--repeat", "2",
                "--no-scaling", "--filter", "loop_ok", "--programs-dir", TINY, "--out", temp,
                "--json", json_path, "--chart", os.path.join(temp, "c.svg"))
            with open(json_path, encoding="utf-8") as source:
                document = json.load(source)
        self.assertEqual(status, 0, stdout + stderr)
        records = records_by_name(document)
        for config in ("interp", "jit"):
            self.assertEqual(records[("loop_ok", config, None)]["status"], "ok")
            self.assertEqual(records[("loop_ok", config, None)]["runs"], 2)
            self.assertIn("loop_ok", document["summary"]["vs_cpython"][config]["per_benchmark"])
        summary = document["summary"]
        self.assertGreater(summary["jit_speedup"]["geomean"], 0)
        self.assertGreater(summary["peak_rss_ratio"]["geomean"], 0)
        self.assertIsNone(summary["vs_pypy"], "pypy3 was not among the configs")
        self.assertIn("-X jit=off", records[("loop_ok", "interp", None)]["command"])
        self.assertIn("-X jit=on", records[("loop_ok", "jit", None)]["command"])


class StatsTest(unittest.TestCase):
    """The ratio formulas on hand-made records."""

    @staticmethod
    def record(name, config, median, threads=None, kind=None, status="ok", suite_name=suite.PROGRAMS):
        return {"suite": suite_name, "benchmark": name, "config": config, "threads": threads, "kind": kind,
                "status": status, "median": median, "peak_rss_kb": 1000}

    def test_geomean(self):
        self.assertAlmostEqual(stats.geomean([2.0, 8.0]), 4.0)
        self.assertAlmostEqual(stats.geomean([0.5, 2.0]), 1.0)
        self.assertIsNone(stats.geomean([]))

    def test_ratio_excludes_failed_benchmarks(self):
        records = [self.record("a", "python3", 2.0), self.record("a", "jit", 1.0),
                   self.record("b", "python3", 3.0), self.record("b", "jit", 1.0),
                   self.record("c", "python3", 3.0), self.record("c", "jit", None, status="failed")]
        table = stats.ratio(records, "python3", "jit")
        self.assertEqual(table["per_benchmark"], {"a": 2.0, "b": 3.0})
        self.assertAlmostEqual(table["geomean"], 6.0 ** 0.5)
        self.assertEqual(table["excluded"], ["c"])
        self.assertIsNone(stats.ratio(records, "python3", "pypy3"))

    def test_scaling_formula(self):
        records = [self.record("w", "interp", 1.0, threads=1, kind="independent", suite_name=suite.SCALING),
                   self.record("w", "interp", 1.25, threads=4, kind="independent", suite_name=suite.SCALING),
                   self.record("s", "interp", 1.0, threads=1, kind="shared", suite_name=suite.SCALING),
                   self.record("s", "interp", 4.0, threads=4, kind="shared", suite_name=suite.SCALING)]
        self.assertAlmostEqual(stats.scaling_ratios(records, 4, "independent")["interp"]["per_workload"]["w"], 3.2)
        self.assertAlmostEqual(stats.scaling_ratios(records, 4, "shared")["interp"]["per_workload"]["s"], 1.0)

    def test_best_scaling_uses_the_fastest_rounds(self):
        one = self.record("w", "interp", 1.0, threads=1, kind="independent", suite_name=suite.SCALING)
        two = self.record("w", "interp", 1.6, threads=2, kind="independent", suite_name=suite.SCALING)
        one["min"], two["min"] = 0.9, 0.95
        self.assertAlmostEqual(stats.scaling_ratios([one, two], 2, "independent")["interp"]["per_workload"]["w"], 1.25)
        best = stats.scaling_ratios([one, two], 2, "independent", "min")["interp"]
        self.assertAlmostEqual(best["per_workload"]["w"], 2 * 0.9 / 0.95)
        self.assertAlmostEqual(best["geomean"], 2 * 0.9 / 0.95)

    def test_preset_guess(self):
        self.assertEqual(configs.guess_preset("/r/build/release/cli/stitch"), "release")
        self.assertEqual(configs.guess_preset("/r/build/alice-tsan/cli/stitch"), "tsan")
        self.assertEqual(configs.guess_preset("/r/build/custom/cli/stitch"), "custom")
        self.assertEqual(configs.guess_preset("/usr/local/bin/stitch"), "unknown")

    def test_runtime_spec_parsing(self):
        self.assertEqual(configs.parse_runtime("ft=python3.13t -X gil=0"), ("ft", ["python3.13t", "-X", "gil=0"]))
        with self.assertRaises(configs.ConfigError):
            configs.parse_runtime("no-equals-sign")


def _read(path):
    with open(path, encoding="utf-8") as source:
        return source.read()


def _expected_sizes(path):
    tree = ast.parse(_read(path))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("EXPECTED", "DEFAULT_SIZE", "DEFAULT_WORK"):
                values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def _imports(path):
    tree = ast.parse(_read(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module)
    return names


class BenchmarkFilesTest(unittest.TestCase):
    """Every program and workload keeps the protocol and still checks its result."""

    def driver_of(self, path, marker):
        text = _read(path)
        self.assertIn(marker, text, path)
        return text[text.index(marker):]

    def test_programs(self):
        programs = suite.discover(PROGRAMS, suite.PROGRAMS)
        self.assertGreaterEqual(len(programs), 14)
        reference = None
        for program in programs:
            with self.subTest(program=program.name):
                driver = self.driver_of(program.path, "# ---- benchmark driver")
                reference = reference or driver
                self.assertEqual(driver, reference, "the driver block must be identical in every program")
                self.assertLessEqual(_imports(program.path), {"sys", "time"})
                values = _expected_sizes(program.path)
                self.assertIn(values["DEFAULT_SIZE"], values["EXPECTED"])
                self.assertIn(program.quick_size, values["EXPECTED"], "quick-size needs an EXPECTED value")
                smallest = min(values["EXPECTED"])
                done = subprocess.run([sys.executable, program.path, "--size", str(smallest),
                                       "--iterations", "1", "--warmup", "0"],
                                      capture_output=True, text=True, timeout=120)
                self.assertEqual(done.returncode, 0, done.stderr)
                self.assertEqual(done.stdout.strip().splitlines()[-1], "@@bench result=ok")

    def test_a_wrong_result_fails_loudly(self):
        program = os.path.join(PROGRAMS, "nbody.py")
        with tempfile.TemporaryDirectory() as temp:
            broken = os.path.join(temp, "nbody_broken.py")
            text = _read(program).replace("0.01, n)", "0.011, n)")
            self.assertNotEqual(text, _read(program))
            with open(broken, "w", encoding="utf-8") as output:
                output.write(text)
            done = subprocess.run([sys.executable, broken, "--size", "1000", "--iterations", "1"],
                                  capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 1)
        self.assertIn("WRONG RESULT", done.stderr)
        self.assertNotIn("result=ok", done.stdout)

    def test_scaling_workloads(self):
        workloads = suite.discover(SCALING, suite.SCALING)
        self.assertGreaterEqual(len(workloads), 10)
        self.assertEqual({w.kind for w in workloads}, {"independent", "shared"})
        reference = None
        for workload in workloads:
            with self.subTest(workload=workload.name):
                driver = self.driver_of(workload.path, "# ---- scaling driver")
                reference = reference or driver
                self.assertEqual(driver, reference, "the driver block must be identical in every workload")
                self.assertLessEqual(_imports(workload.path), {"sys", "time", "threading"})
                self.assertIsNotNone(workload.quick_work)
                done = subprocess.run([sys.executable, workload.path, "--threads", "3", "--work", "997",
                                       "--warmup", "0"], capture_output=True, text=True, timeout=120)
                self.assertEqual(done.returncode, 0, done.stderr)
                lines = done.stdout.strip().splitlines()
                self.assertTrue(lines[0].startswith("@@scaling threads=3 seconds="), lines)
                self.assertEqual(lines[-1], "@@scaling result=ok")


if __name__ == "__main__":
    unittest.main(verbosity=2)
