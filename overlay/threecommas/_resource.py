"""What the resource namespaces of both clients share."""

from __future__ import annotations

from threecommas._base_client import BaseClient

__all__ = ["Namespace"]


class Namespace:
    """A resource namespace: a repr that says whose it is and what it offers."""

    _client: BaseClient

    def __repr__(self) -> str:
        kind = type(self)
        methods = [
            f"{name}()"
            for name in sorted(dir(kind))
            if not name.startswith("_") and callable(getattr(kind, name))
        ]
        parts = [name for name, value in vars(self).items() if isinstance(value, Namespace)]
        client = self._client
        return (
            f"<{kind.__name__} of {type(client).__name__}({client.base_url!r}): "
            f"{', '.join(methods + parts)}>"
        )
