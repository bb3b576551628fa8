"""Statistik: the vault's counts as tables and charts, their exports, and the team lead's report."""
