"""How many generated cases each hardening property test runs under the active profile."""

from __future__ import annotations

import os

CI_CASES = 10_000
DEV_CASES = 200

CASES = CI_CASES if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else DEV_CASES
"""10,000 under the "ci" profile (``.ci/run`` sets it), a quick few hundred otherwise."""
