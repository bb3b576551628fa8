"""Small-cell protection for published tables (domain.md: "Published tables protect small
cells (fewer than 5) at publication"). Stored, synced and JSON counts are never touched.

A published table is a `Grid`: its cells, and whether its last column is the total of each
row and/or its last row the total of each column. A cell has a key naming the figure it
shows; the same figure in several tables (a region's inquiries as a column total of every
category table) has the same key, so it is hidden everywhere or nowhere and the tables are
protected together.

What a reader knows: every published figure, and that each row and column adds up to its
total. They must not be able to work out a hidden figure. The algorithm:
1. Primary suppression: every figure from 1 to 4 is hidden (shown "<5").
2. Check: collect the sums of every table as linear equations in the hidden figures (the
   published figures are constants). A hidden figure is disclosed exactly when its unit
   vector lies in the row space of these equations, i.e. when linear algebra on the totals
   pins it down. The search computes that with Gaussian elimination modulo the prime 2**61-1
   (fast; for one table with totals it is exact, as that system is totally unimodular), and
   the final pattern is confirmed in exact rational arithmetic before it is returned.
3. Secondary suppression: while a hidden figure is disclosed, hide more published figures:
   the smallest non-zero figure from one of its sums whose hiding protects it; else the
   cheapest rectangle of non-zero figures around it (the shortest cycle of hidden cells in a
   table with totals); else the next-smallest figure of its sums, and look again. Repeat to
   a fixpoint. Every step hides at least one more figure, and when every figure is hidden
   the sums are homogeneous and pin nothing that is not zero, so this ends, and it ends only
   when no hidden figure is disclosed.
Secondary cells are shown "x". As hidden figures are all at least 1, the freedom that
linear algebra leaves can move every one of them a little without any turning negative, so
knowing that counts are never negative does not pin one down either.
Known limit: "<5" itself says 1-4, and several "<5" cells can narrow each other (four "<5"
cells whose total is "<5" must each be 1); this is the published-label trade-off of the
"<5" convention, not a disclosure of a figure of 5 or more.
"""

from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TypeVar

SMALL_LIMIT = 5  # figures 1..SMALL_LIMIT-1 are small
PRIME = (1 << 61) - 1
PRIMARY_LABEL = "<5"
SECONDARY_LABEL = "x"


@dataclass
class Grid:
    """A table as published. `values[i][j]` is the figure; `keys[i][j]` names it."""

    values: list[list[int]]
    keys: list[list[Hashable]]
    row_total: bool = False  # the last column is each row's total
    col_total: bool = False  # the last row is each column's total

    def equations(self) -> list[dict[Hashable, int]]:
        eqs: list[dict[Hashable, int]] = []
        rows, cols = len(self.values), len(self.values[0]) if self.values else 0
        if self.row_total:
            for i in range(rows):
                eqs.append(_equation([self.keys[i][j] for j in range(cols - 1)], self.keys[i][cols - 1]))
        if self.col_total:
            for j in range(cols):
                eqs.append(_equation([self.keys[i][j] for i in range(rows - 1)], self.keys[rows - 1][j]))
        return eqs


def _equation(parts: list[Hashable], total: Hashable) -> dict[Hashable, int]:
    eq: dict[Hashable, int] = {}
    for key in parts:
        eq[key] = eq.get(key, 0) + 1
    eq[total] = eq.get(total, 0) - 1
    return {k: c for k, c in eq.items() if c}


@dataclass
class Protection:
    """The outcome: which figures are hidden, and why."""

    primary: set[Hashable] = field(default_factory=set)
    secondary: set[Hashable] = field(default_factory=set)

    def label(self, key: Hashable, value: int) -> int | str:
        if key in self.primary:
            return PRIMARY_LABEL
        if key in self.secondary:
            return SECONDARY_LABEL
        return value

    @property
    def hidden(self) -> set[Hashable]:
        return self.primary | self.secondary


def protect(grids: Sequence[Grid]) -> Protection:
    values: dict[Hashable, int] = {}
    order: dict[Hashable, int] = {}
    for grid in grids:
        for key_row, value_row in zip(grid.keys, grid.values, strict=True):
            for key, value in zip(key_row, value_row, strict=True):
                if values.setdefault(key, value) != value:
                    raise ValueError(f"figure {key!r} has two values")
                order.setdefault(key, len(order))
    equations = [eq for grid in grids for eq in grid.equations()]
    by_key: dict[Hashable, list[int]] = {}
    for index, eq in enumerate(equations):
        for key in eq:
            by_key.setdefault(key, []).append(index)

    result = Protection(primary={k for k, v in values.items() if 0 < v < SMALL_LIMIT})
    hidden = set(result.primary)
    exact = False
    while True:
        disclosed = _nonzero(disclosed_figures(equations, hidden, exact=exact), values)
        if not disclosed and not exact:
            exact = True  # confirm the fixpoint over the rationals; go on exactly if it differs
            disclosed = _nonzero(disclosed_figures(equations, hidden, exact=True), values)
        if not disclosed:
            return result
        target = min(disclosed, key=order.__getitem__)
        chosen = _secondary_for(target, grids, equations, by_key, values, order, hidden, exact)
        hidden |= chosen
        result.secondary |= chosen


def _nonzero(keys: set[Hashable], values: dict[Hashable, int]) -> set[Hashable]:
    # A zero hidden as a last resort and worked out again discloses no small figure.
    return {k for k in keys if values[k] > 0}


