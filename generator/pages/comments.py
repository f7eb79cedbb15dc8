"""The report's table of comments on the consultation page: the figures first, then every comment."""

from __future__ import annotations

from dataclasses import dataclass

from generator import urls
from generator.pages.downloads import MaterialView
from generator.pages.views import Site
from generator.source.comments import public_csv
from generator.source.model import Campaign, CommentTable, Decision

_KEYS = {
    Decision.ACCEPTED: "accepted",
    Decision.PARTLY: "partly",
    Decision.REJECTED: "rejected",
    Decision.OUT_OF_SCOPE: "out_of_scope",
}


@dataclass(frozen=True)
class Figure:
    """One number of the summary, with what it counts."""

    label: str
    value: int


@dataclass(frozen=True)
class CommentRow:
    """One comment as the table shows it."""

    number: str
    submitter: str
    private: bool
    part: str
    text: str
    decision: str
    decision_key: str
    reason: str


@dataclass(frozen=True)
class CommentsView:
    """What the comments component shows."""

    figures: list[Figure]
    rows: list[CommentRow]
    download: MaterialView


def comments_view(site: Site, campaign: Campaign, table: CommentTable) -> CommentsView:
    """The figures, the rows and the CSV download of the report's table."""
    t = site.t
    figures = [Figure(t("comments.figure.comments"), len(table.comments)),
               Figure(t("comments.figure.submitters"), table.submitters)]
    figures += [Figure(t(f"comments.figure.{_KEYS[d]}"), table.count(d)) for d in Decision]
    rows = [
        CommentRow(
            number=c.number,
            submitter=c.submitter or t("comments.private"),
            private=c.submitter is None,
            part=c.part,
            text=c.text,
            decision=t(f"comments.decision.{_KEYS[c.decision]}"),
            decision_key=_KEYS[c.decision],
            reason=c.reason or t("comments.no_reason"),
        )
        for c in table.comments
    ]
    size = len(public_csv(table))
    download = MaterialView(t("comments.download"), urls.comments_csv(site.settings, campaign.slug), "CSV",
                            t.file_type("CSV"), t.size(size), external=False)
    return CommentsView(figures, rows, download)
