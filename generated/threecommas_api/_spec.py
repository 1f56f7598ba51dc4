"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.3.0"
SPEC_SHA256 = "272dda84b8bb49d839aeeffd76c7737c85a0d1194a8a4e2ff026eb67fd3442fe"
