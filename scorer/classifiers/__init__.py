"""Sentence classifier backends behind one protocol, found by name through a registry.

- `base`: the `Prediction`, the `Classifier` protocol, precisions, context size;
- `rules`: the rule baseline;
- `transformer`: any local Hugging Face sequence classifier with our labels (PyTorch);
- `onnx`: the transformer exported to ONNX Runtime int8;
- `registry`: name → loader, with the built-ins and the `scorer.classifiers` entry points.
"""
