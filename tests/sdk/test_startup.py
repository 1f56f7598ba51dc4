"""What a process loads at startup: `import threecommas`, the client, and `threecommas --help`.

The package's names are imported on first use (PEP 562), so that `threecommas --help` needs no
HTTP stack and `from threecommas import ThreeCommas` loads the client's modules only. These tests
check which modules a fresh interpreter has loaded (behaviour, not timing: benchmarks/bench.py
measures the time against `import httpx`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import threecommas
import threecommas_api
from threecommas import cli

ROOT = Path(__file__).resolve().parents[2]

#: Loaded by none of the light entry points below.
HEAVY = (
    "httpx",
    "attr",
    "attrs",
    "threecommas_api.client",
    "threecommas_api.models",
    "threecommas_api.api",
    "cryptography",
    "yaml",
    "jsonschema",
    "redis",
    "starlette",
    "uvicorn",
    "threecommas._schema",
    "threecommas._async",
    "threecommas._sync",
    "threecommas._watch",
    "threecommas._order_limits",
)


def _env() -> dict[str, str]:
    # THREE_COMMAS_LOG would import logging; PYTHONPATH from a caller must not change the answer.
    skipped = ("THREE_COMMAS_LOG", "THREECOMMAS_LOG", "PYTHONPATH")
    return {k: v for k, v in os.environ.items() if k not in skipped}


def loaded_by(code: str, tmp_path: Path) -> list[str]:
    """Every module in `sys.modules` when a fresh interpreter that ran `code` exits (by
    `sys.exit` too, as `--help` does). Read from `sys.modules`, not from `-X importtime`, which
    does not report a module imported by `importlib.import_module` (as the models are)."""
    out = tmp_path / "modules.txt"
    probe = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(out)!r}, 'w').write('\\n'.join(sorted(sys.modules))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe + code],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out.read_text().split()


def command_line(*argv: str) -> str:
    """The code that runs `threecommas ARGV` as the console script does."""
    return f"from threecommas.cli import main\nsys.exit(main({list(argv)!r}))\n"


def _heavy(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted({m for m in modules if m in heavy or m.startswith(tuple(f"{h}." for h in heavy))})


def test_the_probe_sees_a_heavy_import(tmp_path: Path) -> None:
    modules = loaded_by("import threecommas, httpx\nsys.exit(3 - 3)", tmp_path)
    assert "httpx" in _heavy(modules)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["smart-trades", "--help"],
        ["smart-trades", "trades", "--help"],
        ["market", "--help"],
        # A command's help too: its facade method's docstring, read from the sources when the
        # sync client is written (`_help_texts.py`), not parsed at each help.
        ["smart-trades", "get", "--help"],
        ["smart-trades", "trades", "cancel", "--help"],
        ["accounts", "list", "--help"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_help_loads_no_http_stack_and_no_model(argv: list[str], tmp_path: Path) -> None:
    """`threecommas --help` (and a group's help) is built from the command table and the
    catalogue: httpx, attrs, the generated client and models are not imported."""
    modules = loaded_by(command_line(*argv), tmp_path)
    assert "threecommas.cli._table" in modules and "threecommas_api._catalogue" in modules
    assert _heavy(modules) == []
    # Nor what only running a command needs: the exceptions (email.utils), logging.
    assert not {"threecommas.cli._run", "threecommas._exceptions", "logging"} & set(modules)
    # Nor a parser of Python sources (ast, inspect: about a third of a command's help).
    assert not {"ast", "inspect"} & set(modules)
    # Nor datetime, which only an option taking a time needs (about 1 ms).
    assert "datetime" not in modules


def test_import_threecommas_loads_only_its_version(tmp_path: Path) -> None:
    modules = loaded_by("import threecommas", tmp_path)
    assert _heavy(modules) == []
    assert not [m for m in modules if m.startswith("threecommas_api")]
    assert "threecommas.cli" not in modules and "logging" not in modules


def test_the_client_loads_httpx_and_its_own_modules_only(tmp_path: Path) -> None:
    """`from threecommas import ThreeCommas` loads httpx and the sync client; not the async
    client, the resources' models, attrs, the spec, the signing crypto or redis."""
    modules = loaded_by("from threecommas import ThreeCommas", tmp_path)
    assert "httpx" in modules and "threecommas._sync._client" in modules
    needed = {
        "threecommas._sync",
        "threecommas._sync._client",
        "threecommas._sync._api_client",
        # The enum of `forced_mode=`, checked when a client is made.
        "threecommas_api.models",
        "threecommas_api.models.forced_mode",
    }
    assert [m for m in _heavy(modules, HEAVY[1:]) if m not in needed] == []
    assert "threecommas_api._catalogue" not in modules
    # The stream's code (and its library) loads when a stream is used, not with the client.
    assert "threecommas._stream" not in modules and "websockets" not in modules
    # Nor the dataclasses module (about 1.4 ms with the class it builds): RateLimit becomes a
    # dataclass when something first asks (tests/sdk/test_call_path.py). An httpx client's
    # transport imports it later anyway (h11), for the bare httpx script as well. Here httpx's
    # command line (rich) imports it, so it is kept out after httpx, as where httpx has no extras.
    code = (
        "import sys, httpx\n"
        "sys.modules['dataclasses'] = None\n"
        "from threecommas import ThreeCommas, RateLimit\n"
        "assert RateLimit(5).requests == 5\n"
    )
    assert "threecommas._sync._client" in loaded_by(code, tmp_path)


def test_a_module_is_loaded_by_the_first_name_that_needs_it(tmp_path: Path) -> None:
    modules = loaded_by(
        "import threecommas\nthreecommas.SmartTrade, threecommas.APIError", tmp_path
    )
    assert "threecommas_api.models.smart_trade" in modules and "threecommas._exceptions" in modules
    assert "threecommas._sync._client" not in modules and "httpx" not in modules


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    for name in threecommas.__all__:
        assert getattr(threecommas, name) is not None, name
    assert set(threecommas.__all__) <= set(dir(threecommas))
    from threecommas import _base_client, _constants
    from threecommas._async import _client as _async_client
    from threecommas._sync import _client

    assert threecommas.ThreeCommas is _client.ThreeCommas
    assert threecommas.AsyncThreeCommas is _async_client.AsyncThreeCommas
    assert threecommas.DEFAULT_TIMEOUT is _base_client.DEFAULT_TIMEOUT
    assert threecommas.DEFAULT_BASE_URL == _constants.DEFAULT_BASE_URL
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        threecommas.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_star_import_gives_every_public_name() -> None:
    names: dict[str, object] = {}
    exec("from threecommas import *", names)
    assert set(threecommas.__all__) <= set(names)


def test_the_exceptions_listed_are_those_of_the_module() -> None:
    from threecommas import _exceptions

    assert set(threecommas._EXCEPTIONS) == set(_exceptions.__all__)  # type: ignore[attr-defined]


def test_the_generated_package_loads_its_client_on_first_use(tmp_path: Path) -> None:
    modules = loaded_by("import threecommas_api, threecommas_api._catalogue", tmp_path)
    assert "threecommas_api.client" not in modules and "httpx" not in modules
    from threecommas_api.client import AuthenticatedClient, Client

    assert threecommas_api.Client is Client
    assert threecommas_api.AuthenticatedClient is AuthenticatedClient
    assert {"AuthenticatedClient", "Client", "__version__"} <= set(dir(threecommas_api))
    with pytest.raises(AttributeError):
        threecommas_api.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_the_command_line_resolves_its_lazy_names() -> None:
    assert cli.ThreeCommas is threecommas.ThreeCommas
    assert (cli.EXIT_OK, cli.EXIT_API_ERROR, cli.EXIT_USAGE) == (0, 1, 2)
    with pytest.raises(AttributeError):
        cli.Nope  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.slow
def test_type_checkers_see_every_public_name_and_refuse_a_misspelt_one(tmp_path: Path) -> None:
    """The lazy `__getattr__` is hidden from type checkers: each name has its own type (none is
    `Any`), and a name that does not exist is an error, as for a plain module."""
    from tests.sdk.test_types import run_mypy

    names = [*threecommas.__all__, "cli.ThreeCommas", "cli.EXIT_USAGE"]
    source = tmp_path / "names.py"
    source.write_text(
        "import threecommas\nimport threecommas.cli\n"
        + "".join(f"reveal_type(threecommas.{name})\n" for name in names)
        + "threecommas.ThreeComas\n"
    )
    result = run_mypy([source])
    revealed = [line for line in result.stdout.splitlines() if "Revealed type" in line]
    assert len(revealed) == len(names), result.stdout
    assert not [line for line in revealed if '"Any"' in line]
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and 'no attribute "ThreeComas"' in errors[0], result.stdout


#: A fresh interpreter's first request: a client with an in-memory transport that answers the
#: recorded SmartTrade, and an audit hook that notes every file the process opens from then on.
_FIRST_REQUEST = """
import json, pathlib
opened = []
recording = json.loads(pathlib.Path({recording!r}).read_text())
import httpx
from threecommas import ThreeCommas
def answer(request):
    return httpx.Response(200, json=recording["body"])
http = httpx.Client(transport=httpx.MockTransport(answer))
client = ThreeCommas("key", "secret", http_client=http)
made = sorted(sys.modules)
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
{call}
pathlib.Path({out!r}).write_text(json.dumps({{"made": made, "opened": opened}}))
"""

_RECORDINGS = ROOT / "overlay" / "threecommas" / "testing" / "recordings"


def _first_request(call: str, tmp_path: Path) -> tuple[list[str], list[str], list[str]]:
    """(modules after the client is made, modules after `call`, files `call` opened)."""
    import json

    out = tmp_path / "first.json"
    recording = _RECORDINGS / "get_smart_trade_30404547.json"
    code = _FIRST_REQUEST.format(recording=str(recording), out=str(out), call=call)
    after = loaded_by(code, tmp_path)
    seen = json.loads(out.read_text())
    return seen["made"], after, seen["opened"]


def test_making_a_client_loads_no_operation_and_no_model_but_forced_mode(tmp_path: Path) -> None:
    """A client is made without its operations: the generated endpoint modules, the models
    (but the `forced_mode=` enum), attrs and the operation helpers load on first use."""
    made, _, _ = _first_request("", tmp_path)
    models = [m for m in made if m.startswith("threecommas_api.models.")]
    assert models == ["threecommas_api.models.forced_mode"]
    assert not [m for m in made if m.startswith("threecommas_api.api")]
    assert not {"attr", "attrs", "threecommas._operations", "threecommas._checks"} & set(made)
    # Nor the decimal module, which only the calls taking a quantity need (about 2 ms of a
    # start). Here httpx's command line (rich) imports it anyway, so it is kept out, as in an
    # environment without httpx's extras: making a client must not need it.
    code = (
        "import sys\n"
        "sys.modules['decimal'] = None\n"
        "import httpx\n"
        "from threecommas import ThreeCommas\n"
        "client = ThreeCommas('key', 'secret', http_client=httpx.Client())\n"
        "client.smart_trades.trades\n"
    )
    assert "threecommas._sync._client" in loaded_by(code, tmp_path)
    # Nor the code of watches and streams, or of the order limits: with their first use.
    assert not {"threecommas._watch", "threecommas._stream", "threecommas._order_limits"} & set(
        made
    )


def test_the_first_request_reads_no_openapi_document(tmp_path: Path) -> None:
    """Reading one SmartTrade checks its id against the spec's schema from the generated
    catalogue: the OpenAPI document is neither opened nor parsed (no yaml, no jsonschema)."""
    call = "assert client.smart_trades.get(30404547).id == 30404547"
    _, after, opened = _first_request(call, tmp_path)
    assert not [path for path in opened if path.endswith((".yaml", ".yml"))], opened
    assert not {"yaml", "jsonschema"} & set(after)
    # Nor attrs (about 12 ms of a cold start): the models are attrs classes only for whoever
    # asks, and the argument checks tell a model without asking.
    assert not {"attr", "attrs"} & set(after)
    # Nor the checks of filters and bodies (and the decimal module they use): a `get` has none.
    assert not {"threecommas._checks", "threecommas._schema"} & set(after)
    # Only the operation used is loaded, with the models its answer needs: no request model.
    assert not [m for m in after if m.endswith("_request") and "models" in m]
    endpoints = [m for m in after if m.startswith("threecommas_api.api.") and m.count(".") == 3]
    assert endpoints == ["threecommas_api.api.smart_trades.get_smart_trade"]
    # Nor the generated low-level clients, which the endpoint module names in annotations only
    # (attrs would build both classes: milliseconds of every cold start).
    assert "threecommas_api.client" not in after
    # Nor the enums of the list's filters, which only a list with that filter checks.
    filters = ("order_direction", "smart_trade_order_by", "smart_trade_status_filter")
    assert not {f"threecommas_api.models.{name}" for name in filters} & set(after)


def test_a_list_filter_loads_its_enum_on_first_use(tmp_path: Path) -> None:
    call = (
        "try:\n"
        "    client.smart_trades.list(status='sideways')\n"
        "except ValueError as error:\n"
        "    assert 'status' in str(error), error\n"
        "else:\n"
        "    raise AssertionError('a status the enum lacks was accepted')\n"
    )
    _, after, _ = _first_request(call, tmp_path)
    assert "threecommas_api.models.smart_trade_status_filter" in after
    assert "threecommas_api.models.order_direction" not in after


def test_a_body_is_still_checked_against_the_document(tmp_path: Path) -> None:
    """The bodies' checks still read the document (jsonschema): nothing weaker on that path."""
    call = (
        "from threecommas import APIError\n"
        "try:\n"
        "    client.smart_trades.set_note(30404547, 'x' * 100000)\n"
        "except ValueError as exc:\n"
        "    assert 'note' in str(exc), exc\n"
        "else:\n"
        "    raise AssertionError('sent')\n"
    )
    _, after, _ = _first_request(call, tmp_path)
    assert "jsonschema" in after


@pytest.mark.parametrize(
    ("argv", "made"),
    [
        (["smart-trades", "get", "1"], ["smart-trades", "smart-trades get"]),
        (
            ["smart-trades", "trades", "list", "1"],
            ["smart-trades", "smart-trades trades", "smart-trades trades list"],
        ),
        (["budget"], ["budget"]),
    ],
    ids=["get", "trades list", "budget"],
)
def test_a_command_makes_only_the_parsers_on_its_way(
    argv: list[str], made: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse makes every subcommand's parser up front (a quarter of a millisecond each, some
    thirty of them): the command line makes a group's or a command's parser only when the
    command reaches it, so that `threecommas smart-trades get ID` pays for three parsers."""
    from threecommas.cli import _parser

    progs: list[str] = []
    real_init = _parser._Parser.__init__

    def counting_init(self: _parser._Parser, *args: object, **kwargs: object) -> None:
        progs.append(str(kwargs.get("prog")))
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_parser._Parser, "__init__", counting_init)
    args = _parser.build_parser().parse_args(argv)
    assert args.group == argv[0]
    assert progs == ["threecommas", *(f"threecommas {words}" for words in made)]


def test_the_command_line_does_not_load_the_docstring_reader(tmp_path: Path) -> None:
    """Running a command reads no docstring: its patterns are compiled for `--help` only."""
    modules = loaded_by(
        "from threecommas.cli._parser import build_parser\n"
        "build_parser().parse_args(['smart-trades', 'get', '1'])\n",
        tmp_path,
    )
    assert "threecommas.cli._parser" in modules
    assert "threecommas.cli._docs" not in modules
    assert "textwrap" not in modules  # its patterns are compiled for a help only, too
