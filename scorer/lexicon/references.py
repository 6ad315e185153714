"""Reference words: pronouns, determiners and nouns that point back to an earlier source.

Read by the back-reference resolver (`scorer.coref`) for the chains and the training labels,
and by the baseline's test for a sentence that leans on the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorer.lexicon.cues import words


@dataclass(frozen=True)
class ReferenceWords:
    """Words that refer back, and the words that tell what they can refer to."""

    personal_pronouns: frozenset[str] = words("he her hers herself him himself his she")
    """Refer back to one person. Chains and training (`scorer.coref`)."""

    feminine_pronouns: frozenset[str] = words("her hers herself she")
    """Chains: refer back to a woman; "she" does not take a newcomer the article describes as
    a man (`masculine_words`)."""

    masculine_pronouns: frozenset[str] = words("he him himself his")
    """Chains: refer back to a man; "he" does not take a newcomer the article describes as a
    woman (`feminine_words`)."""

    feminine_words: frozenset[str] = words(
        "aunt daughter girl granddaughter grandmother lady miss mother mrs ms niece queen sister "
        "widow wife woman"
    )
    """Chains: a person's description that says she is a woman ("his late daughter")."""

    masculine_words: frozenset[str] = words(
        "boy brother father grandfather grandson husband king man mr nephew sir son uncle widower"
    )
    """Chains: a person's description that says he is a man ("his late son Beau Biden")."""

    third_person_pronouns: frozenset[str] = words("it its itself their them themselves they")
    """Refer back to a thing, an organisation or a group. Chains and training."""

    relative_pronouns: frozenset[str] = words("who")
    """Refers back like "they" ("…, who said"). Chains and training."""

    more_relative_pronouns: frozenset[str] = words("which whom whose")
    """Training: pronoun sources; the chains keep them as written."""

    demonstratives: frozenset[str] = words("that these this those")
    """Training: pronoun sources ("those close to him")."""

    plural_pronouns: frozenset[str] = words("their them themselves these they those")
    """Training: a plural pronoun wants a plural (or a named) antecedent."""

    first_person_pronouns: frozenset[str] = words("i we")
    """The writer as subject. Chains: refer back or name no source; training: no source."""

    writer_reader_pronouns: frozenset[str] = words(
        "me my myself one our ourselves us you your yourself yourselves"
    )
    """Training: with `first_person_pronouns`, the writer or the reader: no source. (The
    chains leave them alone: "US" reads as "us".)"""

    subject_pronouns: frozenset[str] = words("he it she they")
    """Baseline: a sentence opening with one leans on the sentence before it."""

    group_words: frozenset[str] = words(
        "all anybody anyone both everybody everyone few many most nobody none one others "
        "several some somebody someone two"
    )
    """Quantities of people. Chains: "one of them said" is a member of an earlier group;
    training: a generic source, anonymous."""

    definite_determiners: frozenset[str] = words("that the this")
    """A definite noun phrase ("the official") can refer back. Chains and training."""

    indefinite_determiners: frozenset[str] = words(
        "a an another any certain few many most no one several some"
    )
    """Training: an indefinite role ("a source", "some officials") is anonymous."""

    known_set_determiners: frozenset[str] = words("both the two")
    """Training: with `known_set_heads`, "both candidates", "the two campaigns"."""

    backref_roles: frozenset[str] = words("official officer person source")
    """Role nouns whose definite form refers back ("the official said"), like `spokespeople`.
    Baseline (a sentence opening with one leans on the one before) and chains (it takes the
    last source)."""

    more_backref_roles: frozenset[str] = words("aide diplomat lawmaker man representative woman")
    """Chains: further role nouns that take the last source ("the diplomat added")."""

    candidacy: frozenset[str] = words(
        "candidate congressman congresswoman governor nominee senator"
    )
    """Chains: a definite, qualified one ("the Vermont senator", "the Republican nominee") that
    no description matched takes the nearest named person quoted (US political news calls its
    protagonists so)."""

    affiliations: frozenset[str] = words(
        "afghan african american australian brazilian british canadian chinese democrat "
        "democratic dutch egyptian english european french german greek indian iranian iraqi "
        "irish israeli italian japanese korean mexican pakistani palestinian polish republican "
        "russian saudi scottish spanish swedish swiss syrian thai turkish ukrainian venezuelan"
    )
    """Chains: a nation's or a party's adjective. A definite role qualified by one ("the Russian
    president") cannot name someone described by another ("Ukrainian President …")."""

    baseline_backref_heads: frozenset[str] = words(
        "agency company group minister ministry newspaper report"
    )
    """Baseline: further heads of an opening definite noun that leans on the sentence before."""

    relative_subjects: frozenset[str] = words("that which who")
    """Chains: as subject of a relative clause, they stand for its head ("the Courier, which
    reported")."""

    non_source_subjects: frozenset[str] = words("that this what which")
    """Chains: subjects that are never a source."""

    non_source_openers: frozenset[str] = words("it that this")
    """Chains: noun chunks that are no implicit subject of a cue left without one."""

    name_prefixes: frozenset[str] = words("ex former late")
    """Chains: words before a titled surname that leave it a surname ("Former AG Mukasey"), so
    the chain names the one person of that surname in full (`SourceMemory.full_name`)."""

    honorifics: frozenset[str] = words("dame dr lady lord miss mr mrs ms mx prof sir")
    """Chains: words in front of a surname that add nothing to it ("Ms Collins", "Dr Raman"),
    so the surname refers back to the full name seen earlier (written without the full stop)."""

    reference_synonyms: tuple[str, ...] = (
        "ceo: chief executive",
        "company firm: company, firm, business, maker, drugmaker, chipmaker, carmaker, "
        "automaker, retailer, manufacturer, lender, insurer, miner, producer, supplier, "
        "developer, operator, startup, conglomerate, airline, pharma, semiconductor, inc, ltd, "
        "plc, llc, corp, corporation, se, ag, gmbh",
        "club: club, side, team",
        "commander: commander, commands, col, colonel, gen, general, brigadier, lieutenant",
        "congresswoman congressman lawmaker: rep, representative, congresswoman, congressman, "
        "senator, sen",
        "athlete: athlete, sprinter, runner, swimmer, cyclist, jumper, thrower",
        "agency: agency, administration, centers, bureau, service, commission, authority",
        "department: department, ministry, office",
        "governor: gov",
        "senator: sen",
        "president: pres",
        "secretary: sec",
    )
    """Chains: a definite reference ("the company", "the CEO") names an entity mentioned
    earlier whose description (or, for an organisation, name) holds one of these words or
    phrases ("Danish drugmaker Halvorsen Pharma", "Chief Executive Officer Katrin Albers").
    Each entry is "heads: phrase, phrase"; every head also matches itself."""

    acronym_connectors: frozenset[str] = words("and de del des di do du for of the y")
    """Chains: lower-case words inside a name an acronym skips ("Department of Health")."""
