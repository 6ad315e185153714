"""The hand-written inventories the written examples are assembled from, loaded from JSON.

The parts live in ``inventories/*.json`` beside this module, one file per topic group. Lists
keep their order: the generators draw from them with a seeded ``random.Random``, so reordering
a list changes every example after it. A list whose items are all arrays is a list of records
and loads as a list of tuples; the record layouts are:

- ``places.json`` ``countries``: (country, adjective, capital)
- ``domains.json`` ``roles``: (title before a name or null, description after it,
  back-reference noun); ``anon``: (vague source, plural?); ``content``: (subject, predicate)
- ``cues.json`` ``anon_nonanswer``: (vague source, plural?); ``anon_intro_*``: (introduction,
  back-reference); ``anon_deniers``: (denier, who it speaks for, plural?)
- ``references.json`` ``titles``: (title before a name, back-reference noun);
  ``anon_intros``: (introduction, back-reference)

Strings may hold slot markers (``{city}``, ``{year}``...) that the generators fill.

Example:
    >>> from training.written.inventory import COUNTRIES, DOMAIN_PARTS
    >>> COUNTRIES[0]
    ('Valdoria', 'Valdorian', 'Port Ansel')
    >>> DOMAIN_PARTS["politics"]["anon"][0]
    ('officials', True)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INVENTORIES = Path(__file__).parent / "inventories"


def _records_as_tuples(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _records_as_tuples(item) for key, item in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(item, list) for item in value):
            return [tuple(item) for item in value]
        return [_records_as_tuples(item) for item in value]
    return value


def load(name: str) -> dict[str, Any]:
    """Read ``inventories/<name>.json``, with lists of records turned into lists of tuples.

    Args:
        name: The file's stem, e.g. ``"names"`` or ``"spokespeople"``.

    Returns:
        The file's top-level object.
    """
    with open(INVENTORIES / f"{name}.json", encoding="utf-8") as fh:
        return _records_as_tuples(json.load(fh))


_NAMES = load("names")
_PLACES = load("places")
_CALENDAR = load("calendar")
_ORGANISATIONS = load("organisations")
_CUES = load("cues")
_UNATTRIBUTED = load("unattributed")

FIRST_F: list[str] = _NAMES["first_female"]
FIRST_M: list[str] = _NAMES["first_male"]
LAST: list[str] = _NAMES["last"]
CITIES: list[str] = _PLACES["cities"]
COUNTRIES: list[tuple[str, str, str]] = _PLACES["countries"]
DAYS: list[str] = _CALENDAR["days"]
MONTHS: list[str] = _CALENDAR["months"]
COMPANIES: list[str] = _ORGANISATIONS["companies"]
CLUBS: list[str] = _ORGANISATIONS["clubs"]
OUTLETS: list[str] = _ORGANISATIONS["outlets"]

#: Per news domain: roles, orgs, titles, anon, content, quotes, acts (allegations completing
#: "denied that {who} had ..."), accnoun ("accusations of ..."), accused, background.
DOMAIN_PARTS: dict[str, dict[str, list]] = load("domains")
DOMAINS: list[str] = list(DOMAIN_PARTS)

NONANSWER_TOPICS: list[str] = _CUES["nonanswer_topics"]
ANON_NONANSWER: list[tuple[str, bool]] = _CUES["anon_nonanswer"]
DISMISS_AS: list[str] = _CUES["dismiss_as"]
ANON_INTRO_SG: list[tuple[str, str]] = _CUES["anon_intro_singular"]
ANON_INTRO_PL: list[tuple[str, str]] = _CUES["anon_intro_plural"]
ANON_DENIERS: list[tuple[str, str, bool]] = _CUES["anon_deniers"]
DISMISS_QUAL: list[str] = _CUES["dismiss_qualifiers"]
CALL_QUAL: list[str] = _CUES["call_qualifiers"]
DENIAL_QUOTES: list[str] = _CUES["denial_quotes"]
SETTINGS: list[str] = _CUES["settings"]
HEDGES: list[str] = _CUES["hedges"]

ANALYSIS: list[str] = _UNATTRIBUTED["analysis"]
SUBJ: dict[str, list[str]] = _UNATTRIBUTED["analysis_subjects"]
STAT: list[str] = _UNATTRIBUTED["stats"]
#: A trailing ``*`` marks a plural subject.
THINGS: dict[str, list[str]] = _UNATTRIBUTED["stat_things"]
THING2: list[str] = _UNATTRIBUTED["stat_groups"]
CHRONO: list[str] = _UNATTRIBUTED["chronology"]
EVENTS: dict[str, list[str]] = _UNATTRIBUTED["events"]
#: Reporting words used inside unattributed sentences, by word.
TRIGGER_U: dict[str, list[str]] = _UNATTRIBUTED["trigger_words"]
SCARE: list[str] = _UNATTRIBUTED["scare_quotes"]
SCARE_X: list[str] = _UNATTRIBUTED["scare_phrases"]
