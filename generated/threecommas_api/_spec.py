"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.2.0"
SPEC_SHA256 = "41de0d515150a4d9a6211ed7d65e2dd8208f4588ba5c01854e1c1e5e4570110d"
