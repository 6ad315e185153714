"""`scorer serve`: the desk service (FastAPI) and its web page.

`scorer.serve.app.create_app(config)` builds the app with its scorers loaded; `serve(config)`
runs it with uvicorn. Both need the `serve` extra (`pip install -e ".[serve]"`); this package's
`config` module does not, so the CLI can say what to install.
"""

from __future__ import annotations

from scorer.serve.config import ServeConfig, check_extra

__all__ = ["ServeConfig", "check_extra"]
