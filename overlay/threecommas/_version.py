"""The SDK's version, written here and nowhere else.

hatch reads it for the distribution's metadata, and scripts/generate.py hands it to the generator
so that ``threecommas_api.__version__`` is the same string: after changing it, run
``make generate``.
"""

__version__ = "0.1.0"
