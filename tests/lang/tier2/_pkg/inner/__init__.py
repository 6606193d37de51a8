"""Nested package _pkg.inner."""
DEPTH = 2
