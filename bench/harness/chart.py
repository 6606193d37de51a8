"""The ratio chart: one panel per ratio, one horizontal bar per benchmark.

In the style of the "Does JIT go brrr?" dashboards: bars grow right of the
1.0x line when the ratio says "faster" and left when "slower", on a log scale
so that 2x and 0.5x look equally far from parity. The geometric-mean bar
comes last in each panel and is highlighted. Scaling panels draw the ideal
(N) as a dashed line.

SVG is written directly (no dependency). A .png path uses matplotlib when it
can be imported; otherwise the SVG is written next to it and a note says so.
"""

import math
import os

from .report import ratio_columns

WIDTH = 960
LABEL_WIDTH = 190
VALUE_WIDTH = 70
BAR_HEIGHT = 14
ROW_GAP = 5
PANEL_GAP = 26
TITLE_HEIGHT = 22
AXIS_HEIGHT = 18
FASTER = "#3d8b37"
SLOWER = "#c0392b"
GEOMEAN = "#1f4e9c"


def panels_from(document):
    """[(title, [(label, value)], geomean, ideal)] for every ratio that has data."""
    summary = document["summary"]
    panels = []
    for title, table in ratio_columns(summary):
        entries = list(table["per_benchmark"].items())
        if entries:
            quantity = "peak RSS" if table["field"] == "peak_rss_kb" else "time"
            panels.append((f"{title} ({table['numerator']} {quantity} / {table['denominator']} {quantity})",
                           entries, table["geomean"], None))
    for key in sorted(key for key in summary if key.startswith(("scaling_", "contention_"))):
        threads = int(key.rsplit("_", 1)[1])
        for config, entry in summary[key].items():
            entries = list(entry["per_workload"].items())
            if entries:
                panels.append((f"{key} ({config}): (t1 x {threads}) / t{threads}, ideal {threads}", entries,
                               entry["geomean"], float(threads)))
    return panels


def _escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _ticks(low, high):
    ticks = []
    exponent = math.floor(math.log2(low))
    while 2.0 ** exponent <= high:
        value = 2.0 ** exponent
        if low <= value <= high:
            ticks.append(value)
        exponent += 1
    return ticks


def _tick_label(value):
    return f"{value:g}x" if value >= 1 else f"1/{1 / value:g}x"


