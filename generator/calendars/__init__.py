"""Calendars: dated events from the model, which feeds the site publishes, their .ics files
(content lines and time zones), the words events show, and add-to-calendar links.
"""
