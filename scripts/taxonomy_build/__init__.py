"""Build-time helpers for scripts/build_taxonomy.py (sources, rules, overlay, relations)."""
