"""Page furniture, credit lines and scraper duplicates, removed before labelling.

Cleaning works on blocks (the lines or paragraphs of the input) and then, after segmentation,
on sentences (repeats and truncated teasers). Every removal is kept with its reason; credit lines
and publisher signals ("Fuente: Kyiv Independent", "READ MORE FROM THE WASHINGTON EXAMINER") are
kept as evidence for the citation chain.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field

from scorer.article import Article, Removal
from scorer.normalise import normalise_text
from scorer.outlets import OutletKind, default_registry

# Credit lines: where the whole article comes from.
_CREDIT = re.compile(
    r"^\s*(?:fuente|source|sources|via|credit|courtesy(?: of)?|quelle|fonte|originally published "
    r"(?:by|in|at)|this (?:article|story) (?:was )?(?:first |originally )?(?:appeared|published) "
    r"(?:in|on|by))\s*[:\-–—]?\s*(?P<name>[A-Z][\w&.'’ -]{1,60}?)\s*\.?\s*$",
    re.IGNORECASE,
)
# "FRANCE 24 with AFP", "(With Reuters)": the site's own copy built on one agency's report.
_WITH_WIRE = re.compile(
    r"^\s*(?P<site>(?:[A-Z0-9][\w&.'’-]*\s+){0,4}?)\(?\s*[Ww]ith\s+"
    r"(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*\)?\s*\.?\s*$"
)
# Publisher signals: the site naming itself.
_PUBLISHER = [
    re.compile(
        r"^\s*(?:click here to )?(?:read|see) more (?:stories |news )?(?:from|at|on) "
        r"(?P<name>.+?)\s*$",
        re.I,
    ),
    re.compile(r"^\s*a message from (?P<name>.+?)\s*:?\s*$", re.I),
    re.compile(
        r"^\s*(?:subscribe to|support|follow) (?P<name>the [A-Z][\w' ]+?) (?:on|today|now)\b", re.I
    ),
    re.compile(
        r"^\s*©\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w&.' ]{1,200}?)[\s.,]*(?:all rights reserved.*)?$",
        re.I,
    ),
]

_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_DATELINE = re.compile(
    rf"^\s*(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s*\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d+\s+(?:minutes?|hours?|days?)\s+ago)"
    rf"(?:\s*[,/|]?\s*(?:at\s*)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}})?)?"
    # "Updated on: June 12, 2025 / 6:05 PM EDT / CBS Philadelphia": a station or desk after it
    rf"(?:\s*[/|]\s*[A-Z][\w .&'’-]{{1,40}})?\s*\|?\s*$",
    re.IGNORECASE,
)
_BYLINE_NAMES = r"[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]+){0,5}"
"""One to six names after "By" ("Jane Doe and Omar Farouk")."""
_BYLINE = re.compile(
    rf"^\s*(?:by|byline\s*:|written by|reporting by|words by|[-–—])\s*{_BYLINE_NAMES}\s*$", re.I
)
# A letter writer's signature and home town, a section label: "Kenneth L. Zimmerman.",
# "Huntington Beach, Calif.", "LETTERS." (case-sensitive: names are capitalised).
_SIGNATURE = re.compile(
    r"^\s*(?:[A-Z][a-z’'-]+(?: [A-Z]\.)?(?: [A-Z][\w’'-]+){1,2}"
    r"|[A-Z][\w .’'-]{1,30}, (?:Ala|Alaska|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Hawaii|Idaho|Ill|"
    r"Ind|Iowa|Kan|Ky|La|Maine|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[HJMYCD]|Ohio|Okla|"
    r"Ore|Pa|R\.I|S\.[CD]|Tenn|Texas|Utah|Vt|Va|Wash|W\.Va|Wis|Wyo|D\.C)"
    r"|[A-Z]{4,}(?: [A-Z]{2,}){0,2})\.\s*$"
)
# "By Caroline Mercer - 03/13/25 7:42 PM ET": a byline with its time stamp.
_STAMPED_BYLINE = re.compile(
    rf"^\s*by\s+{_BYLINE_NAMES}\s*[-–—|,]\s*"
    r"(?:\d{1,2}/\d{1,2}/\d{2,4}|(?:updated|published)\b)[\w/:., ]{0,30}$",
    re.I,
)
# "Rachel Ng rng@kcstar.com": a reporter's contact line.
_CONTACT = re.compile(r"^\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s+[\w.+-]+@[\w-]+\.[\w.]+\s*$")
# "Allison Reyes/The Hill", "Samuel Ortiz / Reuters file": a photo credit on its own line.
_NAME_SLASH_CREDIT = re.compile(
    r"^\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w&.'’ -]{1,40}$"
)
# "… testifies in January. Samuel Ortiz / Reuters file", "… on Feb. 11. Rachel Ng rng@kcstar.com":
# a caption with its photo credit on the same line.
_CAPTION_WITH_CREDIT = re.compile(
    r"[.!?][\"”’]?\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*"
    r"(?:/\s*[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}(?: (?:file|photo|pool|handout))?"
    r"|[\w.+-]+@[\w-]+\.[\w.]+)\s*$"
)
# "(Reporting by Leah Brennan in New York; Editing by Peter Hollis)": the wire's credit line.
_WIRE_CREDIT_LINE = re.compile(
    r"^\s*\(\s*(?:additional )?(?:reporting|writing|editing|compiled) by\b[^()]{0,400}\)\s*\.?\s*$",
    re.I,
)
_REUTERS_FORMULA = re.compile(r"\bediting by\b", re.I)
# "Contributing: Brittney Bennett and Greg Toppo, USA TODAY.", "Amanda Terkel contributed
# reporting.", "Associated Press writer Jill Colvin in Washington contributed to this report."
_CONTRIBUTORS = re.compile(
    r"^\s*(?:contributing\s*:.{1,200}"
    rf"|(?:[\w’'.-]+ ){{0,4}}{_BYLINE_NAMES}(?: in [A-Z][\w .,-]{{1,40}})?"
    r" contributed (?:reporting|to this (?:report|story|article))"
    r"(?: (?:from|in) [A-Z][\w .,-]{1,40})?\s*\.?)\s*$",
    re.I,
)
# "This article was updated to reflect that …", "An earlier version of this story misstated …"
_EDITORS_NOTE = re.compile(
    r"^\s*(?:editor'?s'? note\s*:|correction\s*:|this (?:article|story|post|report) "
    r"(?:was|has been|had been) (?:updated|corrected|amended)\b|an earlier version of this "
    r"(?:article|story|post|report)\b)",
    re.I,
)
# "Get the latest Missouri politics news straight to your inbox.", "Get the Morning Rundown
# newsletter, delivered to your inbox every weekday. Sign up here."
_NEWSLETTER = re.compile(
    r"^\s*(?:get (?:the latest|our|the [\w’' ]{1,40}? newsletter)|sign up for|subscribe to)\b"
    r".{0,160}\b(?:your inbox|newsletter)\b.{0,160}$",
    re.I,
)
_BREADCRUMB = re.compile(r"^\s*(?:home|news|start)?\s*(?:[^»›>|/\n]{1,60}\s*[»›>]\s*){2,}")
_PROMPTS = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|post a comment|add a comment|\d+\s+comments?|comments?|"
    r"share (?:this|on)\b.*|share|tweet|email|print|"
    r"follow (?:us|[\w ]{1,30}? news|[\w ]{1,30}? on \w+)\b.*|"
    r"sign up\b.*|subscribe\b.*|newsletter\b.*|get (?:our|the) \w+ newsletter.*|"
    r"(?:click|tap) here\b.*|read more\b.*|read next\b.*|read also\b.*|also read\b.*|see also\b.*|"
    r"related(?: (?:articles?|stories|news|coverage|reading))?\s*:.*|recommended(?: for you)?\b.*|"
    r"you (?:may|might) (?:also )?(?:be interested|like)\b.*|more (?:from|on) this\b.*|"
    r"most (?:read|popular)\b.*|trending\b.*|advertisement|sponsored(?: content)?|ad|skip to\b.*|"
    r"listen to (?:this|the) (?:article|story)\b.*|\d+\s*min(?:ute)?s? read|watch\s*:.*|"
    r"this site uses akismet\b.*|learn how your comment data is processed\.?|"
    r"all rights reserved\.?|copyright\b.*|cookie\b.*|we use cookies\b.*|"
    r"accept(?: all)?(?: cookies)?|"
    r"log ?in|sign ?in|register|menu|search|close|back to top|next article|previous article|"
    r"(?:photo|image|picture|video|graphic|illustration|file photo)\s*(?:credit)?\s*:.*|"
    r"thank you!?|your reminder is set\.?|remind me (?:later|next month)\.?|"
    r"not ready to (?:support|donate)\b.*|join (?:us|the conversation)\b.*|"
    r"(?:this|the) (?:article|story|post) (?:is|was) (?:filed|tagged|posted) (?:in|under)\b.*|"
    r"tags?\s*:.*|filed under\s*:?.*|topics?\s*:.*|categories\s*:.*)\s*$",
    re.IGNORECASE,
)
_APPEAL_START = re.compile(
    r"^\s*(?:a message from\b|dear (?:readers?|friends|subscribers)\b|support (?:our|independent|"
    r"quality|local) journalism\b|(?:please )?(?:donate|make a donation|become a (?:member|"
    r"supporter|patron))\b|before you go\b|we need your (?:help|support)\b|"
    r"independent journalism (?:needs|depends on)\b)",
    re.IGNORECASE,
)
_APPEAL_WORDS = re.compile(
    r"\b(?:support (?:us|our)|donat\w*|contribut\w*|subscri\w*|membership|monthly|"
    r"independent journalism|your help|reminder|paywall)\b",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    # the lookahead first: only a parenthesis closed at the end of the block is tried, so the
    # search stays linear in the block's length
    r"\((?=[^()]*\)\s*\.?\s*$)(?:[^()]*?\b(?:photo|photograph|image|picture|getty|shutterstock|"
    r"pool|file|afp|ap|reuters|epa|xinhua|sputnik|anadolu|courtesy|handout|credit)\b[^()]*)"
    r"\)\s*\.?\s*$",
    re.IGNORECASE,
)
_CAPTION_MARKERS = re.compile(
    r"\((?:left|right|centre|center|second (?:left|right)|pictured|"
    r"foreground[\w ]*|background[\w ]*|top|bottom|l|r|c)\)",
    re.I,
)
_TRUNCATED = re.compile(
    r"(?:\[\s*(?:…|\.\.\.)\s*\]|\[\s*more\s*\]|(?:…|\.\.\.)(?:\s*(?:read more|more))?\s*)$", re.I
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)\]]\s*$")


@dataclass
class CleanConfig:
    """Settings of the cleaning stage.

    Attributes:
        min_block_words: blocks shorter than this, without sentence punctuation, are interface
            text ("Once", "Monthly", "×"), except the first block (the headline).
        min_repeat_words: a sentence repeated verbatim is dropped only if it has at least this
            many words, so that short real repeats ("He declined.") survive.
        signal_max_words: a publisher or credit line ("Fuente: Kyiv Independent") names at most
            this many words; a longer "name" is prose, not a signal.
        breadcrumb_max_words: a breadcrumb trail ("Home » World » Europe") has at most this many
            words.
        prompt_max_words: a navigation line or prompt ("Share this", "Sign up for…") has at most
            this many words.
        caption_max_words: a photo caption or credit has at most this many words (a block that
            opens with the parenthesised credit is one whatever its length).
        caption_credit_words: a block right before a "Name/Outlet" photo credit line with at
            most this many words is the photo's caption.
        teaser_words: a block (not the first) ending in "…" or "[…]" with fewer words than this
            is a truncated teaser.
        sentence_teaser_words: a sentence ending in "…" with fewer words than this is a
            truncated teaser (one ending in "[…]" is, whatever its length).
        run_on_words: a line of more words than this is taken for several paragraphs run
            together and split further (`split_run_on`).
    """

    min_block_words: int = 4
    min_repeat_words: int = 5
    signal_max_words: int = 6
    breadcrumb_max_words: int = 40
    prompt_max_words: int = 25
    caption_max_words: int = 60
    caption_credit_words: int = 40
    teaser_words: int = 40
    sentence_teaser_words: int = 25
    run_on_words: int = 150

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value < 1:
                raise ValueError(f"{name} must be at least 1 (it is {value})")


@dataclass
class CleanResult:
    """What cleaning kept and took out of one text."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    signals: list[tuple[str, str]] = field(default_factory=list)


