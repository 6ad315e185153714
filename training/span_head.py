"""A span head on the sentence classifier's encoder: SOURCE / CUE / CONTENT tags per token.

One encoder, two heads: the shipped classifier's encoder runs once per (sentence, context)
pair; its [CLS] gives the label, and this head reads the hidden states of the sentence's
tokens (several layers, concatenated) and tags them B/I/O for each span type with a small
BiLSTM. The encoder stays frozen, so the label accuracy is exactly that of the shipped model,
and the head adds about 3 MB.

Trained on PolNeAR train's human span annotations (`training.spans` rows, text read from
../shared), checkpoints picked on a held-out slice of PolNeAR train articles (PolNeAR dev
articles are the real-news test split's main source), then reported on PolNeAR dev with
`training.spans.span_f1`.

Usage:
    python -m training.span_head features --split train   # hidden states, cached (fp16)
    python -m training.span_head features --split dev
    python -m training.span_head train --out runs/span-head
    python -m training.span_head eval runs/span-head --split dev
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from scorer.classifiers.spans import SPAN_TYPES, decode_bio
from training.span_scores import TypedSpan, format_table, span_f1

BUILD = Path("training/build")
LAYERS = (2, 4, 6)  # hidden states read by the head (0 = embeddings)
TAGS = ("O", "B", "I")
CONTEXT = 2


def _rows(split: str) -> list[dict]:
    path = BUILD / f"spans_{split}.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _texts(split: str) -> dict[str, str]:
    from training.polnear import DEFAULT_ROOT, read_articles

    return {a.stem: a.text for a in read_articles(DEFAULT_ROOT, (split,))}


def encode_split(split: str, model_dir: Path, *, precision: str = "int8") -> Path:
    """Hidden states of every PolNeAR sentence's tokens (first word piece), cached as .npz."""
    import torch

    from scorer.classifiers.transformer import TransformerClassifier, encode_pairs

    classifier = TransformerClassifier.load(model_dir, precision=precision)
    tokenizer, model = classifier.tokenizer, classifier.model
    rows, texts = _rows(split), _texts(split)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    features: list[np.ndarray] = []
    keys: list[tuple[str, int]] = []
    started = time.perf_counter()
    with torch.inference_mode():
        for n, (article, sentences) in enumerate(by_article.items()):
            text = texts[article]
            plain = [text[r["start"] : r["end"]] for r in sentences]
            contexts = [" ".join(plain[max(0, i - CONTEXT) : i]) for i in range(len(plain))]
            encoded = encode_pairs(
                tokenizer,
                list(zip(plain, contexts)),
                classifier.max_length,
                return_offsets_mapping=True,
                return_tensors="pt",
            )
            offsets = encoded.pop("offset_mapping")
            sequence_ids = [encoded.sequence_ids(i) for i in range(len(plain))]
            out = model(**encoded, output_hidden_states=True)
            hidden = torch.cat([out.hidden_states[k] for k in LAYERS], dim=-1)
            for i, row in enumerate(sentences):
                first = _first_pieces(row, offsets[i].tolist(), sequence_ids[i])
                vectors = hidden[i, first].numpy().astype(np.float16)
                features.append(vectors)
                keys.append((article, row["sentence"]))
            if n % 50 == 0:
                print(
                    f"{split}: {n}/{len(by_article)} articles, "
                    f"{time.perf_counter() - started:.0f} s",
                    flush=True,
                )
    out_path = BUILD / f"span_features_{split}.npz"
    np.savez(
        out_path,
        lengths=np.array([len(f) for f in features]),
        features=np.concatenate(features),
        keys=np.array([f"{a}\t{s}" for a, s in keys]),
    )
    return out_path


def _first_pieces(row: dict, offsets: list[list[int]], sequence_ids: list) -> list[int]:
    """For each PolNeAR token of the sentence, the index of its first word piece (or the
    nearest one before it, for a token the tokenizer truncated or merged)."""
    base = row["start"]
    pieces = [
        (i, s + base, e + base)
        for i, ((s, e), seq) in enumerate(zip(offsets, sequence_ids))
        if seq == 0 and e > s
    ]
    out, k = [], 0
    for start, _end in row["tokens"]:
        while k < len(pieces) and pieces[k][2] <= start:
            k += 1
        out.append(pieces[min(k, len(pieces) - 1)][0] if pieces else 0)
    return out


def _load(split: str) -> tuple[list[np.ndarray], list[dict]]:
    data = np.load(BUILD / f"span_features_{split}.npz")
    lengths, flat = data["lengths"], data["features"]
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    features = [flat[bounds[i] : bounds[i + 1]] for i in range(len(lengths))]
    rows = _rows(split)
    keys = [tuple(k.split("\t")) for k in data["keys"]]
    assert [(r["article"], str(r["sentence"])) for r in rows] == keys, "features out of date"
    return features, rows


