"""Fagpersoner: the professionals screen (ProfessionalsSection in section.py)."""
