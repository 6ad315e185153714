"""The desk page in a real browser: headless Chromium against a live `scorer serve` on loopback.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on
fd 3, answers on fd 4, NUL-separated JSON), so no port, websocket library or driver is needed.
The test pastes the example article, checks the coloured sentences and a chain in the DOM,
uploads the seeds as a batch through the file input, checks the queue and the provenance lanes,
and saves screenshots.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEEDS

EXAMPLE = ROOT / "examples" / "article.txt"
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A headless Chromium page driven over the DevTools protocol on a pipe."""

    def __init__(self, binary: str, profile: Path, width: int = 1280, height: int = 1800) -> None:
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4; bash puts the pipe ends
        # there just before it becomes chromium (exec). They are moved above 9 first, so that
        # neither is 3 or 4 already (the redirections would then clobber one another).
        to_browser, from_browser = _above_nine(to_browser), _above_nine(from_browser)
        redirect = f'exec "$@" 3<&{to_browser} 4>&{from_browser} {to_browser}<&- {from_browser}>&-'
        self.proc = subprocess.Popen(
            [
                "bash",
                "-c",
                redirect,
                "bash",
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_browser, from_browser),
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page.enable", "Runtime.enable", "DOM.enable"):
            self.call(domain, session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, *, session: bool = False, timeout: float = 60, **params: Any):
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate",
            session=True,
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 120) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        status = self.evaluate("document.querySelector('#status')?.textContent")
        raise AssertionError(f"timed out waiting for {expression!r}; page status: {status!r}")

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("document.readyState === 'complete' && !!window.ScorerGraph", timeout=60)

    def press(self, key: str, code: str, key_code: int, text: str | None = None) -> None:
        """A real key press, through the browser's input pipeline (keyboard use, not clicks)."""
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {
                "type": kind,
                "key": key,
                "code": code,
                "windowsVirtualKeyCode": key_code,
            }
            if kind == "keyDown" and text:
                params["text"] = text
            self.call("Input.dispatchKeyEvent", session=True, **params)

    def set_files(self, selector: str, files: list[Path]) -> None:
        root = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self.call("DOM.querySelector", session=True, nodeId=root, selector=selector)
        self.call(
            "DOM.setFileInputFiles",
            session=True,
            nodeId=node["nodeId"],
            files=[str(f) for f in files],
        )

    def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode(self.call("Page.captureScreenshot", session=True)["data"])
        path.write_bytes(data)
        return data

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass


