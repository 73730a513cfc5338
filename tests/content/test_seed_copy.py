"""The seed text the tests compare with is a faithful copy, so a clone needs nothing beside it.

``tests/data/seed-summit-deck.txt`` is the team's extraction of the hand-made summit deck
(``../shared/seed/000_5131830ead66f5d7.txt``), committed so that the seed tests run on a
fresh clone. Where the shared folder is beside the clone, the two must be identical.
"""

from __future__ import annotations

import pytest
from office import SEED, SHARED_SEED


def test_the_committed_seed_is_the_shared_seed_byte_for_byte() -> None:
    if not SHARED_SEED.exists():
        pytest.skip(f"no shared seed at {SHARED_SEED} to compare with (a clone on its own)")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_the_committed_seed_is_the_summit_deck_text() -> None:
    lines = [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    assert lines[0] == "What is the UK Industrial Strategy?"
    assert len(lines) > 200 and "Next steps" in lines
