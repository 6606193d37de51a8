"""The configurations a run compares, as PERFORMANCE.md names them.

  interp   Stitch with `-X jit=off`
  jit      Stitch with `-X jit=on`; only when `stitch --version` mentions "jit"
  python3  the system CPython found on PATH
  pypy3    PyPy found on PATH, when installed
  NAME     every `--runtime NAME=CMD` (CMD is split like a shell would)

Problems that make a whole run meaningless (an unknown --configs name, a
--runtime whose command does not exist) raise ConfigError, which the CLI
turns into exit status 2 before anything runs. Configurations that are merely
unavailable (no Stitch binary yet, no PyPy) are skipped with one note each.
"""

import dataclasses
import os
import re
import shlex
import shutil
import subprocess

BUILTIN_ORDER = ("interp", "jit", "python3", "pypy3")
STITCH_CONFIGS = ("interp", "jit")
KNOWN_PRESETS = ("release", "relwithdebinfo", "debug", "asan", "tsan")
_NAME = re.compile(r"^[A-Za-z0-9_.+-]+$")


class ConfigError(Exception):
    pass


@dataclasses.dataclass
class Config:
    name: str
    argv: list                # command prefix; the benchmark file and its options follow
    version: str = "unknown"
    preset: str = None        # Stitch configs only: the build preset guessed from the binary's path

    @property
    def command(self):
        return shlex.join(self.argv)


def parse_runtime(spec):
    """"NAME=CMD" -> (NAME, argv)."""
    name, separator, command = spec.partition("=")
    name = name.strip()
    if not separator or not name or not command.strip():
        raise ConfigError(f"--runtime expects NAME=CMD, got {spec!r}")
    if not _NAME.match(name):
        raise ConfigError(f"--runtime name {name!r} may only use letters, digits and _ . + -")
    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise ConfigError(f"--runtime {name}: cannot split {command!r}: {error}")
    return name, argv


def guess_preset(stitch_path):
    """build/release/cli/stitch -> "release"; build/alice-tsan/... -> "tsan"; else the directory name."""
    parts = os.path.normpath(os.path.abspath(stitch_path)).split(os.sep)
    if "build" in parts:
        index = len(parts) - 1 - parts[::-1].index("build")
        if index + 1 < len(parts) - 1:
            directory = parts[index + 1]
            for preset in KNOWN_PRESETS:
                if directory == preset or directory.endswith("-" + preset) or directory.startswith(preset + "-"):
                    return preset
            return directory
    return "unknown"


def version_of(argv):
    """First line that `CMD --version` prints (stdout or stderr), or "unknown"."""
    try:
        done = subprocess.run(argv + ["--version"], capture_output=True, text=True, timeout=30,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    lines = [line.strip() for line in (done.stdout + "\n" + done.stderr).splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else ""


def _stitch_configs(wanted, stitch_path, notes):
    configs = []
    if not (os.path.isfile(stitch_path) and os.access(stitch_path, os.X_OK)):
        notes.append(f"Stitch binary not found at {stitch_path}: skipping {' and '.join(wanted)} "
                     f"(build it, or point --stitch at it)")
        return configs
    version = version_of([stitch_path])
    if version is None:
        notes.append(f"'{stitch_path} --version' failed: skipping {' and '.join(wanted)}")
        return configs
    preset = guess_preset(stitch_path)
    if "interp" in wanted:
        configs.append(Config("interp", [stitch_path, "-X", "jit=off"], version, preset))
    if "jit" in wanted:
        if "jit" in version.lower():
            configs.append(Config("jit", [stitch_path, "-X", "jit=on"], version, preset))
        else:
            notes.append(f"jit skipped: '{os.path.basename(stitch_path)} --version' does not mention jit "
                         f"({version!r})")
    return configs


def resolve(selected, runtime_specs, stitch_path):
    """Returns (configs in run order, notes about skipped ones). Raises ConfigError."""
    notes = []
    runtimes = [parse_runtime(spec) for spec in runtime_specs]
    runtime_names = [name for name, _ in runtimes]
    if len(set(runtime_names)) != len(runtime_names):
        raise ConfigError("--runtime names must be distinct")
    for name, argv in runtimes:
        if shutil.which(argv[0]) is None:
            raise ConfigError(f"--runtime {name}: command not found: {argv[0]}")
    unknown = [name for name in selected if name not in BUILTIN_ORDER and name not in runtime_names]
    if unknown:
        raise ConfigError(f"unknown configuration(s) {', '.join(unknown)}; "
                          f"choose from {', '.join(BUILTIN_ORDER)} or a --runtime NAME")
    configs = []
    wanted_stitch = [name for name in STITCH_CONFIGS if name in selected and name not in runtime_names]
    if wanted_stitch:
        configs.extend(_stitch_configs(wanted_stitch, stitch_path, notes))
    for name in ("python3", "pypy3"):
        if name not in selected or name in runtime_names:
            continue
        found = shutil.which(name)
        if found is None:
            hint = " (apt-get install pypy3)" if name == "pypy3" else ""
            notes.append(f"{name} is not installed{hint}: skipped")
            continue
        configs.append(Config(name, [found], version_of([found]) or "unknown"))
    for name, argv in runtimes:
        if name in BUILTIN_ORDER:
            notes.append(f"--runtime {name} replaces the built-in {name} configuration")
        configs.append(Config(name, argv, version_of(argv) or "unknown"))
    return configs, notes
