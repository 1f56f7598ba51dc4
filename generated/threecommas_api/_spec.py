"""The OpenAPI document this package was generated from (written by scripts/generate.py)."""

SPEC_VERSION = "0.4.0"
SPEC_SHA256 = "1896af9805cef24986978f682e5c1930628cd97af9313a44245120ba99b1aae4"
