"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.3.1"
SPEC_SHA256 = "e5814cd4c2f4987de219fffea0c1020fb308df16277ed99916e15455c1490b42"
