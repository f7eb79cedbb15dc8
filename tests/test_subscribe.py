"""The subscribe box and the per-event links: both URL forms, instructions, notes, valid markup."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from generator import urls
from generator.calendars.events import campaign_events
from generator.pages.subscribe import render_event_links, render_subscribe_box

from .test_ical import HEAD, WARSAW, duty_yaml, load, make_settings


def _box(tmp_path: Path, language: str = "pl", title: str = "Wszystkie wydarzenia") -> lxml.html.HtmlElement:
    settings = make_settings(tmp_path, language=language)
    html = render_subscribe_box(settings, urls.ics_all(settings), title)
    return lxml.html.fragment_fromstring(html)


def test_box_offers_webcal_and_the_https_address_to_copy(tmp_path: Path) -> None:
    box = _box(tmp_path)
    webcal = box.xpath(".//a[starts-with(@href, 'webcal://')]")
    assert [a.get("href") for a in webcal] == ["webcal://konsultacje.example.pl/kalendarz/wszystkie.ics"]
    assert webcal[0].text_content() == "Subskrybuj kalendarz: Wszystkie wydarzenia"
    field = box.xpath(".//input")[0]
    assert field.get("value") == "https://konsultacje.example.pl/kalendarz/wszystkie.ics"
    assert field.get("readonly") is not None
    label = box.xpath(f".//label[@for='{field.get('id')}']")
    assert label and "Kalendarzu Google" in label[0].text_content()
    button = box.xpath(".//button")[0]
    assert button.get("type") == "button" and button.get("data-clipboard-text") == field.get("value")
    assert "cid=" not in lxml.html.tostring(box, encoding="unicode")


def test_box_explains_google_outlook_apple_and_thunderbird_and_warns_about_delays_and_duplicates(
    tmp_path: Path,
) -> None:
    text = " ".join(_box(tmp_path).text_content().split())
    for expected in ("„Inne kalendarze”", "„Z adresu URL”", "„Dodaj kalendarz” → „Subskrybuj z internetu”",
                     "„Nowa subskrypcja kalendarza…”", "Thunderbird",
                     "raz lub dwa razy na dobę", "zobaczysz dwa razy", "ODWOŁANE"):
        assert expected in text, expected
    assert _box(tmp_path).xpath(".//details/summary")


def test_box_speaks_english_when_the_site_does(tmp_path: Path) -> None:
    text = " ".join(_box(tmp_path, "en").text_content().split())
    for expected in ("Subscribe to the calendar: Wszystkie wydarzenia", "“From URL”", "“Subscribe from web”",
                     "once or twice a day", "see each of them twice"):
        assert expected in text, expected


def test_feed_title_is_escaped(tmp_path: Path) -> None:
    box = _box(tmp_path, title='<b>"Rodzina" & dzieci</b>')
    assert not box.xpath(".//b")
    assert 'Subskrybuj kalendarz: <b>"Rodzina" & dzieci</b>' in box.text_content()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_event_links_are_a_list_of_labelled_links(tmp_path: Path, language: str) -> None:
    settings = make_settings(tmp_path, language=language)
    event = campaign_events(load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")])), WARSAW)[0]
    fragment = lxml.html.fragment_fromstring(render_event_links(event, settings))
    assert fragment.tag == "ul" and fragment.get("aria-label")
    links = fragment.xpath(".//a")
    assert len(links) == 4
    assert links[0].get("href").startswith("https://calendar.google.com/calendar/render?")
    assert links[-1].get("type") == "text/calendar" and links[-1].get("download") is not None
    assert all(link.text_content().strip() for link in links)
