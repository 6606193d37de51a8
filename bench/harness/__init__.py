"""The Stitch benchmark harness (stdlib only; matplotlib is used for PNG charts if present).

Entry point: `bench/run` (see bench/README.md). Modules, bottom to top:
  process  - runs one child process with a timeout; wall time, exit status, peak RSS.
  suite    - finds the programs and scaling workloads and reads their header lines.
  configs  - the configurations to compare (interp, jit, python3, pypy3, --runtime).
  machine  - machine, commit and date metadata.
  measure  - turns one process's output into a measurement (or a failure with its reason).
  stats    - aggregates measurements into records and computes the summary ratios.
  report   - terminal table, JSON and Markdown.
  chart    - the ratio chart (SVG directly; PNG through matplotlib when importable).
  cli      - option parsing and the interleaved run loop.
"""