def normalise(text: str) -> str:
    """Lower-case, unify quotes and dashes, squeeze whitespace: the key for repeat detection."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[“”„\"«»]", '"', text)
    text = re.sub(r"[‘’`´]", "'", text)
    text = text.replace("''", '"')
    text = re.sub(r"[–—-]+", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _signal_name(name: str) -> str:
    """A signal's name without the punctuation around it; "The" stays, as written."""
    return name.strip(" .:;,-–—")


def _is_wire(name: str) -> bool:
    """Whether `name` is a news agency of the outlet registry ("AFP", "Reuters")."""
    outlet = default_registry().lookup(_signal_name(name))
    return outlet is not None and outlet.kind is OutletKind.WIRE_AGENCY


def _block_reason(
    block: str, position: int, signals: list[tuple[str, str]], config: CleanConfig
) -> str | None:
    """The reason a single block is furniture, or None if it is content."""
    words = _word_count(block)
    for pattern in _PUBLISHER:
        match = pattern.match(block)
        if match and _word_count(match["name"]) <= config.signal_max_words:
            signals.append(("publisher", _signal_name(match["name"])))
            return "publisher line"
    match = _CREDIT.match(block)
    if match and _word_count(match["name"]) <= config.signal_max_words:
        signals.append(("credit", _signal_name(match["name"])))
        return "credit line"
    match = _WITH_WIRE.match(block)
    if (
        match
        and position > 0
        and words <= config.signal_max_words
        and _is_wire(match["name"])
        and (not match["site"].strip() or default_registry().lookup(match["site"].strip()))
    ):  # not a subhead "Trump Speaks With AP"
        signals.append(("credit", _signal_name(match["name"])))
        return "credit line"
    if (
        _BREADCRUMB.match(block)
        and words <= config.breadcrumb_max_words
        and not _SENTENCE_END.search(block[-1:] if block.endswith(".") else "")
    ):
        return "breadcrumb"
    if _DATELINE.match(block):
        return "dateline"
    if _BYLINE.match(block) or _STAMPED_BYLINE.match(block) or _CONTACT.match(block):
        return "byline"
    match = _WIRE_CREDIT_LINE.match(block)
    if match:
        if _REUTERS_FORMULA.search(block):  # "(Reporting by …; Editing by …)" is Reuters' own
            signals.append(("credit", "Reuters"))
        return "credit line"
    if position > 0 and _SIGNATURE.match(block):
        return "signature or section label"
    if position > 0 and _CONTRIBUTORS.match(block):
        return "credit line"
    if position > 0 and _EDITORS_NOTE.match(block):
        return "editor's note"
    if _CAPTION_WITH_CREDIT.search(block) and position > 0 and words <= config.caption_max_words:
        return "photo caption or credit"
    if _NAME_SLASH_CREDIT.match(block) and words <= config.signal_max_words + 2:
        return "photo caption or credit"
    if _NEWSLETTER.match(block) and words <= config.prompt_max_words + 10:
        return "navigation or prompt"
    if _PROMPTS.match(block) and words <= config.prompt_max_words:
        return "navigation or prompt"
    if _CAPTION_CREDIT.search(block) and (
        words <= config.caption_max_words or block.lstrip().startswith("(")
    ):
        return "photo caption or credit"
    if _CAPTION_MARKERS.search(block) and words <= config.caption_max_words:
        return "photo caption"
    if position > 0 and words < config.min_block_words and not _SENTENCE_END.search(block):
        return "interface text"
    if words == 0:
        return "interface text"
    return None


