"""scorer: sourcing labels, citation chains and sourcing-quality scores for news articles.

Example:
    >>> from scorer import Scorer, ScoringConfig
    >>> article = Scorer(ScoringConfig(classifier="rules")).score_text(
    ...     "Officials said the dam is safe. It was built in 1950.")
    >>> article.profile.counts["anonymous-source"]
    1
"""

from __future__ import annotations

from scorer.article import LABELS, Article, Hop, Label, Sentence
from scorer.classifiers.base import Classifier, Prediction
from scorer.classifiers.registry import load as load_classifier
from scorer.classifiers.rules import RuleClassifier
from scorer.pipeline import SCHEMA_VERSION, Scorer, ScoringConfig, article_to_dict, score_files
from scorer.profile import ScoreWeights
from scorer.triage import TriageConfig, triage

__all__ = [
    "LABELS",
    "SCHEMA_VERSION",
    "Article",
    "Classifier",
    "Hop",
    "Label",
    "Prediction",
    "RuleClassifier",
    "ScoreWeights",
    "Scorer",
    "ScoringConfig",
    "Sentence",
    "article_to_dict",
    "load_classifier",
    "score_files",
    "TriageConfig",
    "triage",
]
__version__ = "0.1.0"
