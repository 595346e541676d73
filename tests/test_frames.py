"""Results a researcher takes into pandas: Analysis.to_dict, framing.to_frame, FramingFeatures(indices=True)."""

import json
import math
import subprocess
import sys

import pandas as pd
import pytest
from sklearn.base import clone

import framing
from framing.cli import app
from framing.estimators import FramingFeatures
from framing.scoring import index_names
from tests.test_cli import runner

HEDGED = "Officials said the plan may fail."  # one hedge ("may"), one attribution ("said"), six words
LOADED = "Critics claimed the so-called reform was a disaster, sources said."
GERMAN = ("Der Plan könnte scheitern, sagten die Beamten am Montag in Berlin. "
          "Die Regierung wollte sich dazu nicht äußern, hieß es aus dem Ministerium.")


def test_to_dict_is_the_record_score_json_prints(tmp_path, no_network):
    path = tmp_path / "plan.txt"
    path.write_text(f"LONDON (Reuters) - {HEDGED}\n", encoding="utf-8")
    printed = json.loads(runner.invoke(app, ["score", str(path), "--format", "json"]).stdout)["articles"]
    [article] = framing.load_corpus(path)
    assert [framing.analyze(article).to_dict()] == printed
    assert printed[0]["outlet"] == "Reuters" and printed[0]["features"]["hedging.cues"] == 1


def test_to_frame_has_metadata_first_then_features_with_the_json_values(no_network):
    analyses = [framing.analyze(HEDGED, outlet="Reuters"), framing.analyze(LOADED, outlet="BBC News")]
    frame = framing.to_frame(analyses)
    assert list(frame.columns[:9]) == ["source", "id", "outlet", "outlet_source", "title", "date", "url",
                                        "story", "language"]
    assert list(frame["outlet"]) == ["Reuters", "BBC News"] and len(frame) == 2
    features = list(frame.columns[9:])
    assert features[0].startswith("readability.") and features[-len(index_names()):] == list(index_names())
    assert frame.loc[0, "hedging.cues"] == 1 and frame.loc[0, "attribution.count"] == 1
    assert frame.loc[0, "readability.words"] == 6
    for row, analysis in enumerate(analyses):
        assert frame.loc[row, features].to_dict() == analysis.to_dict()["features"]


def test_a_family_not_run_is_missing_not_zero(no_network):
    frame = framing.to_frame([framing.analyze(HEDGED), framing.analyze(GERMAN)])
    assert list(frame["language"]) == ["en", "de"]
    assert math.isnan(frame.loc[1, "hedging.cues"]) and math.isnan(frame.loc[1, "index.hedging"])
    assert frame.loc[1, "readability.words"] == 23  # the language-neutral counts are kept


def test_the_input_s_own_fields_become_meta_columns(tmp_path, no_network):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(json.dumps({"text": HEDGED, "outlet": "Reuters", "section": "World"}) + "\n",
                      encoding="utf-8")
    frame = framing.to_frame(framing.analyze(a) for a in framing.load_corpus(corpus))
    assert frame.loc[0, "meta.section"] == "World"
    assert list(frame.columns).index("meta.section") == 9


def test_to_frame_refuses_what_is_not_an_analysis():
    with pytest.raises(TypeError, match="not str"):
        framing.to_frame([HEDGED])


def test_import_framing_loads_nothing_heavy():
    heavy = ["sklearn", "scipy", "matplotlib", "onnxruntime", "pandas", "tqdm"]
    code = f"import framing, sys; print([m for m in {heavy!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_framing_features_indices_are_the_analysis_indices(no_network):
    texts = [HEDGED, LOADED]
    transformer = FramingFeatures(families=["hedging"], indices=True).set_output(transform="pandas")
    frame = transformer.fit_transform(texts)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(transformer.get_feature_names_out())
    assert list(frame.columns[-len(index_names()):]) == list(index_names())
    assert frame.columns[0].startswith("hedging.")
    for row, text in enumerate(texts):
        analysis = framing.analyze(text)
        assert frame.loc[row, list(index_names())].to_dict() == {k: analysis.features[k] for k in index_names()}
    assert frame.loc[1, "index.skepticism"] > frame.loc[0, "index.skepticism"]  # "claimed", "so-called"
    copy = clone(transformer)
    assert copy.get_params()["indices"] is True and not hasattr(copy, "feature_names_out_")
    assert "index.tone" not in FramingFeatures(families=["hedging"]).fit(texts).get_feature_names_out()


def test_framing_features_refuses_an_indices_that_is_not_a_bool():
    with pytest.raises(framing.InputError, match="indices must be True or False"):
        FramingFeatures(indices="yes").fit([HEDGED])