def split_blocks(text: str, config: CleanConfig | None = None) -> list[str]:
    """Split raw text into blocks: one per non-empty line; run-on lines are split further.

    The text is normalised first (`scorer.normalise.normalise_text`: invisible characters
    removed, white space unified). A scraper or export that lost the line breaks leaves the
    page furniture inside one long line. Such a line (over `config.run_on_words` words) is cut
    into sentences and around inline furniture (see `split_run_on`), so the block rules still
    see each piece on its own.
    """
    config = config or CleanConfig()
    text = normalise_text(text)
    blocks: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        run_on = _word_count(line) > config.run_on_words
        blocks.extend(split_run_on(line) if run_on else [line])
    return blocks


_BREAK = "\x00"
# Where a new block starts inside a run-on line. Each pattern's match begins a block.
_BLOCK_STARTS = [
    # interface phrases that open a block of furniture
    re.compile(
        r"(?<!\s)\s+"
        r"(?=(?:leave a (?:reply|comment)|you (?:may|might) (?:also )?(?:be interested|like)|"
        r"(?:fuente|source|quelle|fonte)\s*:|read (?:more|also|next)\s*:|related\s*:|"
        r"a message from\b|dear readers\b|this site uses akismet|learn how your comment data|"
        r"follow [\w ]{1,30}? news\b|share (?:this|on)\b|sign up\b|click here\b))",
        re.IGNORECASE,
    ),
    # an emoji or pictograph opening a prompt ("🌎 Follow World news")
    re.compile(r"(?:(?<!\s)\s+)?[\u2190-\u2bff\U0001f000-\U0001faff]\s*"),
]
# Sentence ends: . ! ? … (and a closing quote or bracket), then a capital, digit or quote;
# not after an abbreviation ("Oct. 4", "the U.S. State Department", "Mr. Kim").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[”\"’)\]]?\s+(?=[“\"‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    rf"(?:\b(?:{_MONTH_NAMES}|mr|mrs|ms|dr|prof|gen|col|lt|sgt|capt|gov|sen|rep|st|no|vs|"
    r"rev|hon|pres|atty|supt|adm|maj|brig|det|insp|cpl|pvt|fr|inc|corp|co|ltd|jr|sr|approx|"
    r"est|dept|univ|fig)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$",
    re.IGNORECASE,
)
# Furniture that ends where content resumes: a shouted line, a photo credit, a dateline,
# a breadcrumb trail. A new block starts after each.
_BLOCK_ENDS = [
    # a shouted line: four or more upper-case words. A break goes after the last word, which
    # a match from a later word of a long run finds too, so runs are bounded (linear time).
    re.compile(
        r"(?<![A-Z'’&-])(?:\b[A-Z][A-Z'’&-]{0,40}\b[ ]+){3,40}[A-Z][A-Z'’&-]{0,40}\b"
        r"(?=\s+[A-Z“\"][a-z]|\s*$)"
    ),
    re.compile(r"\bleave a (?:reply|comment)\b", re.IGNORECASE),
    re.compile(r"\bFollow [A-Z][\w ]{0,30}? news\b"),
    re.compile(
        r"\((?:[^()]*?\b(?:photo|photograph|image|getty|shutterstock|pool|afp|ap|reuters|epa|"
        r"xinhua|sputnik|anadolu|courtesy|handout)\b[^()]*)\)",
        re.IGNORECASE,
    ),
]
# Furniture at the head of a block, peeled off one after another: a breadcrumb trail, a
# dateline, and a title run on into its own copy ("Home » World » Title Title Lede…").
_HEADS = [
    re.compile(
        rf"(?:(?:published|updated|posted)\s*:?\s*)?(?:{_MONTH}\s+\d{{1,2}},?\s*\d{{4}}|"
        rf"\d{{1,2}}\s+{_MONTH},?\s*\d{{4}})",
        re.IGNORECASE,
    ),
    re.compile(r"\s*(?:home|news|start)?\s*(?:[^»›>|/\n]{1,60}\s*[»›]\s*){2,}"),
    re.compile(r"((?:\S+\s+){4,30}?\S+)(?=\s+\1\b)"),
]


