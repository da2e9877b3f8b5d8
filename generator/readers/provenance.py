"""The signed original PDF: its size and SHA-512 (OParl's File.sha512Checksum), and what its
PAdES signature says when checked with pyHanko: who signed, when, and whether the document is
unaltered since. Checked offline: the signer's certificate chain is not fetched, so "giltig"
means the signature matches the document, not that its issuer was looked up.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from pathlib import Path

from generator.model import OriginalFile, SignatureCheck, SignatureStatus

# Changes after a signature that leave the signed content as it was (pyHanko's ModificationLevel).
_HARMLESS_CHANGES = frozenset({"NONE", "LTA_UPDATES", "FORM_FILLING"})


def describe(path: Path) -> OriginalFile:
    data = path.read_bytes()
    return OriginalFile(size=len(data), sha512=sha512(data), signatures=check(path))


def sha512(data: bytes) -> str:
    """The checksum a source records and a build compares (OParl's File.sha512Checksum)."""
    return hashlib.sha512(data).hexdigest()


def check(path: Path) -> tuple[SignatureCheck, ...]:
    """Every embedded signature of the PDF, checked; a PDF that cannot be read says so.

    pyHanko runs its own event loop; in a thread of its own it never meets the caller's.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_check, path).result()


def _check(path: Path) -> tuple[SignatureCheck, ...]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    # pyHanko logs the certificate it cannot chain offline; that is expected here.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            found = []
            for embedded in reader.embedded_signatures:
                subject = embedded.signer_cert.subject.native if embedded.signer_cert else {}
                signer = str(subject.get("common_name") or "")
                try:
                    status = validate_pdf_signature(embedded, ValidationContext(allow_fetching=False))
                    intact = bool(status.intact and status.valid)
                    when = status.signer_reported_dt
                    # What was changed after the signature: nothing, or only what a later
                    # signature or time stamp adds. A page replaced in an incremental update is
                    # "OTHER": the signed text is no longer what the file shows.
                    level = getattr(getattr(status, "modification_level", None), "name", "OTHER")
                    later_ok = level in _HARMLESS_CHANGES and getattr(status, "docmdp_ok", True) is not False
                except Exception:
                    intact, when, later_ok = False, None, False
                coverage = getattr(getattr(embedded, "coverage", None), "name", "")
                whole = coverage == "ENTIRE_FILE" or (coverage == "ENTIRE_REVISION" and later_ok)
                state = SignatureStatus.VALID if intact and whole else SignatureStatus.INVALID
                found.append(SignatureCheck(state, signer, when.astimezone(UTC) if when else None))
            return tuple(found)
    except Exception:
        return (SignatureCheck(SignatureStatus.UNREADABLE, "", None),)
