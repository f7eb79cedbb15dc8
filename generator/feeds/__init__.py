"""Feeds: iCalendar (`ical`) and RSS/Atom (`rss`); the only modules that import those libraries."""
