"""placeholder, replaced by scripts/generate.py"""
