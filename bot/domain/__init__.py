"""Domain models of the core: communities, members, skill profiles."""
