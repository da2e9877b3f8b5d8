"""Safe YAML loading that remembers the line of every value.

PyYAML only composes the node graph here (never constructs Python objects from tags), and we turn
nodes into plain dicts, lists and scalars ourselves. That gives a line for every field, so staff
get ``file:line`` for each mistake, and it refuses what a meeting file never needs: tags other
than the standard scalar ones, anchors and aliases (the "billion laughs" bomb), duplicate keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator import messages
from generator.problems import SourceError

MAX_BYTES = 2_000_000  # a year of a big nämnd's protocols is far smaller; guards memory
MAX_DEPTH = 40

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = SafeConstructor()


@dataclass
class YamlDocument:
    """Plain data from one YAML file and the line where each path starts."""

    file: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set, repr=False)

    def line(self, path: Path) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def decode(raw: bytes, file: str) -> str:
    """Bytes of a source file as text, or a located error for what is not UTF-8 text."""
    if len(raw) > MAX_BYTES:
        raise SourceError(file, 1, messages.FILE_TOO_LARGE.format(limit=MAX_BYTES // 1_000_000))
    if b"\x00" in raw:
        raise SourceError(file, raw[: raw.index(b"\x00")].count(b"\n") + 1, messages.BINARY)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(file, raw[: exc.start].count(b"\n") + 1, messages.NOT_UTF8) from None


def load(text: str, file: str) -> YamlDocument:
    """Parse ``text`` as one YAML document of plain data."""
    doc = YamlDocument(file, None)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceError(file, line, messages.YAML_SYNTAX.format(problem=exc.problem)) from None
    except yaml.YAMLError as exc:
        raise SourceError(file, 1, messages.YAML_SYNTAX.format(problem=exc)) from None
    except RecursionError:
        raise SourceError(file, 1, messages.YAML_TOO_DEEP.format(limit=MAX_DEPTH)) from None
    if node is not None:
        doc.data = _plain(node, (), doc, 0)
    return doc


def _plain(node: yaml.Node, path: Path, doc: YamlDocument, depth: int) -> Any:
    line = node.start_mark.line + 1
    doc.lines.setdefault(path, line)
    if depth > MAX_DEPTH:
        raise SourceError(doc.file, line, messages.YAML_TOO_DEEP.format(limit=MAX_DEPTH))
    # The composer turns an alias into the node it names, so a node met twice is an alias.
    if id(node) in doc.seen:
        raise SourceError(doc.file, doc.lines[path], messages.YAML_ALIAS)
    doc.seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, doc.file)
    if isinstance(node, yaml.SequenceNode):
        _check_tag(node, "tag:yaml.org,2002:seq", doc.file)
        return [_plain(child, (*path, i), doc, depth + 1) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        _check_tag(node, "tag:yaml.org,2002:map", doc.file)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError(doc.file, key_line, messages.YAML_KEY)
            key = str(key_node.value)
            if key in result:
                raise SourceError(doc.file, key_line, messages.YAML_DUPLICATE_KEY.format(key=key))
            doc.lines[(*path, key)] = key_line
            result[key] = _plain(value_node, (*path, key), doc, depth + 1)
        return result
    raise SourceError(doc.file, line, messages.YAML_TAG.format(tag=node.tag))


def _check_tag(node: yaml.Node, expected: str, file: str) -> None:
    if node.tag != expected:
        raise SourceError(file, node.start_mark.line + 1, messages.YAML_TAG.format(tag=node.tag))


def _scalar(node: yaml.ScalarNode, file: str) -> Any:
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise SourceError(file, node.start_mark.line + 1, messages.YAML_TAG.format(tag=tag))
    if tag in (_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"):
        # Dates and times are parsed by the readers, with their own messages; no field is a
        # float, and "12.00" is a time of day as Swedish protocols write it.
        return node.value
    if tag == "tag:yaml.org,2002:int":
        if ":" in node.value:
            return node.value  # YAML 1.1 reads 10:30 as a base-60 number; staff mean a time
        return _constructor.construct_yaml_int(node)
    if tag == "tag:yaml.org,2002:bool":
        return _constructor.construct_yaml_bool(node)
    return None
