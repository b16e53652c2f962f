"""schema.org structured data (JSON-LD) for event, case and resource pages, in the page's language."""
from __future__ import annotations

import json

from hub.model.instants import aware
from hub.render.text import pick

SCHEMA = "https://schema.org/"
_EVENT_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}
_RESOURCE_TYPE = {"report": "Report", "article": "Article"}  # the other kinds are plain CreativeWork


def structured_data(build, lang: str, collection: str, record_id: str, image: str) -> dict | None:
    """The JSON-LD object for a record page, or None for collections without a fitting type."""
    maker = {"events": _event, "cases": _case, "resources": _resource}.get(collection)
    if maker is None:
        return None
    page = build.config.page_url(lang, f"{collection}/{record_id}/")
    data = {"@context": "https://schema.org", **maker(build, lang, build.content[collection][record_id], page)}
    data.setdefault("url", page)
    data["image"] = [image]
    return data


def script(data: dict) -> str:
    """A <script> element whose JSON cannot end it early, whatever the records hold."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # `<` written as \u003c is the same JSON string, and `</script>` can no longer appear.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _event(build, lang: str, event, page: str) -> dict:
    online = event.online
    places = []
    if event.location and (event.location.venue or event.location.city or event.location.country):
        places.append(_place(event.location, lang))
    if online or not places:
        places.append({"@type": "VirtualLocation",
                       "url": event.registration.url if event.registration else page})
    mode = "MixedEventAttendanceMode" if online and len(places) > 1 else \
        "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"
    data = {
        "@type": "Event",
        "name": _text(event.title, lang),
        "description": _text(event.summary, lang),
        "startDate": aware(event.start, event.timezone).isoformat(),
        "endDate": aware(event.end, event.timezone).isoformat(),
        "eventStatus": SCHEMA + _EVENT_STATUS[event.status],
        "eventAttendanceMode": SCHEMA + mode,
        "location": places[0] if len(places) == 1 else places,
        "organizer": [_organisation(build, lang, o) for o in event.organisers],
        "inLanguage": event.language,
    }
    if event.speakers:
        data["performer"] = [{"@type": "Person", "name": s.name} for s in event.speakers]
    if event.registration:
        offer = {"@type": "Offer", "url": event.registration.url}
        if event.registration.deadline:
            offer["validThrough"] = event.registration.deadline.isoformat()
        data["offers"] = offer
    return data


def _case(build, lang: str, case, page: str) -> dict:
    return {
        "@type": "Article",
        "headline": _text(case.title, lang),
        "name": _text(case.title, lang),
        "description": _text(case.summary, lang),
        "datePublished": case.added.isoformat(),
        "about": [_text(build.content.topics[t], lang) for t in case.topics],
        "contentLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": case.country}},
        "mentions": [_organisation(build, lang, o) for o in case.buyers],
        "publisher": _publisher(build, lang),
    }


def _resource(build, lang: str, resource, page: str) -> dict:
    data = {
        "@type": _RESOURCE_TYPE.get(resource.kind, "CreativeWork"),
        "name": _text(resource.title, lang),
        "headline": _text(resource.title, lang),
        "description": _text(resource.summary, lang),
        "datePublished": resource.published,  # ISO 8601 allows 2021 and 2021-11 as well
        "about": [_text(build.content.topics[t], lang) for t in resource.topics],
        "author": [_organisation(build, lang, o) for o in resource.organisations],
        "mainEntityOfPage": page,
    }
    if resource.language:
        data["inLanguage"] = resource.language
    if resource.url:
        data["url"] = resource.url
    return data


def _place(location, lang: str) -> dict:
    address = {"@type": "PostalAddress"}
    if location.city:
        address["addressLocality"] = _text(location.city, lang)
    if location.country:
        address["addressCountry"] = location.country
    return {"@type": "Place", "name": _text(location.venue or location.city, lang) or location.country,
            "address": address}


def _organisation(build, lang: str, org_id: str) -> dict:
    org = build.content["organisations"][org_id]
    return {"@type": "Organization", "name": _text(org.name, lang),
            "url": org.website or build.config.page_url(lang, f"organisations/{org_id}/")}


def _publisher(build, lang: str) -> dict:
    return {"@type": "Organization", "name": _text(build.content.site.name, lang),
            "url": build.config.page_url(lang)}


def _text(value, lang: str) -> str | None:
    shown = pick(value, lang)
    return shown.text if shown else None
