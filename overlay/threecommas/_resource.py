"""What the resource namespaces of both clients share."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from threecommas._base_client import BaseClient
from threecommas._types import NOT_GIVEN

if TYPE_CHECKING:
    from threecommas._types import ForcedModeArg
    from threecommas_api.models.forced_mode import ForcedMode

__all__ = ["LazyModule", "Namespace"]


class Namespace:
    """A resource namespace: a repr that says whose it is and what it offers."""

    _client: BaseClient

    def _mode(self, forced_mode: ForcedModeArg) -> ForcedMode | None:
        """The forced mode a call sends: its own `forced_mode`, else the client's."""
        if forced_mode is NOT_GIVEN:  # most calls: read here, not through another call
            return self._client._forced_mode
        return self._client._forced_mode_for(forced_mode)

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


class LazyModule:
    """A module imported on the first use of one of its names, so that making a client loads
    none of its operations: `threecommas._operations` imports every request and answer model.
    (Only under TYPE_CHECKING is the module imported as itself.)"""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        # Only names the instance lacks come here: every name of the module, read from it at
        # each use (so that a patched name is seen), the module kept once imported.
        module = self.__dict__.get("_module")
        if module is None:
            module = self.__dict__["_module"] = importlib.import_module(self._name)
        return getattr(module, attribute)
