"""FramingFeatures is a real scikit-learn transformer over raw strings."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import estimator_checks, get_tags

import framing
from framing.errors import InputError
from framing.estimators import FramingFeatures
from framing.features import families, feature_names
from framing.text import build_doc

from .conftest import seed_text

# Real news sentences: the first ten body sentences of each seed article.
SENTENCES = [s.text for prefix in ("000", "001") for s in build_doc(seed_text(prefix)).body[:10]]
LOADED = [
    "The senator's reckless scheme is a disgraceful betrayal of hard-working families.",
    "Critics slammed the outrageous decision as a shameful power grab.",
    "The radical plan would wreck the economy, furious opponents warned.",
    "Officials said the committee will meet on Tuesday to review the budget.",
    "The report was published on Monday and covers the years 2010 to 2015.",
    "The company said it employs about 4,000 people in the region.",
]


def test_columns_are_the_running_codes_feature_names() -> None:
    transformer = FramingFeatures().fit(SENTENCES)
    matrix = transformer.transform(SENTENCES)
    assert matrix.shape == (len(SENTENCES), len(feature_names()))
    assert list(transformer.get_feature_names_out()) == list(feature_names())
    assert matrix.dtype == np.float64 and np.isfinite(matrix).all()


def test_values_are_those_of_analyze() -> None:
    text = SENTENCES[0]
    row = FramingFeatures().fit_transform([text])[0]
    expected = framing.analyze(text).features
    assert row.tolist() == pytest.approx([expected[name] for name in feature_names()])


def test_families_select_columns_in_registry_order() -> None:
    names = list(families())
    chosen = list(reversed(names))
    transformer = FramingFeatures(families=chosen).fit(SENTENCES)
    assert transformer.families_ == tuple(names)
    only_last = FramingFeatures(families=[names[-1]]).fit(SENTENCES)
    assert all(n.startswith(f"{names[-1]}.") for n in only_last.get_feature_names_out())
    assert only_last.transform(SENTENCES).shape[1] == len(families()[names[-1]].FEATURE_NAMES)


def test_tone_columns_tell_loaded_from_neutral_sentences() -> None:
    transformer = FramingFeatures(families=["tone"]).fit(LOADED)
    column = list(transformer.get_feature_names_out()).index("tone.mean_compound")
    tone = transformer.transform(LOADED)[:, column]
    # The three loaded sentences read negative to VADER, the three factual ones neutral.
    assert (tone[:3] < -0.3).all()
    assert (np.abs(tone[3:]) < 0.05).all()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("One sentence on its own.", r"not a single str; wrap it in a list: \[text\]"),
        (b"bytes", "not a single bytes"),
        (["fine", 3], "item 1 is int"),
        ([], "empty list of texts"),
        (np.array([["a", "b"]], dtype=object), "one-dimensional"),
    ],
)
def test_bad_input_is_refused_clearly(bad: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        FramingFeatures().fit(bad)


def test_unknown_family_names_the_choices() -> None:
    with pytest.raises(InputError, match=r"unknown feature family 'tonne'; choose from .*tone"):
        FramingFeatures(families=["tonne"]).fit(SENTENCES)
    with pytest.raises(InputError, match=r"not the string 'tone'; write \['tone'\]"):
        FramingFeatures(families="tone").fit(SENTENCES)


def test_transform_before_fit_is_refused() -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        FramingFeatures().transform(SENTENCES)


def test_tags_say_it_takes_strings() -> None:
    tags = get_tags(FramingFeatures())
    assert tags.input_tags.string is True
    assert tags.input_tags.two_d_array is False


def test_clone_keeps_parameters_not_state() -> None:
    fitted = FramingFeatures(families=["tone"]).fit(SENTENCES)
    copy = clone(fitted)
    assert copy.get_params() == {"families": ["tone"], "indices": False}
    assert not hasattr(copy, "feature_names_out_")


def test_pickling_the_estimator_round_trips() -> None:
    fitted = FramingFeatures().fit(SENTENCES)
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.transform(SENTENCES), fitted.transform(SENTENCES))


def test_pandas_output_names_columns() -> None:
    pd = pytest.importorskip("pandas")
    frame = FramingFeatures().set_output(transform="pandas").fit_transform(SENTENCES[:3])
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(feature_names())
    assert frame.shape == (3, len(feature_names()))


def _texts_and_labels() -> tuple[list[str], np.ndarray]:
    texts = LOADED * 3
    return texts, np.tile(np.array(["loaded"] * 3 + ["neutral"] * 3), 3)


def test_pipeline_feature_union_and_cross_val_score() -> None:
    texts, labels = _texts_and_labels()
    union = FeatureUnion(
        [
            ("framing", Pipeline([("f", FramingFeatures()), ("s", StandardScaler())])),
            ("words", TfidfVectorizer()),
        ]
    )
    pipeline = Pipeline([("union", union), ("lr", LogisticRegression())])
    scores = cross_val_score(pipeline, texts, labels, cv=StratifiedKFold(3))
    assert scores.shape == (3,)
    # Each fold holds one copy of every sentence; both feature sets separate the two kinds.
    assert scores.mean() == 1.0
    names = pipeline.fit(texts, labels).named_steps["union"].get_feature_names_out()
    assert sum(n.startswith("framing__") for n in names) == len(feature_names())


def test_grid_search_over_families() -> None:
    texts, labels = _texts_and_labels()
    pipeline = Pipeline([("f", FramingFeatures()), ("s", StandardScaler()), ("lr", LogisticRegression())])
    search = GridSearchCV(
        pipeline, {"f__families": [["tone"], None]}, cv=StratifiedKFold(3), error_score="raise"
    ).fit(texts, labels)
    assert search.best_params_["f__families"] in (["tone"], None)
    assert search.best_score_ == 1.0


@pytest.mark.parametrize(
    "check",
    [
        estimator_checks.check_no_attributes_set_in_init,
        estimator_checks.check_parameters_default_constructible,
        estimator_checks.check_get_params_invariance,
        estimator_checks.check_set_params,
        estimator_checks.check_estimator_cloneable,
        estimator_checks.check_estimator_repr,
        estimator_checks.check_valid_tag_types,
        estimator_checks.check_estimator_tags_renamed,
        estimator_checks.check_mixin_order,
        estimator_checks.check_do_not_raise_errors_in_init_or_set_params,
        estimator_checks.check_transformers_unfitted,
    ],
    ids=lambda check: check.__name__,
)
def test_scikit_learn_checks_that_apply_to_string_transformers(check) -> None:  # type: ignore[no-untyped-def]
    estimator = FramingFeatures()
    check(type(estimator).__name__, estimator)
