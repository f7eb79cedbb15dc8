"""The calendars' own content-line writer gives icalendar's bytes exactly.

`generator/calendars/contentlines.py` replaces icalendar's serialisation for speed; these tests
hold it to icalendar 7's output: each value type and the folding on arbitrary text, then
whole calendars of the repository's consultations and of arbitrary editors' text, compared
with the same calendars built by icalendar (`tests/ical_reference.py`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, reject
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st
from icalendar import vCalAddress, vDuration, vText
from icalendar.parser import Contentline, Parameters
from pydantic import ValidationError

from generator.calendars import contentlines as cl
from generator.calendars.events import campaign_events
from generator.calendars.ical import build_calendars, calendar_timezone, render_calendar
from generator.options import Organisation, Settings
from generator.pipeline import published_campaigns
from generator.source.check import check_campaigns
from generator.source.model import CONTROL_CHARACTERS, Campaign, CampaignFile

from .conftest import REPO, TODAY
from .ical_reference import reference_calendar, reference_calendars

WARSAW = ZoneInfo("Europe/Warsaw")
# Any text an editor can type or paste, weighted towards what folding and escaping care about.
_CHARS = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(["\\", "^", ",", ";", ":", '"', "'", "’", "\n", "\r", " ", "ą", "€", "😀", "N"]),
)
_TEXT = st.text(_CHARS, min_size=0, max_size=300)


def _foldline(line: str) -> bytes:
    """The line as icalendar writes a content line: folded at 75 octets."""
    return Contentline(line).to_ical()


@settings_hypothesis(max_examples=400, deadline=None, derandomize=True)
@given(line=st.text(_CHARS.filter(lambda c: c != "\n"), max_size=400))
@example(line="A" * 73 + "\\n" + "B" * 100)
@example(line="A" * 74 + "^" + "B" * 100)
@example(line="ą" * 80)
@example(line="x" + "😀" * 40)
def test_folding_is_icalendars(line: str) -> None:
    assert cl.fold(line) == _foldline(line)


@settings_hypothesis(max_examples=300, deadline=None, derandomize=True)
@given(value=_TEXT)
@example(value="C:\\Nowy\\folder; a, b\r\nc\rd")
def test_text_escaping_is_icalendars(value: str) -> None:
    assert cl.text(value).encode("utf-8") == vText(value).to_ical()
    assert cl.text_list([value, "b,c"]).encode("utf-8") == b",".join([vText(value).to_ical(), b"b\\,c"])


@settings_hypothesis(max_examples=300, deadline=None, derandomize=True)
@given(name=_TEXT.map(lambda s: " ".join(s.replace('"', "").split())))
@example(name="O'Brien: Ośrodek; Pomocy, ^ ’")
def test_organizer_names_are_quoted_and_escaped_as_icalendar_does(name: str) -> None:
    address = vCalAddress("mailto:a@example.pl")
    address.params["CN"] = name
    params = address.params.to_ical().decode("utf-8")
    assert f"CN={cl.param(name, 'CN')}" == params


@pytest.mark.parametrize("key", ["Europe/Warsaw", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])
def test_time_zone_parameters_are_icalendars(key: str) -> None:
    assert f"TZID={cl.param(key)}" == Parameters({"TZID": key}).to_ical().decode()


@pytest.mark.parametrize("seconds", [0, 1, 59, 60, 3600, 3661, 6 * 3600, 86400, 90061, -3600, -90061])
def test_durations_are_icalendars(seconds: int) -> None:
    length = dt.timedelta(seconds=seconds)
    assert cl.duration(length).encode() == vDuration(length).to_ical()


def test_date_and_time_values() -> None:
    moment = dt.datetime(2025, 10, 26, 2, 30, tzinfo=WARSAW)
    assert cl.local(moment) == "20251026T023000"
    assert cl.utc(moment) == "20251026T003000Z"
    assert cl.date(dt.date(987, 1, 2)) == "09870102"


def _settings(root: Path, language: str = "pl", email: str = "mops@example.pl") -> Settings:
    return Settings(
        site_url="https://konsultacje.example.pl/",
        site_name="Konsultacje, testowe; \\ wydanie",
        root=root,
        campaigns_dir=root / "campaigns",
        language=language,
        today=TODAY,
        build_time=dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.timezone.utc),
        organisation=Organisation(name='Ośrodek "Pomocy" Społecznej', email=email),
    )


@pytest.mark.parametrize(("language", "email"), [("pl", "mops@example.pl"), ("en", ""), ("pl", "")])
def test_every_calendar_of_the_repository_is_byte_identical_to_icalendars(language: str, email: str) -> None:
    settings = _settings(REPO, language, email)
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, WARSAW)
    public = published_campaigns(campaigns, settings)
    ours = {o.path: o.content for o in build_calendars(public, settings)}
    reference = reference_calendars(public, settings)
    assert ours.keys() == reference.keys()
    for path, data in reference.items():
        assert ours[path] == data, path


def _campaign(title: str, place: str, note: str, category: str, organizer: str) -> Campaign:
    data = CampaignFile.model_validate(
        {
            "title": title,
            "summary": "Opis.",
            "organizer": organizer,
            "published": "2025-01-10",
            "opens": "2025-01-10",
            "closes": "2025-12-18",
            "categories": [category, "rodzina"],
            "respond": [{"channel": "post", "value": place, "annotation": note}],
            "contact": {"email": "kontakt@example.pl"},
            "duty_hours": [
                {
                    "date": "2025-10-26",
                    "time": "02:15-02:45",
                    "mode": ["phone", "in_person"],
                    "place": place,
                    "phone": ["12 345 67 89", "600 000 000"],
                    "note": note,
                }
            ],
            "meetings": [
                {
                    "title": title,
                    "date": "2025-10-27",
                    "time": "10:00-12:00",
                    "place": place,
                    "note": note,
                    "online": "https://example.pl/spotkanie?a=1,b=2;c",
                }
            ],
        }
    )
    return Campaign(slug="dowolny-tekst", data=data, body="", source_dir="campaigns/dowolny-tekst")


# What campaign.yml accepts: no control characters but tab, line ends and carriage returns.
_FIELD = st.text(_CHARS.filter(lambda c: not CONTROL_CHARACTERS.match(c)), min_size=1, max_size=300).filter(
    lambda s: s.strip() != ""
)


@settings_hypothesis(max_examples=150, deadline=None, derandomize=True)
@given(title=_FIELD, place=_FIELD, note=_FIELD, category=_FIELD, organizer=_FIELD)
def test_calendars_of_any_text_are_byte_identical_to_icalendars(
    title: str, place: str, note: str, category: str, organizer: str
) -> None:
    settings = _settings(REPO, email="")  # the organiser's name comes from the consultation
    try:
        campaign = _campaign(title, place, note, category, organizer)
    except ValidationError:
        reject()  # text the model refuses (control characters) never reaches a calendar
    events = campaign_events(campaign, WARSAW)
    reference = reference_calendars([campaign], settings)
    ours = {o.path: o.content for o in build_calendars([campaign], settings)}
    assert ours == reference
    zone = calendar_timezone(events, settings)
    assert render_calendar(events, settings, zone) == reference_calendar(events, settings, zone, None)
