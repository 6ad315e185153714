"""Source words: the nouns that head a source, and what kind of source each makes.

Readers as in `scorer.lexicon.cues`: `baseline`, `chains`, `training`.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorer.lexicon.cues import words


@dataclass(frozen=True)
class SourceWords:
    """Nouns for people, groups, documents, outlets and institutions that speak."""

    # --- unnamed people ----------------------------------------------------------------------
    anonymous_roles: frozenset[str] = words(
        "aide analyst critic diplomat expert insider observer official resident source witness"
    )
    """People described by role, anonymous unless named. Baseline (plurals: "officials said"),
    chains (singular and plural heads of an anonymous source), training (person heads)."""

    anonymous_groups: frozenset[str] = words(
        "accounts activists americans authorities bloggers channel channels commentators "
        "employee employees executives staff staffer staffers worker workers "
        "investigators lawmakers legislators media member members people person press report "
        "reports rumor rumors rumour rumours russians ukrainians users watchdogs witnesses"
    )
    """Chains: further heads of an anonymous source ("lawmakers", "the media", "reports")."""

    baseline_anonymity: tuple[str, ...] = (
        "source",
        "anonymity",
        "not authori[sz]ed",
        "it is understood",
        "reports",
        "reportedly",
        "rumou?rs?",
        "media",
        "press",
        "telegram channels",
        "people (?:close to|familiar|with knowledge)",
        "person (?:familiar|briefed|close)",
        "(?:an?|one|the|senior|an? senior) (?:\\w+ ){0,3}official",
    )
    """Baseline: further marks of an anonymous source on raw text."""

    anonymity_phrases: tuple[str, ...] = (
        "condition of anonymity",
        "asked not to be (?:named|identified)",
        "speaking anonymously",
        "not authori[sz]ed to",
        "unnamed",
        "anonymous",
        "unidentified",
    )
    """Phrases that make a source anonymous: baseline, chains (in the source span), training
    (in the source span and the sentence)."""

    more_anonymity_phrases: tuple[str, ...] = (
        "declined to be (?:named|identified)",
        "requested anonymity",
        "on condition (?:that )?(?:he|she|they) not be (?:named|identified)",
        "(?:would|did) not be (?:named|identified)",
        "anonymously",
        "on background",
    )
    """Further anonymity phrases of the parse-based readers (chains, training)."""

    insider_phrases: tuple[str, ...] = ("familiar with", "close to the")
    """Training: insiders ("people familiar with the matter") are anonymous. The chains type
    such sources by their head noun ("people") instead."""

    not_insider_phrases: tuple[str, ...] = ("familiar with (the|his|her) (plan|issue|matter)s?",)
    """Training: "familiar with the plan" in a sentence with a named speaker is no anonymity."""

    unnamed_roles: frozenset[str] = words(
        "adviser advisor aide associate confidant individual insider official operative person "
        "source staffer strategist"
    )
    """Training: singular roles whose definite back-reference ("the source") stays anonymous
    when no earlier source matches it."""

    person_heads: frozenset[str] = words(
        "activist administrator adviser advisor advocate agent ally associate attendee attorney "
        "authority backer colleague confidant conservative consultant counsel defender delegate "
        "democrat detractor doctor donor economist employee executive fan figure follower friend "
        "historian individual intelligence investigator lawmaker lawyer legislator liberal "
        "loyalist man member negotiator officer operative opponent organizer participant people "
        "person physician player politician pollster progressive proponent representative "
        "republican researcher scholar scientist someone speaker staffer strategist supporter "
        "veteran voter woman worker"
    )
    """Training: with `anonymous_roles`, `office_titles` and `spokespeople`, people described by
    role or group: unnamed even when a name modifies them ("Clinton aides", "a Trump campaign
    official")."""

    generic_people: frozenset[str] = words(
        "all american anyone attendee audience child citizen conservative crowd democrat "
        "electorate everyone family fan few folk half independent individual kid liberal majority "
        "man many member men millennial minority most nobody none others parent people percent "
        "person public reader republican resident respondent some someone supporter viewer voter "
        "woman women worker"
    )
    """Training: the public at large; its beliefs and feelings are not sourcing."""

    poll_heads: frozenset[str] = words(
        "% american half likely majority number percent plurality proportion quarter respondent "
        "share third voter"
    )
    """Training: poll respondents ("62 percent of voters said"); such sentences are dropped."""

    known_set_heads: frozenset[str] = words(
        "brother campaign candidate contender couple duo family man nominee pair party rival "
        "sister ticket woman"
    )
    """Training: definite plurals that pick out known people ("both candidates")."""

    # --- titled and speaking people ----------------------------------------------------------
    office_titles: frozenset[str] = words(
        "chief congressman director governor head leader manager mayor senator"
    )
    """Titles that pick out one person ("the mayor", "the defence chief"): chains (a titled
    head is a person) and training (a person head)."""

    title_heads: frozenset[str] = words(
        "ambassador captain ceo chair chairman chairwoman chancellor coach commander "
        "commissioner congresswoman councillor councilor editor envoy founder general judge king "
        "minister owner pope premier president prince prosecutor queen secretary sheriff "
        "superintendent"
    )
    """Chains: further titles of one person ("Germany's chief defence official")."""

    spokespeople: frozenset[str] = words("spokesman spokesperson spokeswoman")
    """Speak for an organisation. Baseline ("the spokeswoman said" leans on the sentence
    before), chains (the organisation named beside them is the source; "the spokesman" refers
    back) and training (a person head)."""

    spokes_heads: frozenset[str] = words("press-secretary representative")
    """Chains: with `spokespeople`, heads that speak for the organisation named beside them."""

    # --- documents ---------------------------------------------------------------------------
    document_heads: frozenset[str] = words(
        "analysis assessment audit complaint data document documents estimates figures filing "
        "filings lawsuit letter memo poll press-release record records release report review "
        "ruling statement study survey transcript"
    )
    """Heads of a document source: chains (kind "document") and training (a thing, named by a
    proper noun inside: "a CNN poll")."""

    unnamed_person_heads: frozenset[str] = words(
        "activist adviser advisor aide analyst colleague consultant contractor delegate "
        "diplomat doctor donor driver employee engineer executive expert farmer friend insider "
        "lawyer lobbyist member neighbor neighbour nurse officer official operative person "
        "physician producer protester relative reporter resident soldier source staffer "
        "strategist student supporter teacher volunteer voter witness worker"
    )
    """Chains: with `titles`, heads of one unnamed person after "a"/"an"/"one"/"another" ("a
    nurse at a Bristol hospital"): an anonymous source whose typing sets the label."""

    poll_nouns: frozenset[str] = words("poll survey")
    """Chains: a document hop whose name holds one is a poll; the sentences that go on giving its
    figures are its findings (`scorer.polls`)."""

    poll_finding_words: frozenset[str] = words(
        "approval approve approved approves chose disapproval disapprove disapproved edge "
        "favorability favorable favorite lag lagging lags lead leading leads margin prefer "
        "preferred prefers rating ratings receive received receives respondent respondents "
        "showing surveyed trail trailing trails undecided unfavorable"
    )
    """Chains: with a share or score ("41 percent", "46-35"), a sentence that reports what a
    poll's respondents answered ("Trump leads 34-27", "12 percent are undecided")."""

    poll_answer_verbs: frozenset[str] = words(
        "back backs choose chooses favor favors said say says support supports would"
    )
    """Chains: verbs of a poll's answer right after a share ("Sixty-six percent said …", "27
    percent of Republicans would vote …"); elsewhere too common to mark a finding."""

    poll_result_words: frozenset[str] = words(
        "carried caucuses contest contests lost turnout victories victory won"
    )
    """Chains: a figure with one of these is an election's result, not a poll's finding
    ("Obama won Latino voters by 71 percent")."""

    chain_document_heads: frozenset[str] = words("indictment")
    """Chains only: as a training document head it would change a PolNeAR label."""

    more_document_heads: frozenset[str] = words(
        "account ad article blog book broadcast column count editorial email estimate feed "
        "forecast interview investigation model op-ed page paper piece post projection "
        "publication site story tweet video website"
    )
    """Training: further report-like heads."""

    # --- outlets -----------------------------------------------------------------------------
    outlet_nouns: frozenset[str] = words(
        "agency broadcaster broadsheet channel daily magazine network newspaper outlet paper "
        "station tabloid website weekly"
    )
    """Chains: common nouns for an outlet. They introduce its name ("broadcaster NHK"), refer
    back to it ("the newspaper") and describe it ("Japanese broadcaster NHK")."""

    outlet_references: frozenset[str] = words("publication site")
    """Chains: refer back to and describe an outlet, but introduce no name ("the site")."""

    wire_words: frozenset[str] = words("service wire")
    """Chains: describe an outlet ("wire service AP"); "the service" alone is often a
    government body."""

    masthead_words: frozenset[str] = words(
        "broadcasting bulletin chronicle courier daily dispatch examiner express gazette globe "
        "herald inquirer journal ledger mirror monitor news newspaper observer post radio "
        "register sentinel standard star telegraph television times tribune tv weekly"
    )
    """Chains: the last word of an outlet's name ("the Calder Courier") and outlet descriptors."""

    broadcaster_first_words: frozenset[str] = words("radio television télévision tv")
    """Chains: the first word of a broadcaster's name ("Radio Okapi")."""

    # --- organisations -----------------------------------------------------------------------
    organization_heads: frozenset[str] = words(
        "administration army attorney attorneys authority bank board campaign club company "
        "council embassy family firm group lawyer lawyers military office party police regulator "
        "team union"
    )
    """Chains: further nouns that can head a source (with `institution_heads` and the lists
    above); a cue whose subject is any other noun is no source ("the searches confirmed")."""

    function_institutions: frozenset[str] = words(
        "administration army coroner court government military ministry navy police prosecutors"
    )
    """One identifiable body named by its function ("Police said", "the court heard",
    "prosecutors allege"): LABELS.md counts it a named source. Chains: typed an organisation,
    and its chain sets `named-source` over the classifier's `anonymous-source`
    (`scorer.consistency`)."""

    institution_heads: frozenset[str] = words(
        "agency commission committee congress court department government judge jury "
        "legislature ministry panel parliament senate tribunal"
    )
    """Institutions, public and identifiable even when introduced indefinitely ("a federal
    appeals court ruled"): training; the chains count them as source heads too."""
