"""The JSON Schemas of the open data, published beside the data they describe."""

from __future__ import annotations

from importlib import resources

from generator.site import urls
from generator.site.outputs.base import OutputContext, files_output

NAMES = ("mote", "arende", "arkiv", "omrostningar")


def schema_text(name: str) -> str:
    return resources.files("generator.site.outputs").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")


def files(context: OutputContext) -> dict[str, str]:
    return {urls.data_schema_path(name): schema_text(name) for name in NAMES}


OUTPUT = files_output("schemas", files)
