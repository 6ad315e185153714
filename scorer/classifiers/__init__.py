"""Sentence classifier backends."""
