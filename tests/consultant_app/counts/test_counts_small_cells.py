"""Small-cell protection: no published figure from 1 to 4, and no hidden figure can be worked
out from the published figures and the totals, checked two independent ways: exhaustively over
every non-negative table that matches what is published (small tables), and by linear algebra
(column rank) over all tables of a real publication together."""

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from consultant_app.counts.monthly import stats_from_blocks
from consultant_app.counts.small_cells import Grid, disclosed_figures, protect
from consultant_app.counts.tables import publish
from tests.consultant_app.counts.records import block


def with_totals(interior: list[list[int]]) -> Grid:
    rows = [[*row, sum(row)] for row in interior]
    rows.append([sum(col) for col in zip(*rows, strict=True)])
    keys = [[(i, j) for j in range(len(rows[0]))] for i in range(len(rows))]
    return Grid(rows, keys, row_total=True, col_total=True)


def completions(grid: Grid, hidden: set, reach: int = 2) -> dict:
    """Every value each hidden cell takes over all non-negative tables that show the same
    published figures and add up, trying every hidden interior cell within `reach` of its true
    value (a second value anywhere is enough to show a cell is not pinned down)."""
    rows, cols = len(grid.values) - 1, len(grid.values[0]) - 1
    free = [(i, j) for i in range(rows) for j in range(cols) if (i, j) in hidden]
    ranges = [range(max(0, grid.values[i][j] - reach), grid.values[i][j] + reach + 1) for i, j in free]
    seen: dict = {k: set() for k in hidden}
    for guess in itertools.product(*ranges):
        table = [[grid.values[i][j] for j in range(cols)] for i in range(rows)]
        for (i, j), v in zip(free, guess, strict=True):
            table[i][j] = v
        full = with_totals(table).values
        if any(
            full[i][j] != grid.values[i][j]
            for i in range(rows + 1)
            for j in range(cols + 1)
            if (i, j) not in hidden
        ):
            continue
        for i, j in hidden:
            seen[(i, j)].add(full[i][j])
    return seen


small_tables = (
    st.integers(2, 3)
    .flatmap(
        lambda rows: st.integers(2, 3).flatmap(
            lambda cols: st.lists(
                st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 9]), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
    .filter(lambda t: len(t) * len(t[0]) <= 6)
)


@settings(max_examples=40, deadline=None)
@given(small_tables)
def test_no_small_figure_is_published_and_none_hidden_can_be_worked_out(interior):
    grid = with_totals(interior)
    protection = protect([grid])
    hidden = protection.hidden
    for i, row in enumerate(grid.values):
        for j, value in enumerate(row):
            shown = protection.label((i, j), value)
            assert not (isinstance(shown, int) and 1 <= shown <= 4)
    seen = completions(grid, hidden)
    for cell, values in seen.items():
        assert grid.values[cell[0]][cell[1]] in values
        assert len(values) >= 2, f"{cell} is pinned to {values} in {grid.values}"


def test_two_hidden_per_line_is_not_enough_the_bridge_case():
    """Two 2x2 blocks of hidden cells joined by one more hidden cell: every row and column has
    two hidden cells, yet the joining cell is the difference of published totals."""
    grid = with_totals([[5, 6, 7, 0], [8, 9, 0, 0], [0, 0, 10, 11], [0, 0, 12, 13]])
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2)}
    assert disclosed_figures(grid.equations(), hidden) == {(0, 2)}
    assert len(completions_by_rank(grid.equations(), hidden)) == 1


def completions_by_rank(equations, hidden) -> set:
    """The hidden figures pinned down, by column rank over the rationals: a figure is free
    exactly when its column lies in the span of the other hidden figures' columns."""
    keys = sorted(hidden, key=repr)
    rows = [[Fraction(eq.get(k, 0)) for k in keys] for eq in equations if any(k in eq for k in keys)]
    full = rank(rows)
    return {k for n, k in enumerate(keys) if rank([r[:n] + r[n + 1 :] for r in rows]) < full}


def rank(rows: list[list[Fraction]]) -> int:
    rows = [list(r) for r in rows]
    found = 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in range(found, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for r in range(len(rows)):
            if r != found and rows[r][col] != 0:
                factor = rows[r][col] / rows[found][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[found], strict=True)]
        found += 1
    return found


def test_a_whole_sparse_publication_protected_together_discloses_nothing():
    """A consultant with few inquiries: sixteen linked tables (shared totals), checked by rank."""
    months = ["2025-01", "2025-02", "2025-03"]
    regions = ["hovedstaden", "midtjylland", "nordjylland"]
    blocks = {}
    for n, month in enumerate(months):
        blocks[month] = {}
        for k, region in enumerate(regions):
            count = (n + 2 * k) % 5 + 1
            blocks[month][region] = stats_block(count, n + k)
    stats = stats_from_blocks(months[0], months[-1], blocks)
    publication = publish(stats, protect_small_cells=True)
    protection = publication.protection
    for table in publication.tables:
        for row in publication.cells(table):
            assert not any(isinstance(v, int) and 1 <= v <= 4 for v in row)
    equations = [eq for t in publication.tables for eq in t.grid.equations()]
    assert completions_by_rank(equations, protection.hidden) == set()
    assert protection.secondary  # small figures next to large totals need company


def stats_block(count: int, seed: int):
    from consultant_app.counts.blocks import CountBlock

    channel = ["telefon", "mail"][seed % 2]
    data = block(
        count,
        seed % 3,
        by_inquirer_type={"kommune": count},
        by_channel={channel: count},
        by_kind={"enkelt": count},
        age_group={"barn": count // 2, "voksen": count - count // 2},
        trip_concern={"ingen": count},
        by_reason={"pres": min(count, 1 + seed % 3)},
    )
    return CountBlock.model_validate(data)
