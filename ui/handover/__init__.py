"""A case's life on the desktop: hand it over, receive one, erase one (docs/handover.md,
docs/retention.md)."""
