"""Evaluators over gold stand-off data (seeds, GUM, PolNeAR dev)."""
