"""Materials to download: what each link says (title, format, size) and the accessible-version request."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from generator import urls
from generator.pages.render import mailto
from generator.pages.views import Site
from generator.source.model import Campaign, FileInfo, Material


@dataclass(frozen=True)
class MaterialView:
    """A download or link with what the link text needs."""

    title: str
    href: str
    ext: str
    type_title: str
    detail: str  # the size, or the host of a link to another site
    external: bool
    ask_href: str | None = None
    ask_text: str = ""
    address: str = ""  # the absolute address, printed on paper where a link cannot be followed


def file_view(site: Site, campaign: Campaign, title: str, info: FileInfo) -> MaterialView:
    """A file of the campaign folder, published beside its page."""
    href = urls.material(site.settings, campaign.slug, info.rel)
    return MaterialView(
        title,
        href,
        info.extension,
        site.t.file_type(info.extension),
        site.t.size(info.size),
        external=False,
        address=site.settings.url(href),
    )


def link_view(title: str, url: str) -> MaterialView:
    """A material on another website."""
    return MaterialView(title, url, "", "", urlsplit(url).hostname or "", external=True, address=url)


def material_view(site: Site, campaign: Campaign, material: Material) -> MaterialView:
    """A material, with a request for an accessible version when it may not be accessible."""
    entry = material.entry
    if material.file is not None:
        view = file_view(site, campaign, entry.title, material.file)
    else:
        view = link_view(entry.title, entry.url or "")
    if entry.accessible:
        return view
    contact = campaign.data.contact
    email = (contact.email if contact else None) or site.settings.organisation.email
    if not email:
        return view
    t = site.t
    return replace(
        view,
        ask_href=mailto(email, t("material.ask_subject", title=entry.title)),
        ask_text=t("material.ask_accessible", title=entry.title),
    )
