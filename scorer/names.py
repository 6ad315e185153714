"""Name keys: when two written names of a source or an outlet are the same name."""

from __future__ import annotations

import re
import string
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_EDGE_PUNCT = string.punctuation + "“”‘’«»„‹›—–…·\u00a0 \t\r\n"
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


def name_key(text: str) -> str:
    """The key under which two names of a source or an outlet are the same.

    Case-folded, with curly apostrophes made straight, surrounding punctuation, a possessive
    "'s" and a leading "the " removed, and runs of white space collapsed. The outlet registry
    looks names up under this key too.

    Example:
        >>> name_key("“The Guardian’s”")
        'guardian'
    """
    key = unicodedata.normalize("NFKC", text).translate(APOSTROPHES).casefold()
    key = _SPACES.sub(" ", key).strip(_EDGE_PUNCT)
    if key.endswith("'s"):
        key = _POSSESSIVE.sub("", key).strip(_EDGE_PUNCT)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:].strip(_EDGE_PUNCT)
    return key
