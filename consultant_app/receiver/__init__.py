"""The agency-side receiver of the anonymised counts (`consultant-app-receiver`, cli.md).

Runs headless without Qt, on SQLite or PostgreSQL. Modules: `app` (the FastAPI factory),
`db` (tables and engine), `tokens` (laptop and analyst tokens, hashes only), `idempotency`
(the Idempotency-Key records), `ingest` (the rules for taking in a package, API and files
alike), `national` (the national report) and `cli`.
"""
