"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.1.0"
SPEC_SHA256 = "6b5ae6589720eb82d337f86ed79f027657bdf710c50b3bf000140ba8cd124860"
