# generated from overlay/threecommas/_async/__init__.py by scripts/unasync.py — do not edit
"""The clients and their resource namespaces (the sync modules are generated from the async
ones by scripts/unasync.py)."""
