"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.2.0"
SPEC_SHA256 = "1d99fc7cddd81de0c44bd400d014358b26b4f7edf868a211e99d1513b3f538c9"
