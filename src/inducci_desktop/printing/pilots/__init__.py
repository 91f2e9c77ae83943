"""Pilot action documents: case profile and one-page plan."""
