"""Judging a benchmark report: each size's verdicts are made while measuring (run.py); the
judgements across the sizes of one run (growth per 10x, ratios, the cold-start floor) are made
here, from the report alone, so that `run.py --render` re-judges a saved report by today's rules.
"""

import math

from targets import (
    FIGURES,
    MAX_COLD_OVER_FLOOR,
    MAX_GROWTH,
    MAX_IO_GROWTH,
    MAX_RATIO,
    MAX_UNLOCK_GROWTH,
    RATIO_EXEMPT,
    TARGETS_AT,
)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def scale(report: dict) -> dict:
    """Issue 17's judgements across the sizes of one run: growth per 10x, ratios, floors."""
    results = sorted(report["results"], key=lambda r: r["inquiries"])
    out: dict = {"sizes": [r["inquiries"] for r in results], "figures": {}}
    decades = math.log10(results[-1]["inquiries"] / results[0]["inquiries"]) if len(results) >= 2 else 0.0

    def growth(first: float | None, last: float | None) -> float | None:
        if not decades or not first or not last:
            return None
        return round((last / first) ** (1 / decades), 2)

    for figure in FIGURES:
        medians = [r["figures"][figure]["encrypted"]["median_ms"] for r in results]
        # Growth is judged on this process's CPU time: the other work on a shared machine
        # inflates wall time unevenly between the sizes (wall growth is shown beside it).
        cpu = [r["figures"][figure]["encrypted"]["cpu_median_ms"] for r in results]
        ratios = [r["figures"][figure]["cpu_ratio"] for r in results]
        judged_ratios = [
            ratio for r, ratio in zip(results, ratios, strict=True) if r["inquiries"] >= TARGETS_AT and ratio
        ]
        entry = {
            "median_ms": medians,
            "cpu_median_ms": cpu,
            "cpu_ratio": ratios,
            "growth_per_10x": growth(cpu[0], cpu[-1]),
            "wall_growth_per_10x": growth(medians[0], medians[-1]),
            "ratio_result": verdict(
                None if figure in RATIO_EXEMPT or not judged_ratios else max(judged_ratios) <= MAX_RATIO
            ),
        }
        if figure in MAX_GROWTH and entry["growth_per_10x"] is not None:
            entry["growth_target"] = f"≤ {MAX_GROWTH[figure]}× per 10×"
            entry["growth_result"] = verdict(entry["growth_per_10x"] <= MAX_GROWTH[figure])
        if figure == "unlock" and len(medians) >= 2:
            entry["largest_over_smallest"] = round(cpu[-1] / cpu[0], 2)
            entry["growth_target"] = f"largest ≤ {MAX_UNLOCK_GROWTH}× smallest"
            entry["growth_result"] = verdict(entry["largest_over_smallest"] <= MAX_UNLOCK_GROWTH)
        out["figures"][figure] = entry
    io = [r.get("interchange") for r in results]
    if all(io):
        for action in ("import", "export"):
            peaks = [x[action]["peak_mb"] for x in io]
            out[f"{action}_peak_mb"] = peaks
            out[f"{action}_peak_growth_per_10x"] = growth(peaks[0], peaks[-1])
        rows = io[-1].get("rows") or []
        if len(rows) >= 2:
            row_decades = math.log10(rows[-1]["rows"] / rows[0]["rows"])
            for action in ("import", "export"):
                first, last = rows[0][action]["peak_mb"], rows[-1][action]["peak_mb"]
                ratio = round(last / first, 2)
                out[f"{action}_rows"] = {
                    "rows": [x["rows"] for x in rows],
                    "peak_mb": [x[action]["peak_mb"] for x in rows],
                    "seconds": [x[action]["seconds"] for x in rows],
                    "last_over_first": ratio,
                    "result": verdict(ratio <= MAX_IO_GROWTH if row_decades >= 0.99 else None),
                }
    floor = report.get("cold_start_floor")
    colds = [r["cold_start"] for r in results if r.get("cold_start")]
    if floor and colds:
        over = round(colds[-1]["median_ms"] / floor["median_ms"], 2)
        out["cold_start"] = {
            "desktop_ms": colds[-1]["median_ms"],
            "bare_window_ms": floor["median_ms"],
            "desktop_over_floor": over,
            "result": verdict(over <= MAX_COLD_OVER_FLOOR),
        }
    return out
