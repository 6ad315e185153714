"""The span head: SOURCE, CUE and CONTENT spans tagged on the sentence classifier's tokens.

One encoder, two heads. The classifier's encoder runs once per (sentence, context) pair; its
[CLS] gives the sentence label, and this head reads the hidden states of the sentence's words
(the first word piece of each spaCy token; layers 2, 4 and 6 concatenated) and tags them
B/I/O for each span type with a small BiLSTM. It is trained on PolNeAR's human attribution
spans by `training.span_head` and ships beside the classifier as `spans.safetensors` and
`spans.json`; a model directory without them has no span head.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer import errors
from scorer.article import AttributionSpan

SPAN_WEIGHTS = "spans.safetensors"
SPAN_META = "spans.json"
SPAN_TYPES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O", "B", "I")


def span_module(dim: int, hidden: int) -> Any:
    """The head's layers (a torch `ModuleDict`): a BiLSTM, dropout, and B/I/O logits per type."""
    import torch

    return torch.nn.ModuleDict(
        {
            "lstm": torch.nn.LSTM(dim, hidden, batch_first=True, bidirectional=True),
            "drop": torch.nn.Dropout(0.2),
            "out": torch.nn.Linear(2 * hidden, len(SPAN_TYPES) * len(TAGS)),
        }
    )


def span_logits(module: Any, batch: Any, lengths: Sequence[int] | None = None) -> Any:
    """Logits `(B, T, types, tags)` for padded word vectors `(B, T, dim)`.

    With `lengths` the rows are packed, so a row's tags do not depend on the padding its
    batch neighbours cause.
    """
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    if lengths is None:
        hidden, _ = module["lstm"](batch)
    else:
        packed = pack_padded_sequence(batch, list(lengths), batch_first=True, enforce_sorted=False)
        hidden, _ = pad_packed_sequence(
            module["lstm"](packed)[0], batch_first=True, total_length=batch.shape[1]
        )
    out = module["out"](module["drop"](hidden))
    return out.view(*out.shape[:2], len(SPAN_TYPES), len(TAGS))


def decode_bio(tags: Sequence[str]) -> list[tuple[int, int]]:
    """The word spans `(first, last + 1)` of a BIO sequence; a stray `I` opens a span.

    Example:
        >>> decode_bio(["B", "I", "O", "I", "B"])
        [(0, 2), (3, 4), (4, 5)]
    """
    spans: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I":
            spans.append((start, i))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = i
    return spans


def first_pieces(
    words: Sequence[tuple[int, int]], offsets: Sequence[Sequence[int]], sequence_ids: Sequence
) -> list[int]:
    """For each word `(start, end)` of the first sequence, the index of its first word piece
    (or the nearest one before it, for a word the tokenizer merged). Words the tokenizer
    truncated away (past the last piece kept, or before the first) are left out: the list is
    the kept words' pieces, in order, for `kept_words` to line up."""
    pieces = [
        (i, s, e)
        for i, ((s, e), seq) in enumerate(zip(offsets, sequence_ids))
        if seq == 0 and e > s
    ]
    if not pieces:
        return []
    out, k = [], 0
    for start, end in words:
        if end <= pieces[0][1] or start >= pieces[-1][2]:
            continue  # truncated away
        while k < len(pieces) and pieces[k][2] <= start:
            k += 1
        out.append(pieces[min(k, len(pieces) - 1)][0])
    return out


def kept_words(
    words: Sequence[tuple[int, int]], offsets: Sequence[Sequence[int]], sequence_ids: Sequence
) -> list[tuple[int, int]]:
    """The words `first_pieces` keeps (those the tokenizer did not truncate away)."""
    spans = [(s, e) for (s, e), seq in zip(offsets, sequence_ids) if seq == 0 and e > s]
    if not spans:
        return []
    return [(a, b) for a, b in words if not (b <= spans[0][0] or a >= spans[-1][1])]


@dataclass
class SpanTagger:
    """The loaded span head: which encoder layers it reads, and its layers."""

    layers: tuple[int, ...]
    module: Any

    @classmethod
    def load(cls, directory: Path) -> SpanTagger | None:
        """The head in a model directory, or None where the directory has none.

        Raises:
            ModelError: the files are there but do not load.
        """
        weights, meta_path = directory / SPAN_WEIGHTS, directory / SPAN_META
        if not weights.exists():
            return None
        import torch
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            state = {k: v.to(torch.float32) for k, v in load_file(str(weights)).items()}
            dim = state["lstm.weight_ih_l0"].shape[1]
            module = span_module(dim, int(meta["hidden"]))
            module.load_state_dict(state)
            module.eval()
        except (OSError, ValueError, KeyError, RuntimeError, SafetensorError) as exc:
            raise errors.ModelError(errors.E_SPAN_HEAD.format(path=weights, detail=exc)) from None
        return cls(layers=tuple(int(x) for x in meta["layers"]), module=module)

    def tag(
        self,
        hidden_states: Sequence[Any],
        pieces: list[list[int]],
        words: list[Sequence[tuple[int, int]]],
    ) -> list[list[AttributionSpan]]:
        """Spans per row of a batch, from the encoder's hidden states (all layers, as the
        model returns them), each row's first-piece indices and its words' offsets."""
        import torch

        stacked = torch.cat([hidden_states[k] for k in self.layers], dim=-1).float()
        length = max((len(p) for p in pieces), default=0)
        out: list[list[AttributionSpan]] = [[] for _ in pieces]
        if length == 0:
            return out
        batch = torch.zeros(len(pieces), length, stacked.shape[-1])
        for i, row in enumerate(pieces):
            if row:
                batch[i, : len(row)] = stacked[i, row]
        lengths = [max(1, len(row)) for row in pieces]
        best = span_logits(self.module, batch, lengths).argmax(-1).numpy()
        for i, row in enumerate(pieces):
            for k, kind in enumerate(SPAN_TYPES):
                tags = [TAGS[t] for t in best[i, : len(row), k]]
                for first, last in decode_bio(tags):
                    out[i].append(
                        AttributionSpan(kind.lower(), words[i][first][0], words[i][last - 1][1])
                    )
        return out