def _targets(row: dict) -> np.ndarray:
    return np.array([[TAGS.index(t) for t in row[kind.lower()]] for kind in SPAN_TYPES]).T


class SpanHead:
    """BiLSTM over the encoder's token states → B/I/O logits per span type (the shipped
    head's layers: `scorer.classifiers.spans.span_module`)."""

    def __init__(self, dim: int, hidden: int = 160) -> None:
        from scorer.classifiers.spans import span_module

        self.module = span_module(dim, hidden)

    def logits(self, batch, lengths=None):  # batch: (B, T, dim) padded
        from scorer.classifiers.spans import span_logits

        return span_logits(self.module, batch, lengths)


def _pad(features: list[np.ndarray]):
    import torch

    length = max(len(f) for f in features)
    out = torch.zeros(len(features), length, features[0].shape[1])
    for i, f in enumerate(features):
        out[i, : len(f)] = torch.from_numpy(f.astype(np.float32))
    return out


def predict_tags(head: SpanHead, features: list[np.ndarray]) -> list[np.ndarray]:
    import torch

    head.module.eval()
    out = []
    with torch.inference_mode():
        order = sorted(range(len(features)), key=lambda i: len(features[i]))
        results: dict[int, np.ndarray] = {}
        for start in range(0, len(order), 128):
            chunk = [i for i in order[start : start + 128] if len(features[i])]
            if not chunk:
                continue
            logits = head.logits(
                _pad([features[i] for i in chunk]), [len(features[i]) for i in chunk]
            )
            best = logits.argmax(-1).numpy()
            for j, i in enumerate(chunk):
                results[i] = best[j, : len(features[i])]
        for i in range(len(features)):
            out.append(results.get(i, np.zeros((0, len(SPAN_TYPES)), dtype=int)))
    return out


def score(rows: list[dict], tags: list[np.ndarray]) -> dict:
    gold, pred = [], []
    for row, predicted in zip(rows, tags):
        doc = (row["article"], row["sentence"])
        for k, kind in enumerate(SPAN_TYPES):
            gold += [TypedSpan(doc, kind, s, e) for s, e in decode_bio(row[kind.lower()])]
            labels = [TAGS[t] for t in predicted[:, k]] if len(predicted) else []
            pred += [TypedSpan(doc, kind, s, e) for s, e in decode_bio(labels)]
    return span_f1(gold, pred)


