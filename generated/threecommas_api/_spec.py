"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.4.0"
SPEC_SHA256 = "6799207502f9daf5afe4d5b76c691b93fa5383ff5a7ea18ae72134cf2608a1c6"
