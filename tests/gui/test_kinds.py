"""The GUI's block kinds: one module per model kind, each registered, each giving a working form."""

from __future__ import annotations

import pkgutil

import pytest

from neslis_desktop.gui import kinds
from neslis_desktop.gui.kinds import KINDS, BlockKindUI, block_fields, label, new_block, summary
from neslis_desktop.model import BLOCK_KINDS


def test_every_model_kind_has_exactly_one_gui_module() -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(kinds.__path__) if not m.name.startswith("_"))
    assert modules == sorted(BLOCK_KINDS)  # no kind without a module, no module without a kind
    assert list(KINDS) == list(BLOCK_KINDS)  # the Add block menu's order is the model's
    for kind, entry in KINDS.items():
        assert isinstance(entry, BlockKindUI) and entry.kind == kind
    assert len({entry.label for entry in KINDS.values()}) == len(KINDS)  # told apart in the menu


@pytest.mark.parametrize("kind", list(BLOCK_KINDS))
def test_each_kind_gives_a_new_block_a_summary_and_a_form(kind: str) -> None:
    block = new_block(kind)
    assert isinstance(block, BLOCK_KINDS[kind])
    first = KINDS[kind].first_words(block)
    assert first and summary(block) == f"{label(kind)}: {first}"[: 48 + len(label(kind)) + 2]
    keys = [f.key for f in block_fields(kind)]
    assert keys[-2:] == ["heading", "notes"] and len(keys) == len(set(keys)) > 2


def test_a_kind_the_gui_does_not_know_is_named_by_itself() -> None:
    assert label("sparkline") == "sparkline"
    assert label("orgchart") == "Org chart"
