"""Cue words: how a sentence says that someone said, denied or claimed something.

Readers: `baseline` is the rule classifier (`scorer.classifiers.rules`, surface forms built with
`scorer.lexicon.forms`), `chains` the chain extractor (`scorer.attribution`, lemmas off the
parse), `training` the training-label rules (`training.sourcing_rules`, `training.polnear`).
Phrase lists hold regex fragments; each reader compiles them with its own boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """A word list from a space-separated string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class CueWords:
    """Reporting, denial and claim vocabulary."""

    # --- reporting ---------------------------------------------------------------------------
    reporting_verbs: frozenset[str] = words(
        "accuse acknowledge add allege announce argue assess believe call claim comment confirm "
        "describe disclose estimate explain indicate insist note post predict quote report reveal "
        "say show state suggest tell testify warn write"
    )
    """Verbs that report speech, writing or a finding. Baseline (as surface forms), chains (as
    cue lemmas) and training (an anonymous source counts only with a reporting cue)."""

    citing_verbs: frozenset[str] = words("cite")
    """"Citing X": a deeper source for the chains ("citing", "cited"); a cue for the baseline
    and training."""

    more_reporting_verbs: frozenset[str] = words(
        "admit assert caution concede contend criticise criticize emphasize maintain promise "
        "recall reply respond stress tweet urge vow"
    )
    """Reporting verbs of the parse-based readers (chains, training). The baseline does not
    count them: on raw text they are often no speech ("maintain a road", "stress test")."""

    chain_reporting_verbs: frozenset[str] = words(
        "brand declare emphasise flag label mention pledge publish remark welcome"
    )
    """Chains only: the baseline does not count them, and as training report cues they would
    change PolNeAR labels ("officials welcome the fight")."""

    annotated_cues: frozenset[str] = words(
        "accord accusation allegation analysis ask assessment attribute blame brief chant "
        "characterize charge claims complain conclude conclusion confide contest convey counter "
        "credit criticism declare demand email expect express fear find finding forecast give "
        "hint interview joke leak memo message muse mutter observe peg point poll praise project "
        "put question raise rank rate recommend recount reiterate relay remark reports rumor "
        "shout signal speak speculate speculation statement survey suspect swear text think "
        "threaten view voice warning whisper word worry yell"
    )
    """Further PolNeAR cue words (speech acts, findings, nouns such as "statement", reported
    beliefs such as "think") that count as reporting cues for training labels."""

    cognition_verbs: frozenset[str] = words(
        "agree appear assume be believe care consider dislike doubt expect favor fear feel figure "
        "find forget get guess hate hope imagine know like love need oppose prefer realize "
        "recognize remember see seem support suppose suspect think trust understand view want "
        "wish wonder worry"
    )
    """Cues of a state of mind. Training: a generic group's feelings ("voters like him") are
    not sourcing, so such sentences are dropped."""

    weak_reporting_verbs: frozenset[str] = words("indicate reveal show suggest")
    """Chains: cues only at the top of a sentence whose subject is a document or a claim
    ("the report shows"); "the searches showed" is not a source."""

    surfacing_verbs: frozenset[str] = words("appear circulate emerge spread surface")
    """Chains: "reports surfaced on social media" makes the place the source."""

    report_preps: frozenset[str] = words("by from in")
    """Chains: "a report from/by/in X" makes the outlet or document X the source."""

    surfacing_preps: frozenset[str] = words("in on")
    """Chains: "rumours surfaced on/in X" makes the place X the source."""

    gerund_cues: frozenset[str] = words("cite quote say")
    """Baseline: verbs whose -ing form is a cue too ("…, saying that", "citing", "quoting")."""

    inflected_only_cues: frozenset[str] = words(
        "add call comment explain note post reveal show suggest write"
    )
    """Baseline: reporting verbs whose bare form it does not count (on raw text often a noun
    or no report: "a note", "the show", "no comment"); their inflected forms count."""

    object_cues: tuple[str, ...] = ("call it", "call the", "call them")
    """Baseline: verbs that are cues only before these words ("called it a hoax"), inflected
    in their first word ("calls it", "called the")."""

    fixed_cues: tuple[str, ...] = ("according to", "reportedly")
    """Baseline: cue phrases with no inflection."""

    baseline_form_gaps: frozenset[str] = words("debunking discloses indicates reveals rebutting")
    """Baseline: inflected forms the baseline has never matched. Kept out so that its labels
    (the published comparison for the model) stay as they were."""

    hearsay_phrases: tuple[str, ...] = (
        "reportedly",
        "(?:is|are|was|were) (?:said|reported|rumou?red) to",
        "reports (?:indicate|suggest|say|said|show)",
        "according to (?:media |news |local |press )?reports",
    )
    """Chains: a sentence with no other source but this hearsay gets the source "reports"."""

    sourceless_cues: tuple[str, ...] = (
        "reportedly",
        "allegedly",
        "(is|are|was|were|has been|have been) (said|reported|rumou?red)",
        "it is said",
        "said to",
    )
    """Training: a PolNeAR cue with no source span that marks hearsay, an anonymous source."""

    # --- denials -----------------------------------------------------------------------------
    denial_verbs: frozenset[str] = words("deny dismiss dispute rebut refute reject")
    """Verbs that deny a claim while reporting the denier. Baseline (a denial verb and a claim),
    chains (cues, and the chain a denial sentence leads with), training (denial trigger)."""

    rebuttal_verbs: frozenset[str] = words("debunk")
    """Verbs that reject a claim without reporting speech: denials for the baseline and
    training, not cues of the chains."""

    parsed_rebuttal_verbs: frozenset[str] = words("contest deride repudiate scoff")
    """Training only: its parse checks what they reject; on raw text "contests", "derided him"
    are too often no denial."""

    phrasal_denial_verbs: frozenset[str] = words("push")
    """Verbs that deny only as "<verb> back on/against/at" ("pushed back on the report").
    Baseline (past tense) and training."""

    push_back_preps: frozenset[str] = words("against at on")
    """The prepositions after "pushed back" that point at the rejected claim."""

    labeling_verbs: frozenset[str] = words(
        "brand call characterise characterize describe dismiss label term"
    )
    """Training: "called the report false", "described the claims as fabricated"."""

    non_claim_objects: tuple[str, ...] = (
        "entry",
        "bail",
        "access",
        "a visa",
        "visas",
        "permission",
    )
    """Baseline: what one is denied rather than what one denies ("denied bail")."""

    negators: frozenset[str] = words("not n't never no refuse decline fail stop won't")
    """Training: a denial verb under these ("refused to deny", "did not deny") is none."""

    non_answers: tuple[str, ...] = (
        "declin\\w+ to (comment|confirm|say|discuss|elaborate|respond)",
        "could not (be reached|confirm)",
        "did not (respond|return|immediately)",
        "would not (say|comment|confirm|discuss)",
        "no comment",
        "not immediately",
        "had no (specific )?(information|comment)",
    )
    """Training: declining to comment is no denial."""

    # --- what a denial is about --------------------------------------------------------------
    claim_nouns: frozenset[str] = words("allegation claim report rumor rumour speculation")
    """Nouns for a claim, with their plurals. Baseline and training (the object of a denial),
    chains ("the report shows", "rumours surfaced": a cue with a claim as subject)."""

    denied_claim_nouns: frozenset[str] = words(
        "accusation assertion charge notion story suggestion"
    )
    """Further claim nouns (with plurals) for denials: baseline and training."""

    singular_claim_nouns: frozenset[str] = words("idea")
    """Claim nouns only in the singular ("denied the idea that …"; "his ideas" are proposals):
    baseline and training."""

    denied_involvement: frozenset[str] = words("involvement knowledge wrongdoing")
    """"Denied any wrongdoing": baseline and training."""

    more_claim_nouns: frozenset[str] = words(
        "account accuracy affair analysis argument article assessment attack authenticity buzz "
        "characterisation characterization chatter comparison complaint conclusion connection "
        "conspiracy contact contention criticism description evidence existence fact-check "
        "finding headline hoax implication impression inference insinuation interpretation item "
        "link narrative news perception piece point portrayal premise rating relationship "
        "reporting responsibility role talk theory tie truth validity version"
    )
    """Training: further things a denial can be about (with plurals). Remarks, concerns and
    polls are left out: rejecting them is disagreement, not denial."""

    claim_pronouns: frozenset[str] = words("it that them these this those")
    """Training: pronouns standing for a claim ("denied that", "dismissed it")."""

    baseline_denial_objects: frozenset[str] = words("any being having sending that using")
    """Baseline: words after a denial verb that also make it a denial on raw text ("denied
    that", "denied any", "denied having"); the training rule reads these off the parse."""

    # --- calling a claim false ---------------------------------------------------------------
    false_words: tuple[str, ...] = (
        "false",
        "falsehoods?",
        "fake",
        "untrue",
        "not true",
        "no truth",
        "baseless",
        "bogus",
        "groundless",
        "unfounded",
        "fabricat\\w*",
        "nonsense",
        "categorically",
        "a lie",
        "lies",
        "hoax",
        "smears?",
    )
    """Words that call a claim false: baseline (with a denial verb) and training."""

    more_false_words: tuple[str, ...] = (
        "ridiculous",
        "absurd",
        "lying",
        "inaccurate",
        "without merit",
        "made[- ]up",
        "garbage",
        "preposterous",
        "laughable",
        "totally wrong",
        "completely wrong",
        "flat wrong",
        "flatly wrong",
        "dead wrong",
        "wrong",
        "misleading",
        "a distortion",
        "distorted",
        "a myth",
        "false narrative",
        "conspiracy theor\\w*",
        "fiction",
        "fantasy",
        "phony",
        "hogwash",
        "malarkey",
        "nothing to it",
        "not accurate",
        "never happened",
        "did not happen",
        "didn't happen",
    )
    """Training: further words that call a claim false (after "dismissed … as", "called …")."""

    hoax_phrases: tuple[str, ...] = ("fake news", "hoax")
    """Baseline: calling something this is a denial even without a denial verb."""

    false_adjectives: frozenset[str] = words(
        "absurd baseless bogus erroneous fabricated fake false groundless inaccurate incorrect "
        "laughable misleading nonsensical phony preposterous ridiculous silly unfounded untrue "
        "wrong"
    )
    """Training: "the report is false"."""

    false_nouns: frozenset[str] = words(
        "distortion fabrication falsehood fantasy fiction garbage hoax hogwash lie lies malarkey "
        "myth nonsense smear"
    )
    """Training: "that's a lie"."""

    true_adjectives: frozenset[str] = words("accurate correct true")
    """Training: "that is not true"."""
