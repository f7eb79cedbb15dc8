"""The printed notice: the page's address in readable print and as a QR code made at build time.

A resident who reads the consultation on a notice board cannot follow a link; the code takes a
phone to the page. It is drawn here, by `segno` (pure Python, no online service), as an SVG data
URI, which the pages' Content-Security-Policy allows (img-src 'self' data:).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import segno

if TYPE_CHECKING:
    from generator.pages.campaign import CampaignPage


def qr_data_uri(address: str) -> str:
    """A QR code of `address` as an SVG data URI: black on white, with the quiet zone the standard asks."""
    # Level M survives a scuffed or badly lit notice; four modules of quiet zone is the standard's.
    # A fixed mask (any of the eight is valid): scoring all eight took 10 of the 12 ms this costs
    # per page, which a 10,000-consultation archive pays on every build.
    return str(segno.make(address, error="m", boost_error=False, mask=0).svg_data_uri(scale=4, border=4))


def print_address(page: CampaignPage) -> list[str]:
    """The block printed under the notice: the page's address and its QR code (hidden on screens)."""
    t, site = page.t, page.site
    address = site.settings.url(page.path)
    return [
        page.html(
            "components/print-address.html",
            note=t("print.note", date=t.date(site.today), url=address),
            qr=qr_data_uri(address),
            qr_alt=t("print.qr"),
        )
    ]
