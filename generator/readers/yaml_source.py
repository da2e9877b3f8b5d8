"""Safe YAML loading that remembers the line of every value.

PyYAML only composes the node graph here (never constructs Python objects from tags), and we turn
nodes into plain dicts, lists and scalars ourselves. That gives a line for every field, so staff
get ``file:line`` for each mistake, and it refuses what a meeting file never needs: tags other
than the standard scalar ones, anchors and aliases (the "billion laughs" bomb), duplicate keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from generator import messages
from generator.problems import SourceError

MAX_BYTES = 2_000_000  # a year of a big nämnd's protocols is far smaller; guards memory
MAX_DEPTH = 40
MAX_INT_DIGITS = 9  # no number in a protocol is longer; Python refuses past 4,300 digits

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
_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent})
_END_EVENTS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
_constructor = SafeConstructor()
_resolver = Resolver()
# libyaml's parser is an order of magnitude faster; both only compose, never construct objects.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """Plain data from one YAML file and the line where each path starts."""

    file: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    columns: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        return self.lines.get(self._known(path), 1)

    def column(self, path: Path) -> int:
        return self.columns.get(self._known(path), 1)

    def _known(self, path: Path) -> Path:
        while path not in self.lines and path:
            path = path[:-1]
        return path


def strings(doc: YamlDocument) -> Iterator[tuple[int, str]]:
    """(line, value) for every string value of the document as it was read: what a double-quoted
    escape ("\\u002d") or a folded line makes of the text, which is what would be published."""
    stack: list[tuple[Path, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield doc.line(path), value
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in enumerate(value))


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


@dataclass
class _Frame:
    """An open mapping or sequence while the event stream is read."""

    value: dict[str, Any] | list[Any]
    path: Path
    key: str | None = None  # in a mapping: the key whose value comes next


def load(text: str, file: str) -> YamlDocument:
    """Parse ``text`` as one YAML document of plain data.

    Built from the parser's event stream without recursion, so no nesting depth can exhaust
    the stack, and refused at the first alias, unknown tag or nesting past ``MAX_DEPTH``.
    """
    doc = YamlDocument(file, None)
    stack: list[_Frame] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            kind = type(event)  # most events are scalars: the cheapest test first
            if kind in _END_EVENTS:
                frame = stack.pop()
                _attach(doc, stack, frame.value)
                continue
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            if kind in _NODE_EVENTS:
                _node_event(doc, stack, event, line, column)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise SourceError(file, line, messages.YAML_MANY_DOCUMENTS, column)
            elif kind is yaml.AliasEvent:
                raise SourceError(file, line, messages.YAML_ALIAS, column)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourceError(file, line, messages.YAML_SYNTAX.format(problem=exc.problem), column) from None
    except yaml.YAMLError as exc:
        raise SourceError(file, 1, messages.YAML_SYNTAX.format(problem=exc)) from None
    return doc


def _node_event(doc: YamlDocument, stack: list[_Frame], event: Any, line: int, column: int) -> None:
    parent = stack[-1] if stack else None
    if parent is not None and isinstance(parent.value, dict) and parent.key is None:
        # This event is a mapping key: only a plain name will do.
        key_tag = _scalar_tag(event) if isinstance(event, yaml.ScalarEvent) else None
        if key_tag not in (_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"):
            raise SourceError(doc.file, line, messages.YAML_KEY, column)
        key = str(event.value)
        if key in parent.value:
            raise SourceError(doc.file, line, messages.YAML_DUPLICATE_KEY.format(key=key), column)
        parent.key = key
        doc.lines[(*parent.path, key)] = line
        doc.columns[(*parent.path, key)] = column
        return
    if parent is None:
        path: Path = ()
    elif isinstance(parent.value, list):
        path = (*parent.path, len(parent.value))
    else:
        path = (*parent.path, parent.key or "")
    doc.lines.setdefault(path, line)
    doc.columns.setdefault(path, column)
    if isinstance(event, yaml.ScalarEvent):
        _attach(doc, stack, _scalar(event, doc.file, line, column))
        return
    if len(stack) >= MAX_DEPTH:
        raise SourceError(doc.file, line, messages.YAML_TOO_DEEP.format(limit=MAX_DEPTH), column)
    is_map = isinstance(event, yaml.MappingStartEvent)
    expected = "tag:yaml.org,2002:map" if is_map else "tag:yaml.org,2002:seq"
    if event.tag not in (None, "!", expected):
        raise SourceError(doc.file, line, messages.YAML_TAG.format(tag=event.tag), column)
    stack.append(_Frame({} if is_map else [], path))


def _attach(doc: YamlDocument, stack: list[_Frame], value: Any) -> None:
    if not stack:
        doc.data = value
        return
    parent = stack[-1]
    if isinstance(parent.value, list):
        parent.value.append(value)
    else:
        parent.value[parent.key or ""] = value
        parent.key = None


def _scalar_tag(event: Any) -> str:
    if event.tag and event.tag != "!":
        return str(event.tag)
    if event.implicit[0] is False:
        return _STR  # quoted: always a string
    # The tag of a plain scalar depends on its text alone; the same texts recur in every file.
    tag = _resolved.get(event.value)
    if tag is None:
        if len(_resolved) > 100_000:
            _resolved.clear()
        tag = _resolved[event.value] = str(_resolver.resolve(yaml.ScalarNode, event.value, event.implicit))  # type: ignore[no-untyped-call]
    return tag


_resolved: dict[str, str] = {}


def _scalar(event: Any, file: str, line: int, column: int) -> Any:
    tag = _scalar_tag(event)
    if tag not in _SCALAR_TAGS:
        raise SourceError(file, line, messages.YAML_TAG.format(tag=tag), column)
    value = event.value
    if tag in (_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"):
        # Dates and times are parsed by the readers, with their own messages; no field is a
        # float, and "12.00" is a time of day as Swedish protocols write it.
        return value
    if tag == "tag:yaml.org,2002:int":
        if ":" in value:
            return value  # YAML 1.1 reads 10:30 as a base-60 number; staff mean a time
        if len(value) > MAX_INT_DIGITS:
            raise SourceError(file, line, messages.NUMBER_TOO_LONG.format(value=value[:20] + "…"), column)
        return _constructor.construct_yaml_int(yaml.ScalarNode(tag, value))
    if tag == "tag:yaml.org,2002:bool":
        if value.casefold() not in ("true", "false"):
            return value  # YAML 1.1 reads ON, NO, yes as booleans; a diarium prefix "ON" is text (YAML 1.2)
        return _constructor.construct_yaml_bool(yaml.ScalarNode(tag, value))
    return None


def kind_of(data: Any) -> str:
    """What a YAML document holds instead of fields, in the words of the messages."""
    return messages.KIND_LIST if isinstance(data, list) else messages.KIND_SCALAR
