"""iCalendar (RFC 5545) for one event and for the feed of all events, with `icalendar`."""

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from alliances.mobilisation.models import Event

PRODID = "-//Alliances//Mobilisation//FR"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _component(event: Event, *, base_url: str) -> CalendarEvent:
    component = CalendarEvent()
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "alliances"
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", event.updated_at)
    # Local times with their zone, so a calendar shows 9:00 in Paris whatever the viewer's zone.
    component.add("dtstart", event.local_starts_at)
    component.add("dtend", event.local_ends_at)
    component.add("summary", event.title)
    url = base_url.rstrip("/") + event.get_absolute_url()
    component.add("url", url)
    description = event.description
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    component.add("description", f"{description}\n\n{url}".strip())
    place = ", ".join(
        part
        for part in [
            event.address.replace("\n", ", "),
            event.territory.name if event.territory else "",
        ]
        if part
    )
    if place or event.online_url:
        component.add("location", place or event.online_url)
    component.add("categories", [event.get_kind_display()])
    return component


def event_ical(event: Event, *, base_url: str | None = None) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_component(event, base_url=base_url or settings.PLATFORM_URL))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_ical(events, *, name: str, base_url: str | None = None) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_component(event, base_url=base_url or settings.PLATFORM_URL))
    calendar.add_missing_timezones()
    return calendar.to_ical()