def _above_nine(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


def _png_size_and_variety(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values of the pixel data): a stdlib PNG check."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A real `scorer serve` (the shipped model) on a free loopback port, in a subprocess."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from scorer.cli import app; app()",
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SCORER_TOKEN": ""},
        )
    url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 180
    while True:
        if proc.poll() is not None:
            pytest.fail(f"scorer serve exited early:\n{log.read_text()}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"scorer serve did not come up:\n{log.read_text()}")
        time.sleep(0.5)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def browser(tmp_path: Path, chromium: str):
    page = Browser(chromium, tmp_path / "profile")
    yield page
    page.close()


def _check_screenshot(browser: Browser, path: Path, publish: bool = False) -> None:
    data = browser.screenshot(path)
    width, height, variety = _png_size_and_variety(data)
    assert (width, height) == (1280, 1800)
    assert variety > 32  # not one flat colour
    extra = os.environ.get("SCORER_SCREENSHOT_DIR")  # to refresh docs/serve.png by hand
    if extra and publish:
        shutil.copy(path, Path(extra) / path.name)


def test_pasted_article_is_marked_up_with_its_chains(server, browser, tmp_path) -> None:
    import httpx

    text = EXAMPLE.read_text(encoding="utf-8")
    expected = httpx.post(
        server + "/v1/score",
        json={"id": "pasted", "text": text, "publisher": "Calder Courier"},
        timeout=120,
    ).json()
    browser.navigate(server + "/")
    browser.evaluate("document.querySelector('#article-text').focus()")
    browser.call("Input.insertText", session=True, text=text)  # as a paste types it
    browser.evaluate("document.querySelector('#publisher').focus()")
    browser.call("Input.insertText", session=True, text="Calder Courier")
    browser.evaluate("document.querySelector('#score-button').focus()")
    browser.press("Enter", "Enter", 13, "\r")  # submitted from the keyboard
    browser.wait_for("document.querySelectorAll('#sentences .sent').length > 0")

    spans = browser.evaluate(
        """[...document.querySelectorAll('#sentences .sent')].map(s => ({
            index: +s.dataset.index, label: s.dataset.label,
            text: s.lastChild.textContent, colour: getComputedStyle(s).backgroundColor}))"""
    )
    assert [(s["index"], s["label"], s["text"]) for s in spans] == [
        (s["index"], s["label"], s["text"]) for s in expected["sentences"]
    ]
    legend = browser.evaluate(
        """Object.fromEntries([...document.querySelectorAll('.legend .swatch')].map(s =>
            [s.className.replace('swatch lab-', ''), getComputedStyle(s).backgroundColor]))"""
    )
    for span in spans:  # each sentence wears its label's colour, as the legend shows it
        assert span["colour"] == legend[span["label"]]
    assert len({legend[label] for label in {s["label"] for s in spans}}) == len(
        {s["label"] for s in spans}
    )

    chained = next(
        s
        for s in expected["sentences"]
        if any("Marta Ellison" in [h["name"] for h in c] for c in s["chains"])
    )
    browser.evaluate(f"document.querySelector('#s-{chained['index']}').focus()")
    shown = browser.evaluate(
        "[...document.querySelectorAll('#chain-panel [data-chain]')].map(c => c.dataset.chain)"
    )
    assert shown == [" → ".join(h["name"] for h in c) for c in chained["chains"]]
    assert "Calder Courier → Marta Ellison" in shown
    score = browser.evaluate("document.querySelector('#article-score').textContent")
    assert float(score) == expected["profile"]["score"]
    flags = browser.evaluate(
        "[...document.querySelectorAll('#flags li')].map(li => li.dataset.flag)"
    )
    assert flags == [f["flag"] for f in expected["profile"]["flags"]]
    browser.evaluate("document.querySelector('#article-view').scrollIntoView()")
    _check_screenshot(browser, tmp_path / "serve.png", publish=True)


def test_a_script_in_a_pasted_article_is_shown_not_run(server, browser) -> None:
    browser.navigate(server + "/")
    text = (
        "<script>window.__ran = true</script><img src=x onerror='window.__ran = true'> "
        "Officials said the dam is safe. It was built in 1950."
    )
    browser.evaluate("document.querySelector('#article-text').focus()")
    browser.call("Input.insertText", session=True, text=text)
    browser.evaluate("document.querySelector('#score-form').requestSubmit()")
    browser.wait_for("document.querySelectorAll('#sentences .sent').length > 0")
    time.sleep(0.5)
    assert browser.evaluate("window.__ran === undefined")
    assert (
        browser.evaluate("document.querySelectorAll('#results script, #results img').length") == 0
    )
    first = browser.evaluate("document.querySelector('#sentences .sent').lastChild.textContent")
    assert first.startswith("<script>window.__ran = true</script>")


def test_seeds_uploaded_as_a_batch_give_the_queue_and_lanes(server, browser, tmp_path) -> None:
    import httpx

    seeds = sorted(SEEDS.glob("*.txt"))
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    expected = httpx.post(server + "/v1/triage", json=rows, timeout=300).json()
    browser.navigate(server + "/")
    browser.set_files("#files", seeds)  # the file input, as a person choosing files uses it
    listed = browser.evaluate("document.querySelectorAll('#file-list li').length")
    assert listed == len(seeds)
    browser.evaluate("document.querySelector('#score-button').focus()")
    browser.press("Enter", "Enter", 13, "\r")
    browser.wait_for("document.querySelectorAll('#queue-table .queue-row').length > 0", 300)

    queue = browser.evaluate(
        """[...document.querySelectorAll('#queue-table .queue-row')].map(r => ({
            id: r.dataset.id, priority: +r.querySelector('.priority').textContent}))"""
    )
    assert queue == [{"id": a["id"], "priority": a["priority"]} for a in expected["articles"]]
    assert [q["priority"] for q in queue] == sorted((q["priority"] for q in queue), reverse=True)

    story = expected["stories"][0]
    lanes = browser.evaluate(
        "[...document.querySelectorAll('svg.provenance .node.article')].map(n => n.dataset.article)"
    )
    assert lanes == story["articles"]  # one lane per article, in queue order
    drawn = browser.evaluate("document.querySelectorAll('svg.provenance .edge.hop').length")
    assert drawn > len(lanes)
    if expected["links"]:
        assert browser.evaluate("document.querySelectorAll('svg.provenance .edge.link').length")
    # the kind filter hides a kind of source
    anonymous = "document.querySelectorAll('svg.provenance .node.kind-anonymous').length"
    assert browser.evaluate(anonymous) > 0
    browser.evaluate("document.querySelector('#kind-anonymous').click()")
    assert browser.evaluate(anonymous) == 0
    browser.evaluate("document.querySelector('#kind-anonymous').click()")
    # the top of the queue opens with its sentences marked up
    assert browser.evaluate("document.querySelectorAll('#article-view .sent').length") == len(
        expected["articles"][0]["sentences"]
    )
    browser.evaluate("document.querySelector('#queue-heading').scrollIntoView()")
    _check_screenshot(browser, tmp_path / "serve-batch.png")
