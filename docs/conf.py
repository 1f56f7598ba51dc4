"""Sphinx configuration of the documentation site (`make docs`).

Markdown pages (MyST) for the guides, autodoc for the reference. The build is nitpicky and
turns every warning into an error (`make docs` passes -W), so a broken cross-reference to one of
the SDK's own names fails it; references to other libraries' names are let through, since the
site is built offline (no intersphinx inventory to check them against).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from threecommas import __version__  # noqa: E402

project = "threecommas-sdk"
author = "the threecommas-sdk authors"
copyright = "the threecommas-sdk authors, MIT licence"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    # The docstrings are Google style (Args:, Returns:, Raises:, Attributes:).
    "sphinx.ext.napoleon",
    "sphinx_llms_txt",
    "public_docstrings",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# pypi.md is the package index's page (pyproject.toml's readme), not a page of the site.
exclude_patterns = ["_build", "pypi.md", "_ext"]

# The docstrings write `name` for code, as Markdown does.
default_role = "code"
add_module_names = False
nitpicky = True
# Names of the standard library and of other packages: no inventory offline, so not checked.
nitpick_ignore_regex = [
    # The generated package's inner models (a SmartTrade's parts) and its low-level client are
    # not public names of `threecommas`; private helpers named in annotations neither.
    (r"py:.*", r"threecommas_api\..*"),
    (r"py:.*", r"AuthenticatedClient"),
    (r"py:.*", r"threecommas\.(.*\.)?_[a-z_]+\.[A-Za-z_]+"),
    (r"py:.*", r"(typing|typing_extensions|collections|abc|os|io|pathlib|datetime|decimal)\..*"),
    (r"py:.*", r"(enum|types|asyncio|concurrent|logging|ssl|socket|threading|json)\..*"),
    (r"py:.*", r"(httpx|attrs|attr|redis|starlette|uvicorn|websockets|cryptography|_pytest)\..*"),
    (r"py:.*", r"(pytest|hypothesis|jsonschema|multiprocessing|contextlib|builtins)\..*"),
    (r"py:.*", r"(int|str|bytes|float|bool|dict|list|tuple|set|frozenset|object|type|None)"),
    (r"py:.*", r"(Any|Self|Literal|Callable|Iterator|Iterable|Mapping|Sequence|Awaitable)"),
    (r"py:.*", r"(AsyncIterator|Generator|AsyncGenerator|TypeVar|Unpack|NoReturn|T|_T)"),
    (r"py:.*", r"(Exception|ValueError|TypeError|ImportError|TimeoutError|RuntimeError)"),
    (r"py:.*", r"(OSError|LookupError|KeyError|BaseException|NotImplementedError)"),
    (r"py:.*", r"(Decimal|Path|PathLike|datetime|timedelta|Enum|StrEnum|IntEnum)"),
]

# Names that annotations show but that are no public name of `threecommas`: the generated
# package's inner models (a SmartTrade's parts) and a few argument and answer types.
import threecommas  # noqa: E402
import threecommas_api.models  # noqa: E402

nitpick_ignore = [
    ("py:class", name)
    for name in [
        *sorted(set(threecommas_api.models.__all__) - set(threecommas.__all__)),
        *["TimeoutArg", "RequestOptions", "KeyCheck", "LimitViolation", "NotGiven", "Predicate"],
        *["ForcedModeArg", "Quantity", "WatchIds", "StopCheck", "Until", "market_model.Market"],
        *["Starlette"],
    ]
]
# The TypedDicts that type a body given as a mapping (threecommas_api.params).
nitpick_ignore_regex.append((r"py:class", r"[A-Za-z]+Param"))

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "separated"
autodoc_preserve_defaults = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 4

html_theme = "furo"
html_title = f"threecommas-sdk {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
# The search page would fetch each result page for a summary, which a browser refuses for a
# site opened from a folder (file://): titles only, so that the search works there too.
html_show_search_summary = False
html_copy_source = True  # sphinx-llms-txt reads the pages from _sources
html_theme_options = {
    "navigation_with_keys": True,
}

# llms.txt at the site's root: the pages' titles and summaries, and llms-full.txt with the text.
llms_txt_summary = (
    "Typed Python client for the 3Commas SmartTrade v2 API: signing, typed models and errors, "
    "rate limits kept (also across a fleet), orders never sent twice, a CLI, and an offline "
    "server with pytest fixtures and a simulated market."
)
# Relative links, so that llms.txt works from any host and from a folder; each page's Markdown.
llms_txt_uri_template = "_sources/{docname}{suffix}{sourcelink_suffix}"


def _leaves_have_no_children(app: Any, env: Any) -> None:
    """sphinx-llms-txt lists a page's toctree children after it, and for a page without a
    toctree guesses children from its folder: every other guide, in file order. An empty
    list of children for such pages keeps llms.txt in the table of contents' order."""
    for docname in env.found_docs:
        env.toctree_includes.setdefault(docname, [])


def setup(app: Any) -> dict[str, Any]:
    app.connect("env-updated", _leaves_have_no_children)
    return {"parallel_read_safe": True}
