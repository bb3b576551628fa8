"""Spørgeskema: survey campaigns, sending the link once per professional, and the response rate."""