def split_run_on(line: str) -> list[str]:
    """Cut a run-on line into blocks: at sentence ends, and around inline furniture.

    Example:
        >>> split_run_on("Leave a Reply The mayor said so. READ MORE FROM THE POST The end.")
        ['Leave a Reply', 'The mayor said so.', 'READ MORE FROM THE POST', 'The end.']
    """
    marked = _SENTENCE_BREAK.sub(
        lambda m: m.group(0) if _ends_in_abbreviation(m.string, m.start()) else _BREAK, line
    )
    for pattern in _BLOCK_ENDS:
        marked = pattern.sub(lambda m: m.group(0) + _BREAK, marked)
    for pattern in _BLOCK_STARTS:
        marked = pattern.sub(lambda m: _BREAK, marked)
    return [piece for part in marked.split(_BREAK) for piece in _peel_heads(part.strip())]


_ABBREVIATION_WINDOW = 24
"""Characters before a sentence break that `_ABBREVIATION` reads: more than its longest match
("september.", 10) and the character before it (the word boundary)."""


def _ends_in_abbreviation(text: str, end: int) -> bool:
    """Whether `text[:end]` ends in an abbreviation; reads only the last few characters, so
    that splitting a run-on line stays linear in its length."""
    return _ABBREVIATION.search(text, max(0, end - _ABBREVIATION_WINDOW), end) is not None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _peel_heads(part: str) -> list[str]:
    """Split the furniture at the head of `part` off into blocks of their own.

    It walks `part` with an offset rather than slicing it, so that many heads in a long part
    cost linear time.
    """
    pieces: list[str] = []
    pos = 0
    while pos < len(part):
        for pattern in _HEADS:
            match = pattern.match(part, pos)
            if match and pos < match.end() < len(part):
                head = match.group(0).strip()
                pos = _skip_space(part, match.end())
                if pattern is _HEADS[-1] and len(part) - pos > len(head):  # the copy goes too
                    pieces.append(head)
                    pos = _skip_space(part, pos + len(head))
                pieces.append(head)
                break
        else:
            break
    return [*pieces, part[pos:]] if pos < len(part) else pieces


