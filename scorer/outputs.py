"""Writing a run's output file safely: never over one of its inputs, never half-written.

`check_output` refuses an output path that is one of the run's inputs; `atomic_output` writes
to a temporary file beside the target and moves it into place only once writing is complete,
so an interrupted run leaves the previous file (or none), never a truncated one. `open_output`
does both, or hands back a stream when there is no output file.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "out.jsonl"
    ...     with open_output(target, inputs=["examples/article.txt"]) as handle:
    ...         _ = handle.write("{}\\n")
    ...     print(target.read_text(), end="")
    {}
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from scorer import errors


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one file: through links when both exist, else by resolved path."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_output(output: Path | str, inputs: Iterable[Path | str]) -> None:
    """Refuse an output path that is a directory or one of `inputs` ("-", stdin, is skipped).

    An output inside an input directory is allowed: readers skip it (`ScoringConfig.exclude`).

    Raises:
        OutputError: `output` is a directory, or the same file as an input.
    """
    output = Path(output)
    if output.is_dir():
        raise errors.OutputError(errors.E_OUTPUT_IS_DIR.format(output=output))
    for name in inputs:
        if str(name) != "-" and _same_file(output, Path(name)):
            raise errors.OutputError(errors.E_OUTPUT_IS_INPUT.format(output=output, input=name))


@contextmanager
def atomic_output(path: Path | str) -> Iterator[TextIO]:
    """A text file that replaces `path` only when the `with` block completes.

    The temporary file sits beside `path` (same file system, so the replace is atomic) and is
    named `.NAME.XXXXXXXX.tmp`, a suffix no input reader picks up; on any error or interrupt it
    is removed and `path` is left as it was. A replaced file keeps its permissions.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    handle = temporary.open("x", encoding="utf-8")
    try:
        with handle:
            yield handle
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def open_output(
    output: Path | str | None, *, inputs: Iterable[Path | str] = (), stream: TextIO | None = None
) -> Iterator[TextIO]:
    """Where a run writes: `output` (checked against `inputs`, written atomically) if given,
    else `stream` (default stdout), which is left open.

    Raises:
        OutputError: `output` is a directory or one of `inputs`; nothing is written.
    """
    if output is None:
        yield stream or sys.stdout
        return
    check_output(output, inputs)
    with atomic_output(output) as handle:
        yield handle
