"""Contains some shared types for properties"""

import json
import threading
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, Literal, Protocol, TypeVar


class Unset:
    """The type of `UNSET`, the one value of a field that the answer left out."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    # Copies and pickles of a model keep the one `UNSET`, so that `isinstance`, `is UNSET`,
    # equality and `to_dict()` treat their left-out fields as left out.
    def __copy__(self) -> "Unset":
        return UNSET

    def __deepcopy__(self, memo: dict[int, Any]) -> "Unset":
        return UNSET

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]

T = TypeVar("T")


def _make_attrs_types() -> dict[str, Any]:
    from attrs import define

    @define
    class File:
        """Contains information for file uploads"""

        payload: BinaryIO
        file_name: str | None = None
        mime_type: str | None = None

        def to_tuple(self) -> FileTypes:
            """Return a tuple representation that httpx will accept for multipart/form-data"""
            return self.file_name, self.payload, self.mime_type

    @define
    class Response(Generic[T]):
        """A response from an endpoint"""

        status_code: HTTPStatus
        content: bytes
        headers: MutableMapping[str, str]
        parsed: T | None

    for made in (File, Response):
        made.__qualname__ = made.__name__
    return {"File": File, "Response": Response}


_attrs_types_lock = threading.Lock()


if TYPE_CHECKING:
    from attrs import define

    @define
    class File:
        payload: BinaryIO
        file_name: str | None = None
        mime_type: str | None = None

        def to_tuple(self) -> FileTypes: ...

    @define
    class Response(Generic[T]):
        status_code: HTTPStatus
        content: bytes
        headers: MutableMapping[str, str]
        parsed: T | None
else:

    def __getattr__(name: str) -> Any:
        if name in ("File", "Response"):
            with _attrs_types_lock:
                if "Response" not in globals():
                    globals().update(_make_attrs_types())
            return globals()[name]
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


E = TypeVar("E", bound=Enum)


def enum_member(kind: type[E], value: object, field: str) -> E:
    """The member of `kind` that `value` is or names; `field` names the field in the errors."""
    if isinstance(value, kind):
        return value
    allowed = ", ".join(repr(member.value) for member in kind)
    if not isinstance(value, str):
        raise TypeError(
            f"{field} must be a {kind.__name__} or one of {allowed}, not {type(value).__name__}"
        )
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{field} must be one of {allowed}, got {value!r}") from None


#: How a model's `from_dict` makes the instance it fills (its fields are checked there already).
_new = object.__new__


class _LazyDict:
    """The `additional_properties` of a model: its attrs slot, given an empty dict of its own on
    first use when `from_dict` left it unset (an object without unknown keys). Only this one
    attribute goes through here; the other fields are read straight from their slots."""

    __slots__ = ("_slot",)

    def __init__(self, slot: Any) -> None:
        self._slot = slot

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self._slot
        try:
            return self._slot.__get__(obj, owner)
        except AttributeError:
            extra: dict[str, Any] = {}
            self._slot.__set__(obj, extra)
            return extra

    def __set__(self, obj: Any, value: Any) -> None:
        self._slot.__set__(obj, value)

    def __delete__(self, obj: Any) -> None:
        self._slot.__delete__(obj)


C = TypeVar("C", bound=type)


_repr_context = threading.local()


def _repr_seen() -> set[int]:
    """The ids of the models this thread is writing the repr of: a model that holds itself
    (through a list, say) shows as `...` there, as attrs' own repr does."""
    try:
        seen: set[int] = _repr_context.seen
    except AttributeError:
        seen = _repr_context.seen = set()
    return seen


class _attrs_fields:
    """A model's `__attrs_attrs__`: those of its attrs twin (the same fields, built by attrs),
    made on first use and then kept on the class. `attrs.fields`, `attrs.has`, `attrs.evolve` and
    `attrs.asdict` read it, so a model is an attrs class without attrs building it at import."""

    def __init__(self, twin: Callable[[], type]) -> None:
        self._twin = twin
        self._lock = threading.Lock()
        self._model: type | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self._model = owner

    def __get__(self, obj: Any, owner: type) -> Any:
        model = self._model or owner
        with self._lock:
            fields = model.__dict__["__attrs_attrs__"]
            if fields is self:
                fields = self._twin().__attrs_attrs__
                type.__setattr__(model, "__attrs_attrs__", fields)
        return fields


def _state_names(cls: type) -> tuple[str, ...]:
    names: tuple[str, ...] = cls.__match_args__  # type: ignore[attr-defined]
    if "additional_properties" in cls.__slots__:  # type: ignore[attr-defined]
        names += ("additional_properties",)
    return names


def _getstate(self: Any) -> dict[str, Any]:
    """A model's pickled state in attrs' form (every field by name), so that a pickle goes
    both ways between these models and the attrs-built ones of earlier versions."""
    return {name: getattr(self, name) for name in _state_names(type(self))}


def _setstate(self: Any, state: Any) -> None:
    names = _state_names(type(self))
    # attrs before 22.2 pickled a tuple, in the fields' order.
    pairs = (
        zip(names, state)
        if isinstance(state, tuple)
        else ((n, state[n]) for n in names if n in state)
    )
    for name, value in pairs:
        object.__setattr__(self, name, value)


def _lazy_additional_properties(cls: C) -> C:
    """Class decorator (after attrs): `additional_properties` made on first use."""
    cls.additional_properties = _LazyDict(cls.__dict__["additional_properties"])
    return cls


if TYPE_CHECKING:
    V = TypeVar("V")

    class _HasAdditionalProperties(Protocol[V]):
        additional_properties: dict[str, V]

    class _HasToDict(Protocol):
        def to_dict(self) -> dict[str, Any]: ...


def _to_json(self: "_HasToDict", *, indent: int | None = None) -> str:
    """The model as JSON text, in the API's shape (`to_dict()` serialised): decimal
    strings stay strings, unset fields are left out."""
    return json.dumps(self.to_dict(), indent=indent)


# A property made once, here: mypy wants a property in a class, but takes it assigned in
# one as that class's own read-only property (the typing the models had before).
@property  # type: ignore[misc]
def _additional_keys(self: "_HasAdditionalProperties[Any]") -> list[str]:
    return list(self.additional_properties.keys())


def _getitem(self: "_HasAdditionalProperties[V]", key: str) -> "V":
    return self.additional_properties[key]


def _setitem(self: "_HasAdditionalProperties[V]", key: str, value: "V") -> None:
    self.additional_properties[key] = value


def _delitem(self: "_HasAdditionalProperties[Any]", key: str) -> None:
    del self.additional_properties[key]


def _contains(self: "_HasAdditionalProperties[Any]", key: str) -> bool:
    return key in self.additional_properties


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "enum_member"]
