"""nyhetsgraf: Norwegian news turned into a structured, source-linked record of facts."""

__version__ = "0.1.0"
