"""JSON Schema validation of YAML sources, with Swedish messages located by line."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, cast

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from generator import messages
from generator.problems import Problems
from generator.readers.yaml_source import YamlDocument


@cache
def schema(name: str) -> dict[str, Any]:
    """A schema kept in ``generator/readers/schemas/`` (also published for tools and editors)."""
    text = resources.files("generator.readers").joinpath("schemas", f"{name}.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    # compile() rewrites the $refs of the dict it is given, so it gets its own copy.
    return cast(Callable[[Any], Any], fastjsonschema.compile(copy.deepcopy(schema(name))))


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def check(doc: YamlDocument, schema_name: str, problems: Problems) -> bool:
    """Report every schema violation of ``doc``; True when there were none."""
    try:
        # A compiled check is many times faster; most sources are valid, and only a failing
        # one needs jsonschema's full list of errors for its messages.
        _fast(schema_name)(doc.data)
        return True
    except fastjsonschema.JsonSchemaException:
        pass
    validator = _validator(schema_name)
    found = False
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        for leaf in _leaves(error):
            found = True
            path = tuple(leaf.absolute_path)
            message, where = _message(leaf, path)
            problems.error(doc.file, doc.line(where), message, doc.column(where))
    return not found


def _leaves(error: ValidationError) -> list[ValidationError]:
    # oneOf/anyOf errors are clearer as their most specific sub-error.
    if error.context:
        best = max(error.context, key=lambda e: len(e.absolute_path))
        return _leaves(best)
    return [error]


def _field(path: tuple[Any, ...]) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return ".".join(str(p) for p in path) if path else (named[-1] if named else "(filen)")


def _message(error: ValidationError, path: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """The Swedish message for ``error`` and the path whose line it should point at."""
    validator = error.validator
    if validator == "required":
        missing = str(error.message).split("'")[1]
        return messages.SCHEMA_REQUIRED.format(field=_field((*path, missing))), path
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = (*path, sorted(set(error.instance) - set(allowed))[0])
        text = messages.SCHEMA_UNKNOWN.format(field=_field(extra), allowed=", ".join(allowed))
        return text, extra
    return _value_message(error, path), path


def _value_message(error: ValidationError, path: tuple[Any, ...]) -> str:
    validator = error.validator
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        return messages.SCHEMA_TYPE.format(
            field=_field(path), expected=" eller ".join(messages.SCHEMA_TYPE_NAMES.get(n, n) for n in names)
        )
    if validator == "pattern":
        return messages.SCHEMA_PATTERN.format(field=_field(path), value=error.instance)
    if validator == "maxItems":
        return messages.SCHEMA_MAX_ITEMS.format(
            field=_field(path), count=len(error.instance), limit=error.validator_value
        )
    if validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return messages.SCHEMA_ENUM.format(field=_field(path), allowed=allowed)
    return messages.SCHEMA_OTHER.format(field=_field(path), detail=error.message)
