"""framing's feature families as a scikit-learn transformer over raw strings.

:class:`FramingFeatures` turns a list of texts into one row of framing
features per text (``readability.*``, ``tone.*`` and whichever families the
running code has), so the families can sit beside TF-IDF n-grams in a
``FeatureUnion`` and be cross-validated and grid-searched like any other
transformer. It learns nothing from the data: ``fit`` only checks its
parameters and its input.

Each text's features are computed once per process and cached, because a
cross-validation computes the same texts in every fold and the families
(textstat, VADER, sentence splitting) cost far more than the n-grams.

References
----------
Buitinck et al. (2013), API design for machine learning software: experiences
from the scikit-learn project. ECML PKDD workshop.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .analysis import merge_results
from .errors import InputError
from .features import extract_all
from .features import families as family_modules
from .scoring import index_names
from .text import build_doc

CACHE_SIZE = 200_000


def available_families() -> tuple[str, ...]:
    """The names of the feature families of the running code, in their order."""
    return tuple(family_modules())


def family_feature_names(selected: Sequence[str]) -> tuple[str, ...]:
    """Feature keys of the ``selected`` families, in the registry's order."""
    modules = family_modules()
    return tuple(name for family in modules if family in selected for name in modules[family].FEATURE_NAMES)


def check_texts(texts: Any, *, what: str = "FramingFeatures") -> list[str]:
    """Texts as a list of str, or an InputError that says what was given instead.

    A bare string is refused rather than read as a sequence of characters, the
    mistake scikit-learn users make most often with text transformers.
    """
    if isinstance(texts, (str, bytes)):
        raise InputError(
            f"{what} takes a list of texts, not a single {type(texts).__name__}; "
            "wrap it in a list: [text]"
        )
    if getattr(texts, "ndim", 1) != 1:
        raise InputError(
            f"{what} takes a one-dimensional list of texts, not an array of shape "
            f"{getattr(texts, 'shape', '?')}"
        )
    if not isinstance(texts, Iterable):
        raise InputError(f"{what} takes a list of texts, not {type(texts).__name__}")
    out = list(texts)
    for position, text in enumerate(out):
        if not isinstance(text, str):
            raise InputError(
                f"{what} takes texts as str; item {position} is {type(text).__name__}"
            )
    if not out:
        raise InputError(f"{what} got an empty list of texts; give at least one")
    return out


@lru_cache(maxsize=CACHE_SIZE)
def _all_features(text: str) -> tuple[tuple[str, float], ...]:
    """Every family's features and every index of one text, as :func:`framing.analyze` computes them."""
    features = merge_results(extract_all(build_doc(text)).values())[0]
    names = [*family_feature_names(available_families()), *index_names()]
    return tuple((name, features.get(name, 0.0)) for name in names)


def feature_matrix(texts: Sequence[str], names: Sequence[str]) -> np.ndarray:
    """One row per text, one column per feature key in ``names`` (float64, finite)."""
    matrix = np.zeros((len(texts), len(names)), dtype=np.float64)
    for row, text in enumerate(texts):
        values = dict(_all_features(text))
        matrix[row] = [values[name] for name in names]
    return matrix


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Framing features of raw texts, one row per text.

    Parameters
    ----------
    families : sequence of str or None, default None
        Feature families to include (``"readability"``, ``"tone"``, ...); None
        means every family of the running code, in registry order.
    indices : bool, default False
        Add the framing indices (``index.skepticism``, ...) after the
        families' columns. Each index is computed from every family, as
        :func:`framing.analyze` computes it, whichever ``families`` are chosen.

    Attributes
    ----------
    families_ : tuple of str
        The families used, in registry order.
    feature_names_out_ : tuple of str
        Feature keys of the output columns (``family.metric``).

    Examples
    --------
    >>> from framing.estimators import FramingFeatures
    >>> X = FramingFeatures(families=["tone"]).fit_transform(["A calm day.", "A terrible loss."])
    >>> X.shape
    (2, 3)
    """

    def __init__(self, *, families: Sequence[str] | None = None, indices: bool = False) -> None:
        self.families = families
        self.indices = indices

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check the families and the texts; nothing is learned from them."""
        check_texts(X)
        known = available_families()
        if self.families is None:
            chosen = known
        elif isinstance(self.families, str):
            raise InputError(
                f"families must be a list of family names, not the string {self.families!r}; "
                f"write [{self.families!r}]"
            )
        else:
            unknown = sorted(set(self.families) - set(known))
            if unknown or not list(self.families):
                raise InputError(
                    f"unknown feature famil{'ies' if len(unknown) != 1 else 'y'} "
                    f"{', '.join(map(repr, unknown)) or '(none given)'}; choose from {', '.join(known)}"
                )
            chosen = tuple(f for f in known if f in set(self.families))
        if not isinstance(self.indices, (bool, np.bool_)):
            raise InputError(f"indices must be True or False, not {self.indices!r}")
        self.families_ = chosen
        self.feature_names_out_ = family_feature_names(chosen) + (index_names() if self.indices else ())
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Framing features of each text, as a float64 array (n_texts, n_features)."""
        check_is_fitted(self, "feature_names_out_")
        return feature_matrix(check_texts(X), self.feature_names_out_)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature keys of the output columns, e.g. ``tone.mean_compound``."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.transformer_tags.preserves_dtype = []
        return tags
