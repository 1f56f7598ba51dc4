"""`RateLimit(storage=...)`: a URL the storage cannot use is refused when the `RateLimit` is
made, by an error that names the argument (a client has three URLs) and never shows a
password, wherever the URL hides it."""

from __future__ import annotations

import pytest

from threecommas import RateLimit, ThreeCommas
from threecommas._storage import redacted

SECRET = "s3cret-pw"

MALFORMED = {
    "port not a number": f"redis://:{SECRET}@redis.example:63x9/0",
    "port out of range": f"redis://bot:{SECRET}@redis.example:99999/0",
    "unclosed IPv6 bracket": f"redis://:{SECRET}@[::1/0",
    "bad query value": f"redis://redis.example:6379/0?socket_timeout=soon&password={SECRET}",
    "bad db on a socket": f"unix://:{SECRET}@/run/redis.sock?db=first",
    "slash in the password": f"redis://bot:ab/{SECRET}@redis.example:6379/0",
}


@pytest.mark.parametrize("url", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_storage_url_names_the_argument_and_hides_the_password(url: str) -> None:
    with pytest.raises(ValueError, match=r"RateLimit\.storage is not a valid Redis URL") as bad:
        RateLimit(storage=url)
    message = str(bad.value)
    assert SECRET not in message and "s3cret" not in message
    # nothing of redis-py's (or urllib's) message rides along, in the text or the chain
    assert bad.value.__cause__ is None and bad.value.__context__ is None
    assert "could not be cast" not in message


def test_the_client_is_never_made_with_a_malformed_storage_url() -> None:
    with pytest.raises(ValueError, match=r"RateLimit\.storage"):
        ThreeCommas("key", "secret", rate_limit=RateLimit(storage=MALFORMED["port not a number"]))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"redis://bot:{SECRET}@redis.example:6379/0", "redis://bot:***@redis.example:6379/0"),
        (f"redis://{SECRET}@redis.example/0", "redis://***@redis.example/0"),
        (f"redis://:{SECRET}@redis.example:bad", "redis://:***@redis.example:bad"),
        (f"redis://bot:ab/{SECRET}@redis.example", "redis://bot:***@redis.example"),
        (
            f"rediss://redis.example/0?password={SECRET}&db=1",
            "rediss://redis.example/0?password=***&db=1",
        ),
        ("redis://redis.example:6379/0", "redis://redis.example:6379/0"),
    ],
)
def test_the_shown_url_never_holds_the_password(url: str, shown: str) -> None:
    assert redacted(url) == shown
    try:
        limit = RateLimit(storage=url)
    except ValueError as refused:
        assert SECRET not in str(refused)
    else:
        assert SECRET not in repr(limit)


def test_well_formed_urls_are_taken() -> None:
    for url in (
        "redis://127.0.0.1:6379/0",
        "rediss://bot:pw@redis.example:6380/2?socket_timeout=0.5",
        "unix:///run/redis.sock?db=1",
        "redis://[::1]:6379",
    ):
        assert RateLimit(storage=url).storage == url
