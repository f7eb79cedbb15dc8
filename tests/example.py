"""The example site's consultations (the folders under campaigns/), named once for every test.

Each name says what the consultation is on the example's build day (tests/conftest.py TODAY), so a
test that needs "the open one" reads `OPEN`, and renaming a folder is one change here.
"""

from __future__ import annotations

OPEN = "program-wspierania-rodziny-2025-2027"  # open: duty hours, meetings, announcements
UPCOMING = "program-rozwoju-pieczy-zastepczej-2026-2028"  # announced, opens later
CONCLUDED_WITH_REPORT = "strategia-rozwiazywania-problemow-spolecznych-2021-2030"
CONCLUDED_OLD = "wieloletni-program-wspolpracy-2012-2014"  # closed long ago; one file is not accessible
CONCLUDED = (CONCLUDED_WITH_REPORT, CONCLUDED_OLD)
UNPUBLISHED = "program-przeciwdzialania-przemocy-domowej-2027-2030"  # to be published in 2026
ALL = (OPEN, UPCOMING, *CONCLUDED, UNPUBLISHED)


def page(slug: str) -> str:
    """The consultation's page, relative to the site's root (`konsultacje/<slug>/`)."""
    return f"konsultacje/{slug}/"
