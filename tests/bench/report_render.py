"""The Markdown of a benchmark report: one table per size, and the growth table across the
sizes that README.md shows (`run.py --render FILE.json --growth-only`)."""

from targets import (
    COLD_START_MS,
    LABELS,
    MAX_COLD_OVER_FLOOR,
    MAX_IO_GROWTH,
    MAX_RATIO,
    PEAK_MB,
    RATIO_EXEMPT,
    TARGETS_AT,
)


def scale_markdown(report: dict) -> list[str]:
    sc = report.get("scale")
    if not sc or len(sc.get("sizes", [])) < 2:
        return []
    sizes = sc["sizes"]
    machine = report["machine"]
    loads = [r["load_average"]["before"][0] for r in report["results"]]
    lines = [
        f"**Growth with the vault's size** ({report['date']}; {machine['cpus']} CPUs, {machine['platform']}, "
        f"Python {machine['python']}, SQLCipher {machine['sqlcipher']}; load average {min(loads):.1f}–{max(loads):.1f} "
        "from other work on the machine; encrypted wall and CPU medians, × the CPU ratio encrypted/plain)\n",
        "| Figure | "
        + " | ".join(f"{n:,}".replace(",", " ") for n in sizes)
        + " | Growth per 10× | Target | Result |",
        "|---|" + "---:|" * len(sizes) + "---:|---|---|",
    ]
    for figure, f in sc["figures"].items():
        cells = [
            f"{ms:.1f} ms, CPU {c:.1f} ms (×{ratio:.2f})"
            if ratio is not None
            else f"{ms:.1f} ms, CPU {c:.1f} ms"
            for ms, c, ratio in zip(
                f["median_ms"], f.get("cpu_median_ms", f["median_ms"]), f["cpu_ratio"], strict=True
            )
        ]
        growth = "–" if f["growth_per_10x"] is None else f"{f['growth_per_10x']:.2f}× CPU"
        if f.get("wall_growth_per_10x") is not None:
            growth += f", {f['wall_growth_per_10x']:.2f}× wall"
        if "largest_over_smallest" in f:
            growth += f" (largest/smallest {f['largest_over_smallest']:.2f}×)"
        targets = [f.get("growth_target", "")]
        results = [f.get("growth_result", "")]
        if figure not in RATIO_EXEMPT:
            targets.append(f"CPU ratio ≤ {MAX_RATIO} from {TARGETS_AT:,}".replace(",", " "))
            results.append(f["ratio_result"])
        lines.append(
            f"| {LABELS[figure]} | {' | '.join(cells)} | {growth} | {'; '.join(t for t in targets if t)} | "
            f"{' / '.join(r for r in results if r and r != 'n/a') or '–'} |"
        )
    for action in ("import", "export"):
        if f"{action}_peak_mb" in sc:
            peaks = " | ".join(f"{mb:.0f} MB" for mb in sc[f"{action}_peak_mb"])
            lines.append(
                f"| Interchange {action}, all inquiries: peak memory | {peaks} | "
                f"{sc[f'{action}_peak_growth_per_10x']:.2f}× | info | – |"
            )
    if "cold_start" in sc:
        c = sc["cold_start"]
        lines.append(
            "| Desktop cold start to the unlock window / bare PySide6 window | "
            + " | ".join("" for _ in sizes[:-1])
            + f"{' | ' if len(sizes) > 1 else ''}{c['desktop_ms']:.0f} ms / {c['bare_window_ms']:.0f} ms "
            f"| {c['desktop_over_floor']:.2f}× the floor | ≤ {MAX_COLD_OVER_FLOOR}× | {c['result']} |"
        )
    lines.append("")
    for action in ("import", "export"):
        rows = sc.get(f"{action}_rows")
        if rows:
            parts = ", ".join(
                f"{n:,} rows: {mb:.0f} MB in {sec:.0f} s".replace(",", " ")
                for n, mb, sec in zip(rows["rows"], rows["peak_mb"], rows["seconds"], strict=True)
            )
            lines.append(
                f"- Interchange {action} peak memory, {parts}: {rows['last_over_first']:.2f}× "
                f"(target ≤ {MAX_IO_GROWTH}×) {rows['result']}"
            )
    lines.append("")
    return lines


def markdown(report: dict) -> str:
    lines = []
    for result in report["results"]:
        n = result["inquiries"]
        load = result["load_average"]
        lines.append(
            f"**{n:,} inquiries** (median of {result['figures']['first_page']['encrypted']['repeats']} runs; "
            f"load average {load['before'][0]:.1f} → {load['after'][0]:.1f} on {report['machine']['cpus']} CPUs; "
            f"cache_size {result['pragmas_in_force']['cache_size']}; ratio target judged on "
            f"{result['figures']['first_page']['ratio_judged']} time)\n".replace(",", " ")
        )
        lines.append(
            "| Figure | Encrypted median (min – p95) | Plain median | Ratio wall | Ratio CPU | Target | Result |"
        )
        lines.append("|---|---:|---:|---:|---:|---|---|")
        for figure, f in result["figures"].items():
            e, p = f["encrypted"], f["plain"]
            target = []
            if f["target_ms"]:
                target.append(f"< {f['target_ms']} ms")
            if figure not in RATIO_EXEMPT:
                target.append(f"ratio ≤ {MAX_RATIO}")
            results = " / ".join(r for r in (f["time_result"], f["ratio_result"]) if r != "n/a") or "–"
            if figure in RATIO_EXEMPT:
                results = "– (key derivation by design)"
            lines.append(
                f"| {f['label']} | {e['median_ms']:.1f} ms ({e['min_ms']:.1f} – {e['p95_ms']:.1f}) | "
                f"{p['median_ms']:.1f} ms | {f['ratio']:.2f} | {f['cpu_ratio']:.2f} | {', '.join(target)} | {results} |"
            )
        cold = result["cold_start"]
        if cold:
            lines.append(
                f"| Desktop cold start to unlock window | {cold['median_ms']:.0f} ms ({cold['min_ms']:.0f} – {cold['p95_ms']:.0f}) "
                f"| – | – | – | < {COLD_START_MS} ms | {cold['result'] if result['targets_judged'] else '–'} |"
            )
        slow = cold and cold.get("without_bytecode")
        if slow:
            lines.append(
                f"| (the same without cached bytecode, PYTHONDONTWRITEBYTECODE=1) | {slow['median_ms']:.0f} ms "
                f"({slow['min_ms']:.0f} – {slow['p95_ms']:.0f}) | – | – | – | info | – |"
            )
        mem = result["peak_memory"]
        cold_mb = (
            f", cold start {mem['cold_start_process_mb']:.0f} MB" if "cold_start_process_mb" in mem else ""
        )
        lines.append(
            f"| Peak memory (maxrss) | benchmark {mem['measuring_process_mb']:.0f} MB{cold_mb} | – | – | – | < {PEAK_MB} MB | "
            f"{mem['result'] if result['targets_judged'] else '–'} |"
        )
        lines.append("")
    lines += scale_markdown(report)
    return "\n".join(lines)
