"""schemathesis CLI hooks (SCHEMATHESIS_HOOKS=st_hooks): sign every request."""

import schemathesis

from threecommas.testing.schemathesis_auth import SigningAuth

schemathesis.auth(refresh_interval=None)(SigningAuth)
