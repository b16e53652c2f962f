"""Synthetic but realistic hub data for the benchmark: every field, half the languages, sibling Markdown.

`generate(data_dir, pages)` writes a `data/` folder whose records make `pages` generated pages per
language (topics included). The same seed gives the same hub, so runs compare like with like.
"""
from __future__ import annotations

import random
from itertools import accumulate
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

LANGUAGES = ["en", "sv", "nb", "da", "fi", "nl", "de"]
OTHERS = LANGUAGES[1:]

# A few dozen words per language: enough for distinct sentences and a realistic search index.
_WORDS = {
    "en": "public buyers procurement circular fair ICT laptops smartphones servers criteria contract supplier "
          "refurbished devices lifetime extension labour rights minerals audit monitoring network dialogue market "
          "framework tender award clause warranty repair reuse recycling emissions transparency supply chain "
          "municipality region ministry workshop webinar guidance lessons results verification label".split(),
    "sv": "offentliga upphandlare upphandling cirkulär rättvis IT bärbara datorer smarttelefoner servrar kriterier "
          "avtal leverantör renoverade enheter livslängd förlängning arbetsvillkor mineraler granskning uppföljning "
          "nätverk dialog marknad ramavtal anbud tilldelning klausul garanti reparation återbruk återvinning utsläpp "
          "öppenhet leverantörskedja kommun region ministerium workshop webbinarium vägledning lärdomar".split(),
    "nb": "offentlige innkjøpere anskaffelse sirkulær rettferdig IKT bærbare datamaskiner smarttelefoner servere "
          "kriterier kontrakt leverandør oppussede enheter levetid forlengelse arbeidsrettigheter mineraler revisjon "
          "oppfølging nettverk dialog marked rammeavtale anbud tildeling klausul garanti reparasjon gjenbruk "
          "gjenvinning utslipp åpenhet leverandørkjede kommune fylke departement verksted veiledning".split(),
    "da": "offentlige indkøbere indkøb cirkulær fair IT bærbare computere smartphones servere kriterier kontrakt "
          "leverandør istandsatte enheder levetid forlængelse arbejdstagerrettigheder mineraler revision opfølgning "
          "netværk dialog marked rammeaftale udbud tildeling klausul garanti reparation genbrug genanvendelse "
          "udledning åbenhed forsyningskæde kommune region ministerium workshop vejledning erfaringer".split(),
    "fi": "julkiset hankkijat hankinta kiertotalous reilu ICT kannettavat älypuhelimet palvelimet kriteerit sopimus "
          "toimittaja kunnostetut laitteet käyttöikä pidentäminen työoikeudet mineraalit auditointi seuranta "
          "verkosto vuoropuhelu markkinat puitejärjestely tarjous valinta ehto takuu korjaus uudelleenkäyttö "
          "kierrätys päästöt avoimuus toimitusketju kunta alue ministeriö työpaja ohjeistus opit".split(),
    "nl": "publieke inkopers inkoop circulair eerlijk ICT laptops smartphones servers criteria contract leverancier "
          "gereviseerde apparaten levensduur verlenging arbeidsrechten mineralen audit monitoring netwerk dialoog "
          "markt raamovereenkomst aanbesteding gunning clausule garantie reparatie hergebruik recycling uitstoot "
          "transparantie toeleveringsketen gemeente provincie ministerie werksessie handreiking lessen".split(),
    "de": "öffentliche Auftraggeber Beschaffung Kreislaufwirtschaft fair IKT Laptops Smartphones Server Kriterien "
          "Vertrag Lieferant aufbereitete Geräte Lebensdauer Verlängerung Arbeitsrechte Mineralien Prüfung "
          "Überwachung Netzwerk Dialog Markt Rahmenvertrag Ausschreibung Zuschlag Klausel Garantie Reparatur "
          "Wiederverwendung Recycling Emissionen Transparenz Lieferkette Kommune Region Ministerium Leitfaden".split(),
}
_COUNTRIES = ["SE", "NO", "DK", "FI", "NL", "DE", "BE", "AT", "ES", "GB", "IE", "FR", "IT", "CA"]
_ZONES = ["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Amsterdam",
          "Europe/Berlin", "Europe/Brussels", "Europe/London", "America/Toronto"]
