"""Deciding "today" once: the option, else SOURCE_DATE_EPOCH, else now."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from generator.options import EpochError, resolve_today

TZ = ZoneInfo("Europe/Warsaw")


def test_source_date_epoch_fixes_the_day_and_the_build_time() -> None:
    today, build_time = resolve_today(TZ, environ={"SOURCE_DATE_EPOCH": " 1756713600 "})
    assert today == dt.date(2025, 9, 1)
    assert build_time == dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.timezone.utc)


def test_an_empty_source_date_epoch_is_unset() -> None:
    today, _ = resolve_today(TZ, dt.date(2025, 1, 2), environ={"SOURCE_DATE_EPOCH": ""})
    assert today == dt.date(2025, 1, 2)


@pytest.mark.parametrize("value", ["2025-09-01", "1.5e9", "-5", "1756713600s", "²", "9" * 30])
def test_a_source_date_epoch_that_is_no_time_is_an_error_not_ignored(value: str) -> None:
    with pytest.raises(EpochError) as error:
        resolve_today(TZ, environ={"SOURCE_DATE_EPOCH": value})
    assert error.value.problem.code == "source_date_epoch_invalid"
    assert error.value.problem.params == {"value": value}