def train(
    out: Path, *, epochs: int = 6, seed: int = 13, held_out: float = 0.1, hidden: int = 160
) -> None:
    import torch
    from safetensors.torch import save_file

    random.seed(seed)
    torch.manual_seed(seed)
    features, rows = _load("train")
    articles = sorted({r["article"] for r in rows})
    random.Random(seed).shuffle(articles)
    held = set(articles[: int(len(articles) * held_out)])
    train_idx = [i for i, r in enumerate(rows) if r["article"] not in held and len(features[i])]
    held_idx = [i for i, r in enumerate(rows) if r["article"] in held]
    head = SpanHead(features[0].shape[1], hidden)
    optimiser = torch.optim.AdamW(head.module.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = epochs * ((len(train_idx) + 31) // 32)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=2e-3, total_steps=steps)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-1)
    best, out = -1.0, Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for epoch in range(epochs):
        head.module.train()
        order = sorted(train_idx, key=lambda i: (len(features[i]) // 8, random.random()))
        batches = [order[i : i + 32] for i in range(0, len(order), 32)]
        random.shuffle(batches)
        started = time.perf_counter()
        for batch in batches:
            inputs = _pad([features[i] for i in batch])
            target = torch.full((len(batch), inputs.shape[1], len(SPAN_TYPES)), -1)
            for j, i in enumerate(batch):
                target[j, : len(features[i])] = torch.from_numpy(_targets(rows[i]))
            logits = head.logits(inputs, [len(features[i]) for i in batch])
            loss = loss_fn(logits.reshape(-1, len(TAGS)), target.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        scores = score(
            [rows[i] for i in held_idx], predict_tags(head, [features[i] for i in held_idx])
        )
        f1 = scores["SOURCE"].overlap.f1
        print(
            f"epoch {epoch + 1}: held-out SOURCE overlap F1 {f1:.3f}, exact "
            f"{scores['SOURCE'].exact.f1:.3f}, CUE overlap {scores['CUE'].overlap.f1:.3f} "
            f"({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        if f1 > best:
            best = f1
            save_file(
                {k: v.contiguous() for k, v in head.module.state_dict().items()},
                str(out / "spans.safetensors"),
            )
            (out / "spans.json").write_text(
                json.dumps(
                    {
                        "layers": LAYERS,
                        "tags": TAGS,
                        "span_types": SPAN_TYPES,
                        "hidden": hidden,
                        "epoch": epoch + 1,
                        "epochs": epochs,
                        "held_out_source_overlap_f1": round(f1, 4),
                    },
                    indent=1,
                )
            )


def evaluate(directory: Path, split: str) -> dict:
    from safetensors.torch import load_file

    features, rows = _load(split)
    meta = json.loads((Path(directory) / "spans.json").read_text())
    head = SpanHead(features[0].shape[1], meta["hidden"])
    head.module.load_state_dict(load_file(str(Path(directory) / "spans.safetensors")))
    scores = score(rows, predict_tags(head, features))
    print(format_table(scores))
    return scores


SECTION = "## Span head"


def span_card(meta: dict) -> str:
    """The model card's span-head section, from the shipped `spans.json`."""
    if meta.get("joint"):
        how = (
            "It was trained together with the encoder and the label head on PolNeAR train's "
            "human attribution spans (`training.joint`, see the recipe above)."
        )
    else:
        how = (
            "The encoder is frozen while the head trains, so the labels above are unchanged by "
            "it. Trained on PolNeAR train's human attribution spans (`python -m "
            "training.span_head features --split train`, then `train --out DIR --epochs "
            f"{meta['epochs']} --hidden {meta['hidden']}`; epoch picked on 10% of the train "
            "articles held out), shipped with `python -m training.span_head ship DIR`."
        )
    rows = "\n".join(
        f"| {kind} | {m['exact']:.3f} | {m['overlap']:.3f} | {m['tokens']:.3f} |"
        for kind, m in meta["dev"].items()
    )
    return f"""{SECTION}

`spans.safetensors` ({meta["size_mb"]:.1f} MB, fp16) is a second head on this encoder: a
BiLSTM (hidden {meta["hidden"]}) over the hidden states of encoder layers
{", ".join(str(x) for x in meta["layers"])} at each word's first word piece, tagging SOURCE,
CUE and CONTENT spans (B/I/O) in the same forward pass that labels the sentence. {how}

PolNeAR dev, span F1 (exact match, greedy token-overlap match, token level):

| span | exact | overlap | tokens |
|---|---|---|---|
{rows}

Published references: CofeNet reports SOURCE F1 83.2 on PolNeAR, Citron SOURCE 82.0 / CUE 82.3
on PARC 3.0. The pipeline uses SOURCE spans where the parse finds no source of its own.
"""


def ship(directory: Path, model: Path) -> None:
    """Install a trained head in a model directory (fp16) and write its card section."""
    import torch
    from safetensors.torch import load_file, save_file

    scores = evaluate(directory, "dev")
    state = load_file(str(directory / "spans.safetensors"))
    target = model / "spans.safetensors"
    save_file({k: v.to(torch.float16).contiguous() for k, v in state.items()}, str(target))
    meta = json.loads((directory / "spans.json").read_text())
    meta["size_mb"] = round(target.stat().st_size / 1e6, 2)
    meta["epochs"] = meta.get("epochs") or meta["epoch"]
    meta["dev"] = {
        kind: {
            "exact": round(s.exact.f1, 4),
            "overlap": round(s.overlap.f1, 4),
            "tokens": round(s.tokens.f1, 4),
        }
        for kind, s in scores.items()
    }
    (model / "spans.json").write_text(json.dumps(meta, indent=1) + "\n")
    card_path = model / "README.md"
    card = card_path.read_text(encoding="utf-8")
    section = span_card(meta)
    if SECTION in card:
        start = card.index(SECTION)
        end = card.find("\n## ", start + len(SECTION))
        card = card[:start] + section + ("\n" + card[end + 1 :] if end != -1 else "")
    else:
        limits = card.find("## Limits")
        card = card[:limits] + section + "\n" + card[limits:] if limits != -1 else card + section
    card_path.write_text(card, encoding="utf-8")
    print(f"installed {target} ({meta['size_mb']} MB) and the card's span-head section")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    feats = sub.add_parser("features")
    feats.add_argument("--split", required=True, choices=("train", "dev"))
    feats.add_argument("--model", type=Path, default=Path("models/sourcing-minilm"))
    feats.add_argument("--precision", default="int8")
    tr = sub.add_parser("train")
    tr.add_argument("--out", type=Path, default=Path("runs/span-head"))
    tr.add_argument("--epochs", type=int, default=6)
    tr.add_argument("--hidden", type=int, default=160)
    ev = sub.add_parser("eval")
    ev.add_argument("directory", type=Path)
    ev.add_argument("--split", default="dev", choices=("train", "dev"))
    sh = sub.add_parser("ship")
    sh.add_argument("directory", type=Path)
    sh.add_argument("--model", type=Path, default=Path("models/sourcing-minilm"))
    args = parser.parse_args(argv)
    if args.command == "ship":
        ship(args.directory, args.model)
    elif args.command == "features":
        print(encode_split(args.split, args.model, precision=args.precision))
    elif args.command == "train":
        train(args.out, epochs=args.epochs, hidden=args.hidden)
    else:
        evaluate(args.directory, args.split)


if __name__ == "__main__":
    main()
