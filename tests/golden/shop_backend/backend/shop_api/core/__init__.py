"""Shared request flows and helpers."""
