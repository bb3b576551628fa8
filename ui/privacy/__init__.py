"""Privacy: the subject-access export (GDPR art. 15) dialog."""
