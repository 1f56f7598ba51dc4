"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.2.0"
SPEC_SHA256 = "9efdea03cd4aa5b2aa952608e6f2978c9290396dbbe2d2b5257bfd3b6616adf6"
