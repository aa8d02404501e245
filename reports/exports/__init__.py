"""Exports of meeting reports: the rows (columns.py), the files (writers.py), the filters."""