def _secondary_for(target, grids, equations, by_key, values, order, hidden, exact) -> AbstractSet[Hashable]:
    """The figures to hide next for a disclosed `target` (see the module's step 3): the
    cheapest single figure from its sums that protects it; else the cheapest rectangle of
    non-zero figures around it in one of its tables (the smallest cycle of hidden cells); else
    the smallest figure from its sums, and the loop looks again."""

    def protects(extra: AbstractSet[Hashable]) -> bool:
        return target not in disclosed_figures(equations, hidden | extra, only=target, exact=exact)

    def cost(k) -> tuple[int, int]:
        return values[k], order[k]

    in_sums = {k for i in by_key.get(target, ()) for k in equations[i]}
    candidates = sorted((k for k in in_sums if k not in hidden and values[k] > 0), key=cost)
    for candidate in candidates:
        if protects({candidate}):
            return {candidate}
    for extra in sorted(_rectangles(target, grids, values, hidden), key=lambda e: sum(values[k] for k in e)):
        if protects(extra):
            return extra
    if candidates:
        return {candidates[0]}
    # Its sums are all hidden already: widen to every published figure, zeros last.
    rest = sorted((k for k in values if k not in hidden), key=lambda k: (values[k] == 0, *cost(k)))
    return {rest[0]}


def _rectangles(target, grids, values, hidden) -> list[frozenset[Hashable]]:
    """For each place `target` appears, the other three corners of every rectangle, as the
    set of those not hidden yet; only rectangles whose new corners are all non-zero."""
    found = set()
    for grid in grids:
        places = [(i, j) for i, row in enumerate(grid.keys) for j, k in enumerate(row) if k == target]
        for i, j in places:
            for i2, row in enumerate(grid.keys):
                for j2 in range(len(row)):
                    if i2 == i or j2 == j:
                        continue
                    corners = {grid.keys[i][j2], grid.keys[i2][j], grid.keys[i2][j2]} - hidden - {target}
                    if corners and all(values[k] > 0 for k in corners):
                        found.add(frozenset(corners))
    return list(found)


def disclosed_figures(
    equations: Sequence[dict[Hashable, int]],
    hidden: set[Hashable],
    only: Hashable | None = None,
    *,
    exact: bool = True,
) -> set[Hashable]:
    """The hidden figures that the equations pin down, given every other figure.

    Elimination per connected group of hidden figures; with `only`, just that figure's group;
    `exact=False` works modulo PRIME (fast), else over the rationals."""
    rows = [{k: c for k, c in eq.items() if k in hidden} for eq in equations]
    rows = [r for r in rows if r]
    groups = _groups(rows)
    disclosed: set[Hashable] = set()
    for members, group_rows in groups:
        if only is not None and only not in members:
            continue
        disclosed |= _pinned(group_rows, Fraction) if exact else _pinned(group_rows, _ModP)
    return disclosed


def _groups(rows: list[dict[Hashable, int]]) -> list[tuple[set[Hashable], list[dict[Hashable, int]]]]:
    parent: dict[Hashable, Hashable] = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for row in rows:
        first, *rest = row
        for k in rest:
            parent[find(k)] = find(first)
    grouped: dict[Hashable, tuple[set, list]] = {}
    for row in rows:
        root = find(next(iter(row)))
        members, group_rows = grouped.setdefault(root, (set(), []))
        members.update(row)
        group_rows.append(row)
    return list(grouped.values())


class _ModP(int):
    """Integers modulo PRIME, with just the arithmetic the elimination needs."""

    def __new__(cls, value: int) -> "_ModP":
        return super().__new__(cls, int(value) % PRIME)

    def __add__(self, other: int) -> "_ModP":
        return _ModP(int(self) + int(other))

    __radd__ = __add__

    def __mul__(self, other: int) -> "_ModP":
        return _ModP(int(self) * int(other))

    def __neg__(self) -> "_ModP":
        return _ModP(-int(self))

    def __truediv__(self, other: int) -> "_ModP":
        return _ModP(int(self) * pow(int(other), PRIME - 2, PRIME))


# The field the elimination runs over: exact rationals, or integers modulo PRIME (fast); one per run.
N = TypeVar("N", Fraction, _ModP)


def _pinned(rows: list[dict[Hashable, int]], number: type[N]) -> set[Hashable]:
    """Reduced row echelon form; a variable is pinned when its pivot row holds it alone (no
    free variable can move it)."""
    pivots: dict[Hashable, dict[Hashable, N]] = {}  # pivot variable -> its reduced row
    for raw in rows:
        row = {k: number(c) for k, c in raw.items() if number(c)}
        for pivot, prow in pivots.items():  # reduce by the existing pivots
            c = row.get(pivot)
            if c:
                _axpy(row, prow, -c)
        if not row:
            continue
        pivot = next(iter(row))
        lead = row[pivot]
        row = {k: c / lead for k, c in row.items()}
        for other in pivots.values():  # keep the earlier rows reduced in the new pivot
            c = other.get(pivot)
            if c:
                _axpy(other, row, -c)
        pivots[pivot] = row
    return {p for p, row in pivots.items() if len(row) == 1}


def _axpy(target: dict[Hashable, N], source: dict[Hashable, N], factor: N) -> None:
    for k, c in source.items():
        value = target[k] + factor * c if k in target else factor * c
        if value:
            target[k] = value
        else:
            target.pop(k, None)
