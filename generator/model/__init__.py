"""The archive's content model: plain typed data that the readers fill and everything after reads.

This package imports nothing else of ``generator``; ``protocol`` holds the protocol's parts,
``dnr`` the diarienummer, ``deadlines`` the appeal deadline, ``roster`` the persons by name.
"""

from generator.model.protocol import *  # noqa: F403 (the model's names, listed in protocol.__all__)
