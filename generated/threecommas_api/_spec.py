"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.4.0"
SPEC_SHA256 = "a57c782030819f87df0202dc3557a14095bf5b5d530c9fef11c5253c2e924901"
