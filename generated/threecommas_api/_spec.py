"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.4.0"
SPEC_SHA256 = "6ac9abaac13f893ac46c5165859526bd075eacc549a8099b607600ae19da59fe"
