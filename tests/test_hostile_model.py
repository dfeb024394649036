"""Model loading says what happened: bad numbers refused, a fallback names its reason."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from followup_lint.classifier.labellers import FallbackLabeller, UnknownLabellerError, get_labeller
from followup_lint.classifier.model import ModelIntegrityError, load_move_model, models_dir, read_meta

META = read_meta()


def _copy_with(tmp_path: Path, change: dict[str, object]) -> Path:
    """A copy of the shipped model with some arrays replaced and the checksum recomputed, as
    someone who edits the file on purpose would."""
    folder = tmp_path / "models"
    shutil.copytree(models_dir(), folder)
    target = folder / META["files"]["runtime_arrays"]["name"]
    with np.load(target, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    arrays.update(change)  # type: ignore[arg-type]
    with target.open("wb") as fh:
        np.savez(fh, **arrays)  # type: ignore[arg-type]
    meta = json.loads((folder / "moves.meta.json").read_text())
    meta["files"]["runtime_arrays"]["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    (folder / "moves.meta.json").write_text(json.dumps(meta))
    return folder


def _coef() -> np.ndarray:
    with np.load(models_dir() / META["files"]["runtime_arrays"]["name"], allow_pickle=False) as data:
        return np.array(data["coef"])


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_weights_are_refused(tmp_path: Path, bad: float) -> None:
    coef = _coef()
    coef[3, 5] = bad
    with pytest.raises(ModelIntegrityError, match="finite"):
        load_move_model(str(_copy_with(tmp_path, {"coef": coef})))


def test_a_wrong_shape_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="shape"):
        load_move_model(str(_copy_with(tmp_path, {"coef": _coef()[:, :-1]})))


def test_too_few_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="shape"):
        load_move_model(str(_copy_with(tmp_path, {"coef": _coef()[:-1]})))


def test_a_zero_scale_is_refused(tmp_path: Path) -> None:
    with np.load(models_dir() / META["files"]["runtime_arrays"]["name"], allow_pickle=False) as data:
        scale = np.array(data["cue_scale"])
    scale[0] = 0.0
    with pytest.raises(ModelIntegrityError, match="cue_scale"):
        load_move_model(str(_copy_with(tmp_path, {"cue_scale": scale})))


def test_auto_falls_back_and_says_why(tmp_path: Path) -> None:
    coef = _coef()
    coef[0, 0] = np.nan
    labeller = get_labeller("auto", folder=str(_copy_with(tmp_path, {"coef": coef})))
    assert isinstance(labeller, FallbackLabeller)
    assert "finite" in labeller.fallback_reason and "keyword" in labeller.fallback_reason


def test_a_missing_model_falls_back_and_says_why(tmp_path: Path) -> None:
    labeller = get_labeller("auto", folder=str(tmp_path / "nowhere"))
    assert isinstance(labeller, FallbackLabeller)
    assert "no move model" in labeller.fallback_reason


def test_model_fails_hard(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError):
        get_labeller("model", folder=str(_copy_with(tmp_path, {"coef": _coef()[:, :-1]})))
    with pytest.raises(FileNotFoundError):
        get_labeller("model", folder=str(tmp_path / "nowhere"))


def test_the_shipped_model_loads_without_a_reason() -> None:
    labeller = get_labeller("auto")
    assert getattr(labeller, "fallback_reason", None) is None
    assert getattr(get_labeller("keywords"), "fallback_reason", None) is None


def test_an_unknown_labeller_is_a_value_error_subclass() -> None:
    with pytest.raises(UnknownLabellerError, match="bogus") as info:
        get_labeller("bogus")
    assert isinstance(info.value, ValueError)
