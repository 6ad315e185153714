"""The project's own written sourcing-label examples and the generators that write them.

Three entry points rewrite the committed jsonl files beside this package, byte for byte:

- ``python -m training.written.generate``: ``examples.jsonl`` and ``handwritten.jsonl``
- ``python -m training.written.spokespeople``: ``spokespeople.jsonl``
- ``python -m training.written.references``: ``references.jsonl``

The parts the sentences are built from are data, in ``inventories/*.json`` (loaded by
`training.written.inventory`); the hand-written sentences are in ``handwritten.txt``. Every
generator takes an injected ``random.Random``; see ``DATA_CARD.md``.
"""
