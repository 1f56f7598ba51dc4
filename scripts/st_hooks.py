"""schemathesis CLI hooks (SCHEMATHESIS_HOOKS=st_hooks): sign every request."""

import schemathesis

from threecommas.testing.schemathesis_auth import SigningAuth, refresh_signature

schemathesis.auth(refresh_interval=None)(SigningAuth)
schemathesis.hook("before_call")(refresh_signature)
