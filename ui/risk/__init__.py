"""Risiko: the list of risk assessments, the assessment editor and its printout."""
