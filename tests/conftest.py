pytest_plugins = ["threecommas.testing.pytest_plugin"]
