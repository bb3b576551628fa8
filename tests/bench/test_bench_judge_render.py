"""The benchmark's judging and its Markdown, on a report made by hand: a figure that grows 10x per
10x inquiries misses its growth target, one that stays flat passes, and the README table says so."""

# pytest puts this folder (no __init__.py) on sys.path, as run.py does for itself.
from judge import scale
from report_render import markdown, scale_markdown
from targets import FIGURES, LABELS, MAX_GROWTH


def _runs(ms: float) -> dict:
    return {"median_ms": ms, "cpu_median_ms": ms, "min_ms": ms, "p95_ms": ms, "repeats": 3}


def _result(n: int, search_ms: float, stats_ms: float) -> dict:
    figures = {}
    for figure in FIGURES:
        enc = {"text_search": search_ms, "stats_12_months": stats_ms}.get(figure, 10.0)
        figures[figure] = {
            "label": LABELS[figure],
            "encrypted": _runs(enc),
            "plain": _runs(enc / 1.1),
            "ratio": 1.1,
            "cpu_ratio": 1.1,
            "ratio_judged": "cpu",
            "target_ms": None,
            "ratio_result": "PASS",
            "time_result": "n/a",
        }
    return {
        "inquiries": n,
        "targets_judged": n >= 100_000,
        "figures": figures,
        "cold_start": None,
        "interchange": None,
        "pragmas_in_force": {"cache_size": -65536},
        "peak_memory": {"measuring_process_mb": 100.0, "result": "PASS"},
        "load_average": {"before": [0.5, 0.5, 0.5], "after": [0.7, 0.5, 0.5]},
    }


def _report() -> dict:
    report = {
        "date": "2026-12-05",
        "machine": {"cpus": 2, "platform": "Linux", "python": "3.11", "sqlcipher": "4.6"},
        # text search 10x slower for 10x the rows (a scan); statistics flat (an index)
        "results": [_result(10_000, 20.0, 30.0), _result(100_000, 200.0, 33.0)],
    }
    report["scale"] = scale(report)
    return report


def test_growth_is_judged_per_ten_times_the_inquiries():
    figures = _report()["scale"]["figures"]
    assert figures["text_search"]["growth_per_10x"] == 10.0
    assert figures["text_search"]["growth_result"] == "MISS"
    assert figures["stats_12_months"]["growth_per_10x"] == 1.1
    assert figures["stats_12_months"]["growth_result"] == "PASS"
    assert figures["unlock"]["largest_over_smallest"] == 1.0


def test_the_growth_table_names_every_figure_with_its_verdict():
    lines = scale_markdown(_report())
    search = next(line for line in lines if line.startswith(f"| {LABELS['text_search']} |"))
    assert "10.00× CPU" in search
    assert f"≤ {MAX_GROWTH['text_search']}× per 10×" in search
    assert "MISS" in search
    stats = next(line for line in lines if line.startswith(f"| {LABELS['stats_12_months']} |"))
    assert "PASS" in stats and "MISS" not in stats
    assert sum(line.startswith("| ") for line in lines) == len(FIGURES) + 1  # + the header row


def test_one_table_per_size_then_the_growth_table():
    text = markdown(_report())
    assert text.index("**10 000 inquiries**") < text.index("**100 000 inquiries**")
    assert text.index("**100 000 inquiries**") < text.index("**Growth with the vault's size**")
