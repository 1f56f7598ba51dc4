"""The threecommas fixtures come from the installed package's ``pytest11`` entry point (see
pyproject.toml); naming the plugin here as well would register it twice. The markers are
registered in pyproject.toml."""
