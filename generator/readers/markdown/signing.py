"""The e-signing service's record after the protocol: who signed when, by which service."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from generator import messages
from generator.model import (
    ElectronicSignature,
    SigningRecord,
)
from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.text import (
    _PDF_BOLD,
    Line,
    _collapse,
    _instruction,
)

_UTC = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)Z")


_SERVICE = re.compile(r"(?:signerat med|signeringstjänsten)\s+(.+?)(?:\s+säkra|\.|\s*$)")


class SigningReader:
    """Reads the e-signing record."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx

    def read_signing(self, lines: list[Line]) -> SigningRecord:
        signatures: list[ElectronicSignature] = []
        documents: list[str] = []
        kept: list[str] = []
        service = ""
        pending: list[tuple[str, str]] = []
        pending_line = 0
        for i, line in enumerate(lines):
            text = line.text.strip()
            if _instruction(text):
                continue
            signers = re.findall(r"<b>(.*?)</b>\s*(\S*)", text)
            following = next((later.text for later in lines[i + 1 :] if later.text.strip()), "")
            if not signers and _UTC.search(following):
                # Other exports write the signers in Markdown bold: "**NAME** reference".
                signers = re.findall(r"\*\*(.+?)\*\*\s*(\S*)", text)
            times = _UTC.findall(text)
            self.ctx.note(line, "signering", "undertecknare" if signers else "tidpunkter" if times else "text")
            if signers:
                pending, pending_line = signers, line.number
            elif times and pending:
                if len(times) != len(pending):
                    self.ctx.error(line.number, messages.MD_BAD_SIGNATURE.format(value=text))
                for (name, ref), (day, clock) in zip(pending, times, strict=False):
                    try:
                        when = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)
                    except ValueError:
                        self.ctx.error(line.number, messages.MD_BAD_SIGNATURE.format(value=text))
                        continue
                    person = self.ctx.roster.lookup(name)
                    signatures.append(ElectronicSignature(name.strip(), when, ref, person.slug if person else None))
                pending = []
            elif text != "## Undertecknare":
                if text.lower().endswith(".pdf"):
                    documents.append(text)
                found = _SERVICE.search(text)
                if found and not service:
                    service = found[1].strip()
                kept.append(_PDF_BOLD.sub(r"**\1**", line.text))
        if pending:
            self.ctx.error(pending_line, messages.MD_BAD_SIGNATURE.format(value=pending))
        return SigningRecord(service, tuple(signatures), tuple(documents), _collapse(kept))
