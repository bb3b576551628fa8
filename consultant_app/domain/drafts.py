"""A form's unsaved input, kept in the vault when the app locks (issue 14.3).

The vault is the one encrypted place the program writes case text to, so a half-typed inquiry
waits there, not in a file or in memory, until the user continues it or throws it away. A draft
names the form it came from (`kind`), the case it belongs to when it has one (`inquiry_id`: it
is erased with the case) and the record being edited (`record_id`: the risk assessment, or the
inquiry when editing it). `content` is the form's own values as JSON; nothing reads it but the
form that wrote it.
"""

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, Timestamps


class Draft(Base, Timestamps):
    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)

    @property
    def audit_detail(self) -> str:
        """What the audit line says besides the draft's id: the form, never what was typed."""
        return f"form:{self.kind}" + (f";inquiry:{self.inquiry_id}" if self.inquiry_id is not None else "")
