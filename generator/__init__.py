"""Protokollarkiv: published protocols of Swedish public bodies as a static archive site."""
