"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.2.0"
SPEC_SHA256 = "fc6fa2f48c3eccac8a15b210adad641ee28e935584da96026d4dbbf2cd4c94b2"
