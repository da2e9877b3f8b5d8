"""A client of Pagefind's service mode (``pagefind --service``): pages go to the index as MkDocs
writes them, so Pagefind parses them on the second core while the rest are built, instead of
reading 10,000 files back from disk once they are all written.

Each message, both ways, is JSON, base64-encoded, followed by a comma: the protocol Pagefind's
own Python and Node wrappers speak. We speak it directly because the Python wrapper waits 0.1 s
before reading each answer (18 minutes for 10,000 pages) and buffers a whole index in one answer.
"""

from __future__ import annotations

import base64
import gzip
import json
import subprocess
import threading
import zlib
from pathlib import Path
from typing import IO, Any

from pagefind_bin import get_executable

from generator import messages


class PagefindFailed(Exception):
    """Pagefind refused a request or stopped; the text is Pagefind's own."""


def _whole_gzip(path: Path) -> bool:
    try:
        gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error):
        return False
    return True


class PagefindService:
    """One index in one ``pagefind --service`` process. Pages are sent without waiting for their
    answers; an error among them is raised by ``write``, the one call that waits."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [str(get_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin: IO[bytes] = self._process.stdin
        self._answers: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._last_id = 0
        self._reading = True  # False once the answers end (Pagefind stopped, or spoke nonsense)
        # The answers are read on a thread of their own: Pagefind stops when its output pipe is
        # full, and the build must not stop to read an answer per page.
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        try:
            self._index_id = self._call({"type": "NewIndex", "config": {}})["index_id"]
        except PagefindFailed:
            self.close()
            raise

    def add(self, url: str, html: str) -> None:
        """Index one built page under its URL (``/folder/page/``), as ``pagefind --site`` would."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": html})

    def add_record(
        self, url: str, content: str, meta: dict[str, str], filters: dict[str, list[str]], sort: dict[str, str]
    ) -> None:
        """Index a record that is no page (a handling's text) under ``url``, in Swedish."""
        payload = {"url": url, "content": content, "language": "sv", "meta": meta, "filters": filters, "sort": sort}
        self._send({"type": "AddRecord", "index_id": self._index_id, **payload})

    def write(self, folder: Path) -> None:
        """Write the index into ``folder`` once every page sent so far has been indexed. A
        compressed search program that does not decompress is written again, once: a build once
        published a truncated one (a test caught it), and a site without working search is half
        written."""
        for attempt in range(2):
            self._call({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(folder)})
            if self._errors:
                raise PagefindFailed("\n".join(self._errors))
            # The search program and the index's entry files ("wasm.sv.pagefind", "*.pf_meta").
            broken = [
                path.name
                for path in sorted(folder.iterdir())
                if path.suffix in (".pagefind", ".pf_meta") and not _whole_gzip(path)
            ]
            if not broken:
                return
            if attempt:
                raise PagefindFailed(messages.PAGEFIND_TRUNCATED.format(files=", ".join(broken)))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()

    def _send(self, payload: dict[str, Any], flush: bool = False) -> int:
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
        try:
            self._stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            if flush:
                self._stdin.flush()
        except (BrokenPipeError, ValueError):
            raise PagefindFailed(self._stopped()) from None
        return self._last_id

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and wait for its answer (Pagefind answers in order)."""
        message_id = self._send(payload, flush=True)
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._answers or self._errors or not self._reading)
            answer = self._answers.pop(message_id, None)
        if answer is None:  # Pagefind stopped, or refused a page or a message
            raise PagefindFailed(self._stopped())
        if answer.get("type") == "Error":
            raise PagefindFailed(str(answer.get("message")))
        return answer

    def _read(self, stdout: IO[bytes]) -> None:
        pending = b""
        try:
            while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]
                *received, pending = (pending + chunk).split(b",")
                for message in received:
                    self._receive(json.loads(base64.b64decode(message)))
        except ValueError as exc:  # not Pagefind's protocol: stop waiting, say so
            self._errors.append(messages.PAGEFIND_BAD_ANSWER.format(error=exc))
        finally:
            with self._arrived:
                self._reading = False
                self._arrived.notify_all()

    def _receive(self, answer: dict[str, Any]) -> None:
        payload = answer.get("payload", {})
        if payload.get("type") == "Error":
            self._errors.append(str(payload.get("message")))
        with self._arrived:
            if payload.get("type") != "IndexedFile":  # pages are not waited for one by one
                self._answers[answer.get("message_id", 0)] = payload
            self._arrived.notify_all()

    def _stopped(self) -> str:
        try:
            code: int | None = self._process.wait(timeout=1)  # a process that just ended has its code
        except subprocess.TimeoutExpired:
            code = None
        ended = messages.PAGEFIND_SILENT if code is None else messages.PAGEFIND_STOPPED.format(code=code)
        return "\n".join([*self._errors, ended])
