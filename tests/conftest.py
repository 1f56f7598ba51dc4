"""The threecommas fixtures come from the installed package's ``pytest11`` entry point (see
pyproject.toml); naming the plugin here as well would register it twice."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "dist: builds the wheel and installs it in a fresh venv (slow; skip with -m 'not dist')",
    )
