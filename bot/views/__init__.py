"""Builders of neutral reply models (cards) from domain objects."""
