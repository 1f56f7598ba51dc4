"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.2.0"
SPEC_SHA256 = "77f885ad25d608157f5177ec4fd15124a77f8dd3bf79f9f84acdbcf3430817c6"
