"""The first-run wizard: its rules are `consultant_app.wizard`; these widgets only draw it."""
