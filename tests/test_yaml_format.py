"""The YAML format: ``arkiv convert`` output loads back to the same model; bad YAML is located."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.model import Meeting, Organisation
from generator.problems import Problems, SourceError
from generator.readers.schema_check import schema
from generator.readers.yaml_format import YamlReader
from generator.readers.yaml_source import load
from tests.conftest import SEED, arkiv


def read_yaml(text: str, organisation: Organisation, problems: Problems) -> Meeting | None:
    body = organisation.body("direktionen")
    assert body is not None
    return YamlReader(organisation, body, load(text, "direktionen/2023-10-26.yaml"), problems).read(date(2023, 10, 26))


def test_convert_round_trip_gives_equal_model(seed: Meeting, organisation: Organisation) -> None:
    result = arkiv("convert", SEED)
    assert result.returncode == 0, result.stderr
    problems = Problems()
    loaded = read_yaml(result.stdout, organisation, problems)
    assert problems.items == []
    assert loaded == seed
    assert "Delårsbokslut per 2023-08-31" in result.stdout
    assert "uppsatt: '2023-11-06'" in result.stdout


def test_schemas_are_valid_json_schema() -> None:
    for name in ("meeting", "organisation"):
        Draft202012Validator.check_schema(schema(name))
    on_disk = Path(__file__).parent.parent / "generator" / "readers" / "schemas" / "meeting.schema.json"
    assert json.loads(on_disk.read_text()) == schema("meeting")


MINIMAL = """\
organ: direktionen
datum: 2023-10-26
paragrafer:
  - paragraf: 65
    rubrik: Information
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (MINIMAL.replace("datum: 2023-10-26", "datum: 2023-13-45"), 2, "datum"),
        (
            MINIMAL.replace("    rubrik: Information", "    rubrik: Information\n    titel: x"),
            6,
            "okänt fält 'paragrafer.0.titel'",
        ),
        (MINIMAL.replace("  - paragraf: 65", "  - paragraf: sextiofem"), 4, "heltal"),
        (MINIMAL + "närvaro:\n  - namn: A\n    grupp: ledamot\n", 8, "grupp"),
        (
            MINIMAL.replace("paragrafer:\n", "paragrafer:\n").replace(
                "    rubrik: Information", "    rubrik: Information\n    dnr: [hej]"
            ),
            6,
            "diarienummer",
        ),
        (MINIMAL.replace("organ: direktionen\n", ""), 1, "'organ' saknas"),
    ],
)
def test_bad_yaml_values_are_located(organisation: Organisation, text: str, line: int, fragment: str) -> None:
    problems = Problems()
    read_yaml(text, organisation, problems)
    assert problems.errors, text
    first = problems.errors[0]
    assert first.line == line, problems.report()
    assert fragment in first.message, problems.report()


def test_columns_point_at_the_field(organisation: Organisation) -> None:
    problems = Problems()
    read_yaml(
        MINIMAL.replace("    rubrik: Information", "    rubrik: Information\n    titel: x"), organisation, problems
    )
    assert str(problems.errors[0]).startswith("direktionen/2023-10-26.yaml:6:5: error: okänt fält")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: [1, 2\nb: 3\n", 2),  # unclosed flow sequence
        ("a: !!python/object:os.system {}\n", 1),
        ("a: &x [1]\nb: *x\n", 2),
        ("a: 1\na: 2\n", 2),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_with_a_line(text: str, line: int) -> None:
    with pytest.raises(SourceError) as caught:
        load(text, "x.yaml")
    assert caught.value.problem.line == line


def test_yaml_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    with pytest.raises(SourceError):
        load(bomb, "bomb.yaml")


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(SourceError) as caught:
        load("[" * 5000 + "]" * 5000, "deep.yaml")
    assert "nästlad" in caught.value.problem.message or "YAML" in caught.value.problem.message


def test_sexagesimal_times_stay_times(organisation: Organisation) -> None:
    problems = Problems()
    meeting = read_yaml(MINIMAL + "start: 10:30\nslut: 12.00\n", organisation, problems)
    assert problems.errors == [], problems.report()
    assert meeting is not None and meeting.start is not None and meeting.start.hour == 10


def test_yaml_1_1_booleans_are_text_only_true_and_false_are_booleans() -> None:
    """A diarium prefix "ON" (omvårdnadsnämnden) or a short name "NO" is text, as YAML 1.2 reads
    it; PyYAML's YAML 1.1 made them booleans and the organisation was refused."""
    from generator.readers.yaml_source import load

    data = load("dnr_prefix: ON\nkortnamn: NO\nen: yes\nsant: true\nfalskt: False\n", "organisation.yaml").data
    assert data == {"dnr_prefix": "ON", "kortnamn": "NO", "en": "yes", "sant": True, "falskt": False}