def clean_blocks(text: str, config: CleanConfig | None = None) -> CleanResult:
    """Remove furniture blocks and repeated paragraphs from a raw article text.

    Example:
        >>> result = clean_blocks("Headline here today\\nLeave a Reply\\nThe mayor said so.")
        >>> result.paragraphs, [r.reason for r in result.removed]
        (['Headline here today', 'The mayor said so.'], ['navigation or prompt'])
    """
    config = config or CleanConfig()
    result = CleanResult()
    blocks = split_blocks(text, config)
    appeal_after = _appeal_words_from(blocks)
    seen: set[str] = set()
    in_appeal = False
    for position, block in enumerate(blocks):
        key = normalise(block)
        if in_appeal:
            result.removed.append(Removal(block, "donation appeal"))
            continue
        if position > 0 and _APPEAL_START.match(block):
            if appeal_after[position]:
                in_appeal = True
                reason = _block_reason(block, position, result.signals, config)
                if reason != "publisher line":
                    reason = "donation appeal"
                result.removed.append(Removal(block, reason))
                continue
        reason = _block_reason(block, position, result.signals, config)
        if reason is None and key in seen and _word_count(block) >= config.min_repeat_words:
            reason = "repeated paragraph"
        teaser = _TRUNCATED.search(block) and _word_count(block) < config.teaser_words
        if reason is None and position > 0 and teaser:
            reason = "truncated teaser"
        if reason is not None:
            credit = _NAME_SLASH_CREDIT.match(block)
            if credit and _caption_before(blocks, position, result, config):
                caption = result.paragraphs.pop()
                result.removed.append(Removal(caption, "photo caption"))
            result.removed.append(Removal(block, reason))
            continue
        seen.add(key)
        result.paragraphs.append(block)
    return result


