"""Reliability tests: bad input, hostile templates, faults while writing, fuzzing."""
