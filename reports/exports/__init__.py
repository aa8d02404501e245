"""Exports of meeting reports: the rows (columns.py), the filters, the jobs.

The files are written by `common.spreadsheets`, like every export of the app.
"""
