"""A simulated market for the fake server (design note to be written)."""
