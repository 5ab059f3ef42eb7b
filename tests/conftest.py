"""Hypothesis profiles: "dev" (default, fast) and "ci" (no deadline), chosen by HYPOTHESIS_PROFILE.

The hardening property tests ask for ``tests.hardening.cases.CASES`` examples each: 10,000 under
"ci" and a few hundred under "dev". Other property tests keep their own explicit counts.
"ci" is derandomized, so the gate gives the same verdict on the same code; "dev" runs draw new
examples every time and keep exploring.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True,
    derandomize=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