def render_svg(document):
    panels = panels_from(document)
    header = (f"commit {document['commit']} | preset {document['preset']} | "
              f"{document['machine']['nproc']} CPUs, {document['machine']['cpu_model']} | {document['started']}")
    height = 50 + sum(TITLE_HEIGHT + AXIS_HEIGHT + (len(entries) + 1) * (BAR_HEIGHT + ROW_GAP) + 6 + PANEL_GAP
                      for _, entries, _, _ in panels)
    if not panels:
        height = 90
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
           f'<text x="12" y="22" font-size="16" font-weight="bold">Stitch benchmark ratios '
           f'(higher is better; log scale)</text>',
           f'<text x="12" y="40" fill="#555">{_escape(header)}</text>']
    if not panels:
        out.append('<text x="12" y="70">No ratios to chart: a ratio needs two configurations '
                   '(or a scaling run) that both succeeded.</text>')
    top = 56
    plot_left = LABEL_WIDTH
    plot_width = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 12
    for title, entries, geomean, ideal in panels:
        values = [value for _, value in entries] + ([geomean] if geomean else []) + ([ideal] if ideal else [])
        low = min(min(values), 1.0) / 1.3
        high = max(max(values), 1.0) * 1.3
        span = math.log(high) - math.log(low)

        def x_of(value):
            return plot_left + (math.log(value) - math.log(low)) / span * plot_width

        rows = len(entries) + 1
        panel_height = AXIS_HEIGHT + rows * (BAR_HEIGHT + ROW_GAP) + 6
        out.append(f'<text x="12" y="{top + 15}" font-size="13" font-weight="bold">{_escape(title)}</text>')
        plot_top = top + TITLE_HEIGHT
        plot_bottom = plot_top + panel_height - AXIS_HEIGHT
        for tick in _ticks(low, high):
            x = x_of(tick)
            out.append(f'<line x1="{x:.1f}" y1="{plot_top}" x2="{x:.1f}" y2="{plot_bottom}" '
                       f'stroke="{"#888" if tick == 1.0 else "#e3e3e3"}" stroke-width="1"/>')
            out.append(f'<text x="{x:.1f}" y="{plot_bottom + 13}" text-anchor="middle" fill="#666" '
                       f'font-size="10">{_tick_label(tick)}</text>')
        if ideal:
            x = x_of(ideal)
            out.append(f'<line x1="{x:.1f}" y1="{plot_top}" x2="{x:.1f}" y2="{plot_bottom}" '
                       f'stroke="#1f4e9c" stroke-dasharray="4,3"/>')
            out.append(f'<text x="{x + 3:.1f}" y="{plot_top + 9}" fill="#1f4e9c" font-size="10">'
                       f'ideal {ideal:g}x</text>')
        y = plot_top + 2
        rows_to_draw = [(label, value, False) for label, value in entries] + [("geomean", geomean, True)]
        base = x_of(1.0)
        for label, value, highlighted in rows_to_draw:
            weight = ' font-weight="bold"' if highlighted else ""
            out.append(f'<text x="{plot_left - 8}" y="{y + BAR_HEIGHT - 3}" text-anchor="end"{weight}>'
                       f'{_escape(label)}</text>')
            if value:
                end = x_of(value)
                color = GEOMEAN if highlighted else (FASTER if value >= 1.0 else SLOWER)
                left, width = min(base, end), max(abs(end - base), 1.0)
                outline = ' stroke="#0b2a5c" stroke-width="1.5"' if highlighted else ""
                out.append(f'<rect x="{left:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                           f'fill="{color}"{outline}/>')
                out.append(f'<text x="{WIDTH - VALUE_WIDTH}" y="{y + BAR_HEIGHT - 3}"{weight}>{value:.2f}x</text>')
            else:
                out.append(f'<text x="{WIDTH - VALUE_WIDTH}" y="{y + BAR_HEIGHT - 3}" fill="#999">n/a</text>')
            y += BAR_HEIGHT + ROW_GAP
        top += TITLE_HEIGHT + panel_height + PANEL_GAP
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_png(document, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    panels = panels_from(document) or [("no ratios", [], None, None)]
    heights = [max(1.2, 0.28 * (len(entries) + 2)) for _, entries, _, _ in panels]
    figure, axes = pyplot.subplots(len(panels), 1, figsize=(10, sum(heights) + 1),
                                   gridspec_kw={"height_ratios": heights}, squeeze=False)
    for axis, (title, entries, geomean, ideal) in zip(axes[:, 0], panels):
        labels = [label for label, _ in entries] + ["geomean"]
        values = [value for _, value in entries] + [geomean or 1.0]
        colors = [FASTER if value >= 1 else SLOWER for value in values[:-1]] + [GEOMEAN]
        positions = list(range(len(values)))[::-1]
        axis.barh(positions, [value - 1.0 for value in values], left=1.0, color=colors)
        axis.set_yticks(positions)
        axis.set_yticklabels(labels, fontsize=8)
        axis.set_xscale("log")
        axis.axvline(1.0, color="#888", linewidth=1)
        if ideal:
            axis.axvline(ideal, color=GEOMEAN, linestyle="--", linewidth=1)
        axis.set_title(title, fontsize=9, loc="left")
    figure.suptitle(f"Stitch benchmark ratios (higher is better) - commit {document['commit']}", fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def write_chart(document, path):
    """Writes the chart; returns (path actually written, note or None)."""
    if path.lower().endswith(".png"):
        try:
            render_png(document, path)
            return path, None
        except ImportError:
            fallback = os.path.splitext(path)[0] + ".svg"
            with open(fallback, "w", encoding="utf-8") as output:
                output.write(render_svg(document))
            return fallback, f"matplotlib is not installed: wrote the chart as SVG to {fallback} instead of PNG"
    with open(path, "w", encoding="utf-8") as output:
        output.write(render_svg(document))
    return path, None
