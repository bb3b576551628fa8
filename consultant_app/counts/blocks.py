"""The count block (counts.md): one definition of what is counted, used by every consumer.

A block is exact and complete: every code of every category is present, zeros included, and
only codes of the shipped code lists are accepted. Validation also checks the arithmetic that
counts.md promises, so a receiver can trust a block it did not compute:
- the single-valued categories (`SINGLE_CATEGORIES`) each sum to `inquiries`;
- the multi-valued ones (`MULTI_CATEGORIES`: reasons, advice) may sum to more, never less
  than zero, and no code can count more inquiries than there are.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from consultant_app.codes import load_codes

Count = Annotated[int, Field(ge=0, strict=True)]

# Block field -> the code list (codes.json) its keys come from, in the order of counts.md.
SINGLE_CATEGORIES: dict[str, str] = {
    "by_inquirer_type": "inquirer_type",
    "by_channel": "channel",
    "by_kind": "kind",
    "age_group": "age_group",
    "trip_concern": "trip_concern",
}
MULTI_CATEGORIES: dict[str, str] = {"by_reason": "reason", "by_advice_type": "advice_type"}
CATEGORIES: dict[str, str] = {**SINGLE_CATEGORIES, **MULTI_CATEGORIES}


@cache
def category_codes(category: str) -> tuple[str, ...]:
    """The codes of a block category (`by_channel`, ...) in code-list order."""
    return load_codes()[CATEGORIES[category]].values()


@cache
def regions() -> tuple[str, ...]:
    return load_codes()["region"].values()


class CountBlock(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    inquiries: Count
    by_inquirer_type: dict[str, Count]
    by_channel: dict[str, Count]
    by_kind: dict[str, Count]
    age_group: dict[str, Count]
    trip_concern: dict[str, Count]
    by_reason: dict[str, Count]
    by_advice_type: dict[str, Count]
    active_courses_end: Count

    @field_validator(*CATEGORIES, mode="after")
    @classmethod
    def _every_code_in_list_order(cls, value: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        codes = category_codes(info.field_name)
        if set(value) != set(codes):
            missing = sorted(set(codes) - set(value))
            unknown = sorted(set(value) - set(codes))
            raise ValueError(f"codes must be exactly the code list: missing {missing}, unknown {unknown}")
        return {code: value[code] for code in codes}

    @model_validator(mode="after")
    def _sums(self) -> "CountBlock":
        for category in SINGLE_CATEGORIES:
            if sum(getattr(self, category).values()) != self.inquiries:
                raise ValueError(f"{category} does not sum to inquiries")
        for category in MULTI_CATEGORIES:
            if any(n > self.inquiries for n in getattr(self, category).values()):
                raise ValueError(f"{category} counts a code more often than there are inquiries")
        return self

    def category(self, name: str) -> dict[str, int]:
        return getattr(self, name)


def zero_block() -> CountBlock:
    return _zero()


@cache
def _zero() -> CountBlock:
    data: dict = {"inquiries": 0, "active_courses_end": 0}
    data.update({category: dict.fromkeys(category_codes(category), 0) for category in CATEGORIES})
    return CountBlock.model_validate(data)


def block_from_counts(
    inquiries: int, categories: dict[str, dict[str, int]], active_courses_end: int
) -> CountBlock:
    """A block from counts that may leave codes out (they are zeros)."""
    data: dict = {"inquiries": inquiries, "active_courses_end": active_courses_end}
    for category in CATEGORIES:
        given = categories.get(category, {})
        data[category] = {**dict.fromkeys(category_codes(category), 0), **given}
    return CountBlock.model_validate(data)


def add_blocks(blocks: Iterable[CountBlock]) -> CountBlock:
    """The sum of blocks of the same moment (regions of a month, submitters of a month):
    every figure adds, `active_courses_end` included."""
    return _combine(list(blocks), active_from_last=False)


def range_block(months: Sequence[CountBlock]) -> CountBlock:
    """The block of a range of months, from its months in order: the sum of the months,
    except `active_courses_end`, which is the figure at the end of the last month."""
    return _combine(list(months), active_from_last=True)


def _combine(blocks: list[CountBlock], *, active_from_last: bool) -> CountBlock:
    if not blocks:
        return zero_block()
    categories = {
        category: {code: sum(b.category(category)[code] for b in blocks) for code in category_codes(category)}
        for category in CATEGORIES
    }
    active = blocks[-1].active_courses_end if active_from_last else sum(b.active_courses_end for b in blocks)
    return block_from_counts(sum(b.inquiries for b in blocks), categories, active)
