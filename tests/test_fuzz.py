"""Never a traceback: random and mutated sources, fed to the readers and the validator.

Any bytes in any source file give located problems, within seconds and bounded memory, and
the validator exits 0 or 1.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import run_validate
from generator.problems import Problems
from generator.readers.sources import read_sources
from tests.conftest import PROTOCOLS, SEED, TESTMARK

SOURCES = {
    "md": SEED.read_bytes(),
    "yaml": (TESTMARK / "direktionen" / "2022-05-10.yaml").read_bytes(),
}
ORGANISATION = (PROTOCOLS / "organisation.yaml").read_bytes()
FUZZ = settings(
    max_examples=int(os.environ.get("ARKIV_FUZZ", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "protocols"
    (root / "direktionen").mkdir(parents=True)
    (root / "organisation.yaml").write_bytes(ORGANISATION)
    return root


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Cut, insert or replace bytes at positions chosen by hypothesis."""
    out = bytearray(data)
    for position, cut, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + cut] = insert
    return bytes(out)


def check(sandbox: Path, name: str, content: bytes) -> None:
    for old in (sandbox / "direktionen").iterdir():
        old.unlink()
    (sandbox / "direktionen" / name).write_bytes(content)
    started = time.monotonic()
    problems = Problems()
    read_sources(sandbox, problems)  # must not raise
    assert all(p.file and p.line >= 1 and p.message for p in problems.items)
    assert run_validate(sandbox, [], "text") in (0, 1)
    assert time.monotonic() - started < 10


edits = st.lists(st.tuples(st.integers(0, 40_000), st.integers(0, 50), st.binary(max_size=30)), max_size=8)
token_edits = st.lists(
    st.tuples(
        st.integers(0, 40_000),
        st.integers(0, 20),
        st.sampled_from(
            [b"\t", b"\n", b"\xc3", b"\x00", b"\xff", b"- ", b": ", b"[", b"{", b"&a ", b"*a", b"!!python/object ",
             b"\xc2\xa7 ", b"\xc2\xa7\xc2\xa7 99-1", b"## ", b"### ", b"**", b"Dnr ", b"2023/", b"<script>", b"---\n",
             b"Ledam\xc3\xb6ter ", b"kommun, ", b"Paragrafer ", b"2023-13-45", b"19121212-1212"]
        ),
    ),
    max_size=12,
)  # fmt: skip


@FUZZ
@given(kind=st.sampled_from(["md", "yaml"]), changes=st.one_of(edits, token_edits))
def test_mutated_real_sources(sandbox: Path, kind: str, changes: list[tuple[int, int, bytes]]) -> None:
    check(sandbox, f"2023-10-26.{kind}", mutate(SOURCES[kind], changes))


@FUZZ
@given(kind=st.sampled_from(["md", "yaml"]), content=st.binary(max_size=3000))
def test_random_bytes(sandbox: Path, kind: str, content: bytes) -> None:
    check(sandbox, f"2023-10-26.{kind}", content)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xef\xbb\xbf",
        b"- a\n- b\n",
        b"just a scalar",
        b"organ: " + b"[" * 100_000,
        b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
        b"x: !!python/object/apply:os.system ['echo owned']\n",
        b"x" * 3_000_000,
        b"**Direktionen**\n\n" + b"\xc2\xa7 1\n\n" * 20_000,
    ],
)
def test_hostile_files(sandbox: Path, content: bytes) -> None:
    check(sandbox, "2023-10-26.yaml", content)
    check(sandbox, "2023-10-26.md", content)


def test_organisation_file_mutations(tmp_path: Path) -> None:
    root = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, root)
    for content in (
        b"",
        b"- lista\n",
        b"namn: [\n",
        b"organ: 7\n",
        ORGANISATION.replace(b"slug: direktionen", b"slug: 5"),
    ):
        (root / "organisation.yaml").write_bytes(content)
        problems = Problems()
        assert read_sources(root, problems) is None or problems.errors
        assert problems.errors and problems.errors[0].file == "organisation.yaml"


# -- header fields, where times, dates, ranges and names are read --------------------------------

field_text = st.lists(
    st.sampled_from([*"0123456789:.-–/ ,§Åa\tZT+", "kl. ", "§§ ", " kommun", "9999", "00"]), max_size=25
).map("".join)
MD_FIELDS = {
    "Teknikringen 9, Linköping, Leonardo, kl. 10:30 – 12.00": "place and time",
    "Conny Forsberg, Kinda kommun §§ 65-72": "attendee with range",
    "Paragrafer §§ 65 - 73": "signed range",
    "2023-11-06\tDatum då anslaget tas ned\t2023-11-28": "anslag dates",
    "2023-11-06 08:16:42Z": "signing time",
}
YAML_FIELDS = {
    "plats: Förbundshuset, Ankeborg": "plats: {}",
    "uppsatt: 2022-05-16": "uppsatt: {}",
    "nedtaget: 2022-06-08": "nedtaget: {}",
    "datum: 2022-05-10": "datum: {}",
    "paragraf: 20": "paragraf: {}",
}


@FUZZ
@given(field=st.sampled_from(sorted(MD_FIELDS)), value=field_text)
def test_markdown_header_fields_never_raise(sandbox: Path, field: str, value: str) -> None:
    text = SOURCES["md"].decode("utf-8")
    check(sandbox, "2023-10-26.md", text.replace(field, value, 1).encode("utf-8"))


@FUZZ
@given(
    field=st.sampled_from(sorted(YAML_FIELDS)), value=field_text, extra=st.sampled_from(["", "start: {}", "slut: {}"])
)
def test_yaml_header_fields_never_raise(sandbox: Path, field: str, value: str, extra: str) -> None:
    text = SOURCES["yaml"].decode("utf-8")
    text = text.replace(field, YAML_FIELDS[field].format(value), 1)
    if extra:
        text = text.replace("plats:", extra.format(value) + "\nplats:", 1)
    check(sandbox, "2022-05-10.yaml", text.encode("utf-8"))
