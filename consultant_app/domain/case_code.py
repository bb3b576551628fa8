"""A case's code as consultants see and type it: the year it was received and its number,
`2025-00042`. One home for making it and for reading what a person typed."""

import re
from dataclasses import dataclass
from datetime import date

# What a person types: spaces around, the number with or without its leading zeros.
_TYPED = re.compile(r"^\s*(\d{4})-(\d{1,9})\s*$")


@dataclass(frozen=True, order=True)
class CaseCode:
    year: int
    inquiry_id: int

    @classmethod
    def of(cls, received_at: date, inquiry_id: int) -> "CaseCode":
        return cls(received_at.year, inquiry_id)

    @classmethod
    def parse(cls, text: str | None) -> "CaseCode | None":
        """`2025-00042`, `2025-42` or ` 2025-042 ` → the code; anything else → None."""
        found = _TYPED.match(text or "")
        return cls(int(found.group(1)), int(found.group(2))) if found else None

    def names(self, received_at: date, inquiry_id: int) -> bool:
        """Whether this code is that inquiry's (the number alone could be another year's)."""
        return (self.year, self.inquiry_id) == (received_at.year, inquiry_id)

    def __str__(self) -> str:
        return f"{self.year}-{self.inquiry_id:05d}"


def case_code(received_at: date, inquiry_id: int) -> str:
    """The code as shown: `2025-00042`."""
    return str(CaseCode.of(received_at, inquiry_id))