_CURRENCIES = ["EUR", "SEK", "NOK", "DKK", "GBP", "CAD"]
_SPEAKERS = "Anna Andersson|Lars Nilsen|Mette Hansen|Aino Virtanen|Sanne de Vries|Jonas Weber|Kari Nordmann|" \
            "Olle Berg|Pia Laine|Tom Janssen|Eva Schmidt|Sara Lind".split("|")
NOW = "2025-06-01T00:00"  # HUB_NOW for benchmark builds: about a third of the events are upcoming


class _Dumper(yaml.SafeDumper):
    """YAML anchors are errors in data/: never emit them, even for repeated values."""

    def ignore_aliases(self, data):
        return True


def sizes(pages: int) -> dict[str, int]:
    """How many records of each kind make `pages` pages per language."""
    topics = 8 + pages // 100
    rest = pages - topics
    counts = {"organisations": rest // 5, "events": rest * 2 // 5, "cases": rest * 3 // 20,
              "statements": rest // 20}
    counts["resources"] = rest - sum(counts.values())
    counts["topics"] = topics
    return counts


def generate(data_dir: Path, pages: int, seed: int = 2021, languages=LANGUAGES) -> dict[str, int]:
    """Write a hub's data/ with `pages` record pages per language; return the count per collection.

    With fewer `languages` the records are the same, without the other languages' translations.
    """
    return _Hub(Path(data_dir), sizes(pages), random.Random(seed), languages).write()


class _Hub:
    def __init__(self, data_dir: Path, counts: dict[str, int], rng: random.Random, languages):
        self.dir = data_dir
        self.languages = set(languages)
        self.counts = counts
        self.rng = rng
        self.ids = {name: [f"{name[:-1]}-{n:05d}" for n in range(count)] for name, count in counts.items()}
        self.ids["series"] = [f"series-{n:03d}" for n in range(1 + counts["events"] // 40)]
        self.weights: dict[str, list[float]] = {}

    # -- text --

    def words(self, lang: str, low: int, high: int) -> str:
        text = " ".join(self.rng.choice(_WORDS[lang]) for _ in range(self.rng.randint(low, high)))
        return text[:1].upper() + text[1:]

    def sentences(self, lang: str, count: int) -> str:
        return " ".join(self.words(lang, 8, 16) + "." for _ in range(count))

    def markdown(self, lang: str) -> str:
        """A description as contributors write it: paragraphs, a subheading, a list, a link."""
        parts = [self.sentences(lang, 4), f"## {self.words(lang, 2, 4)}", self.sentences(lang, 3),
                 "\n".join(f"- {self.words(lang, 3, 8)}" for _ in range(3)),
                 f"{self.sentences(lang, 2)} [{self.words(lang, 2, 3)}](https://example.org/{self.rng.randint(1, 999)})."]
        return "\n\n".join(parts) + "\n"

    def text(self, langs: list[str], low: int = 3, high: int = 8, plain=False):
        """A text field: English alone, or English with this record's translations."""
        value = {lang: self.words(lang, low, high) for lang in langs}
        return value["en"] if plain or len(langs) == 1 else value

    def prose(self, langs: list[str], count: int):
        return {lang: self.sentences(lang, count) for lang in langs}

    def translations(self) -> list[str]:
        """English plus half of the other languages (three of six)."""
        return ["en"] + sorted(self.rng.sample(OTHERS, len(OTHERS) // 2))

    # -- references: a few organisations and topics are named far more often than the rest --

    def some(self, collection: str, low: int, high: int) -> list[str]:
        ids = self.ids[collection]
        count = min(len(ids), self.rng.randint(low, high))
        if collection not in self.weights:
            self.weights[collection] = list(accumulate(1 / (rank + 1) for rank in range(len(ids))))
        picked: list[str] = []
        while len(picked) < count:
            choice = self.rng.choices(ids, cum_weights=self.weights[collection])[0]
            if choice not in picked:
                picked.append(choice)
        return picked

    def day(self, start: date = date(2015, 1, 1), span: int = 365 * 12) -> date:
        return start + timedelta(days=self.rng.randrange(span))

    def url(self, kind: str) -> str:
        return f"https://example.org/{kind}/{self.rng.randrange(10 ** 6)}"

    def documents(self, langs: list[str]) -> list[dict]:
        return [{"title": self.text(langs), "url": self.url("docs") + ".pdf",
                 "kind": self.rng.choice(["slides", "report", "summary", "statement", "other"]),
                 "language": self.rng.choice(langs)} for _ in range(self.rng.randint(1, 3))]

    def contact(self) -> dict:
        return {"name": self.rng.choice(_SPEAKERS), "email": f"contact{self.rng.randrange(999)}@example.org",
                "organisation": self.rng.choice(self.ids["organisations"])}

    # -- records --

    def write(self) -> dict[str, int]:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.dump("site.yml", {
            "name": {"en": "Benchmark Hub", "sv": "Benchmarknavet"}, "tagline": "A generated hub for timing the build",
            "contact": "hub@example.org", "funding": "Funded by the benchmark.",
            "repository": "https://github.com/example/bench-hub",
            "accessibility": {"contact": "access@example.org",
                              "enforcement": {"name": "Enforcement body", "url": "https://example.org/enforcement"},
                              "reviewed": "2025-01-01"},
            "privacy": "No cookies."})
        self.dump("topics.yml", {i: self.text(self.translations(), 1, 3) for i in self.ids["topics"]})
        self.dump("series.yml", {i: self.text(self.translations(), 2, 4) for i in self.ids["series"]})
        for collection in ("organisations", "events", "cases", "statements", "resources"):
            make = getattr(self, collection[:-1])
            (self.dir / collection).mkdir(exist_ok=True)
            for record_id in self.ids[collection]:
                langs = self.translations()
                record = make(langs)
                if self.rng.random() < 0.1:
                    record["aliases"] = [f"old-{record_id}"]
                if collection != "organisations" and self.rng.random() < 0.5:
                    # Half the long descriptions live in sibling Markdown files, as contributors prefer.
                    description = record.pop("description")
                    for lang, text in description.items():
                        if lang not in self.languages:
                            continue
                        name = f"{record_id}.md" if lang == "en" else f"{record_id}.{lang}.md"
                        (self.dir / collection / name).write_text(text, encoding="utf-8")
                self.dump(f"{collection}/{record_id}.yml", record)
        return dict(self.counts)

    def keep(self, value):
        """`value` with translations into languages outside the site's list left out."""
        if isinstance(value, dict) and "en" in value and set(value) <= set(LANGUAGES):
            kept = {lang: text for lang, text in value.items() if lang in self.languages}
            return kept["en"] if len(kept) == 1 else kept
        if isinstance(value, dict):
            return {key: self.keep(item) for key, item in value.items() if item is not None}
        if isinstance(value, list):
            return [self.keep(item) for item in value]
        return value

    def dump(self, rel: str, data) -> None:
        path = self.dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self.keep(data)
        path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")

    def organisation(self, langs):
        return {"name": self.text(langs, 2, 5), "short_name": self.words("en", 1, 1),
                "kind": self.rng.choice(["public-buyer", "network", "ngo", "government", "research", "supplier", "other"]),
                "country": self.rng.choice(_COUNTRIES), "website": self.url("org"),
                "description": {lang: self.sentences(lang, 3) for lang in langs}}

    def event(self, langs):
        day = self.day()
        start = datetime(day.year, day.month, day.day, self.rng.choice([9, 10, 13, 14, 16]))
        hours = self.rng.randint(1, 6)
        online = self.rng.random() < 0.5
        speakers = self.rng.sample(_SPEAKERS, 3)
        organisers = self.some("organisations", 1, 3)
        record = {
            "title": self.text(langs, 4, 9), "kind": self.rng.choice(
                ["webinar", "workshop", "market-dialogue", "conference", "launch", "meeting", "training"]),
            "start": f"{start:%Y-%m-%dT%H:%M}", "end": f"{start + timedelta(hours=hours):%Y-%m-%dT%H:%M}",
            "timezone": self.rng.choice(_ZONES),
            "status": self.rng.choices(["scheduled", "cancelled", "postponed"], [18, 1, 1])[0],
            "online": online,
            "summary": self.prose(langs, 2), "description": {lang: self.markdown(lang) for lang in langs},
            "organisers": organisers, "topics": self.some("topics", 1, 4),
            "language": self.rng.sample(langs, min(2, len(langs))),
            "registration": {"url": self.url("register"), "deadline": f"{start.date() - timedelta(days=3)}"},
            "speakers": [{"name": speakers[0], "role": self.text(langs, 1, 3), "organisation": organisers[0]},
                         {"name": speakers[1], "role": self.text(langs, 1, 3), "organisation": "Some Company AB"},
                         {"name": speakers[2]}],
            "agenda": [{"start": f"{start.hour + n:02d}:00", "end": f"{start.hour + n:02d}:45",
                        "title": self.text(langs, 2, 6), "speakers": [speakers[n % 3]]} for n in range(min(hours, 4))],
            "audience": self.text(langs, 4, 10),
            "recording": {"url": self.url("video"), "published": f"{start.date() + timedelta(days=7)}",
                          "duration_minutes": hours * 60, "captions": self.url("captions") + ".vtt"},
            "report": {lang: self.markdown(lang) for lang in langs},
            "documents": self.documents(langs), "series": self.rng.choice(self.ids["series"]),
            "contact": self.contact(), "funding": self.text(langs, 5, 10),
            "added": f"{start.date() - timedelta(days=30)}",
        }
        if not online:
            record["location"] = {"venue": self.text(langs, 2, 4), "city": self.words("en", 1, 1),
                                  "country": self.rng.choice(_COUNTRIES)}
        return record

    def case(self, langs):
        year = self.rng.randint(2015, 2025)
        return {
            "title": self.text(langs, 4, 9), "summary": self.prose(langs, 2), "buyers": self.some("organisations", 1, 2),
            "country": self.rng.choice(_COUNTRIES), "year": year, "topics": self.some("topics", 1, 4),
            "description": {lang: self.markdown(lang) for lang in langs}, "procedure": self.text(langs, 2, 4),
            "criteria": [self.text(langs, 4, 10) for _ in range(3)], "labels": ["TCO Certified", "EPEAT"],
            "verification": self.text(langs, 5, 12),
            "contract": {"value": self.rng.randint(10, 900) * 10000, "currency": self.rng.choice(_CURRENCIES),
                         "devices": self.rng.randint(50, 5000), "duration_months": self.rng.choice([12, 24, 36, 48])},
            "results": [{"label": self.text(langs, 2, 4), "value": self.rng.randint(1, 999), "unit": "devices"},
                        {"label": self.text(langs, 2, 4), "value": "about a third"}],
            "lessons": {lang: self.markdown(lang) for lang in langs}, "contact": self.contact(),
            "documents": self.documents(langs), "events": self.some("events", 0, 2),
            "added": f"{self.day(date(year, 1, 1), 365)}",
        }

    def statement(self, langs):
        day = self.day()
        return {
            "title": self.text(langs, 4, 9), "date": f"{day}", "summary": self.prose(langs, 2),
            "commitments": [self.text(langs, 6, 14) for _ in range(4)],
            "signatories": [{"organisation": org, "signed": f"{day + timedelta(days=n)}",
                             "role": self.rng.choice(["procuring", "coordinating", "supporting"])}
                            for n, org in enumerate(self.some("organisations", 3, 10))],
            "open": self.rng.random() < 0.3, "join": self.url("join"), "topics": self.some("topics", 1, 3),
            "documents": self.documents(langs), "events": self.some("events", 0, 2),
            "description": {lang: self.markdown(lang) for lang in langs}, "added": f"{day}",
        }

    def resource(self, langs):
        day = self.day()
        kind = self.rng.choice(["report", "guidance", "criteria", "recording", "toolkit", "article"])
        published = self.rng.choice([f"{day}", f"{day:%Y-%m}", f"{day:%Y}"])
        return {
            "title": self.text(langs, 4, 9), "kind": kind, "published": published, "url": self.url("resource"),
            "summary": self.prose(langs, 2), "language": langs[:2], "topics": self.some("topics", 1, 3),
            "organisations": self.some("organisations", 1, 2), "events": self.some("events", 0, 1),
            "captions": True if kind == "recording" else None,
            "description": {lang: self.markdown(lang) for lang in langs}, "added": f"{day}",
        }
