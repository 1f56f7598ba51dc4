"""The clients and their resource namespaces (the sync modules are generated from the async
ones by scripts/unasync.py)."""
