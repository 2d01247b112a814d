"""Readers that turn files and records into ``Article``s."""
