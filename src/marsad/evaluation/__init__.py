"""Evaluation: scoring marsad's outputs against gold data."""