def _caption_before(
    blocks: list[str], position: int, result: CleanResult, config: CleanConfig
) -> bool:
    """Whether the block kept just before a photo credit ("Allison Reyes/The Hill") is its
    caption: a short block, not the headline, kept as content right before the credit."""
    return (
        position > 1
        and bool(result.paragraphs)
        and result.paragraphs[-1] == blocks[position - 1]
        and _word_count(blocks[position - 1]) <= config.caption_credit_words
    )


def _appeal_words_from(blocks: list[str]) -> list[bool]:
    """For each block, whether the blocks from it on, joined by spaces, hold an appeal word.

    One backward pass: a match that starts in a block lies in it or runs a few characters into
    the next one ("support" / "us"), so each block is searched with the head of the next.
    """
    found = [False] * (len(blocks) + 1)
    for position in range(len(blocks) - 1, -1, -1):
        block = blocks[position]
        window = block + " " + blocks[position + 1][:64] if position + 1 < len(blocks) else block
        match = _APPEAL_WORDS.search(window)
        found[position] = found[position + 1] or (match is not None and match.start() <= len(block))
    return found[: len(blocks)]


def drop_repeated_sentences(
    sentences: list[str], config: CleanConfig | None = None
) -> tuple[list[bool], list[Removal]]:
    """Mark sentences to keep: later verbatim repeats and truncated teasers go.

    A truncated teaser is a sentence ending in "[…]" or "…" whose start repeats elsewhere, or
    that ends a paragraph cut off by the scraper.
    """
    config = config or CleanConfig()
    keep: list[bool] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    for sentence in sentences:
        key = normalise(sentence)
        if _TRUNCATED.search(sentence.strip()) and (
            "[" in sentence[-8:] or _word_count(sentence) < config.sentence_teaser_words
        ):
            keep.append(False)
            removed.append(Removal(sentence, "truncated teaser"))
            continue
        if key in seen and _word_count(sentence) >= config.min_repeat_words:
            keep.append(False)
            removed.append(Removal(sentence, "repeated sentence"))
            continue
        seen.add(key)
        keep.append(True)
    return keep, removed


def apply_cleaning(article: Article, config: CleanConfig | None = None) -> Article:
    """Fill `article.paragraphs`, `removed` and `signals`; set `credit` from a credit line."""
    result = clean_blocks(article.raw, config)
    article.paragraphs = result.paragraphs
    article.removed.extend(result.removed)
    article.signals.extend(result.signals)
    if article.credit is None:
        for kind, name in result.signals:
            if kind == "credit":
                article.credit = name
                break
    return article
