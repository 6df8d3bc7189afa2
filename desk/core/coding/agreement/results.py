"""What an agreement run reports: per tag and overall, each figure with its interval."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from desk.core.coding.agreement.reading import reading, threshold_note

# The figures of one row, in report order: key, label in tables.
FIGURES = (
    ("percent", "% agreement"),
    ("percent_coded", "% agreement (coded slices)"),
    ("kappa", "κ"),
    ("kappa_coded", "κ (coded slices)"),
    ("alpha", "α"),
    ("alpha_coded", "α (coded slices)"),
    ("alpha_u", "α_u"),
    ("gamma", "γ"),
)


@dataclass(frozen=True)
class Estimate:
    """A coefficient with its bootstrap 95 % interval; None where it is not defined."""

    value: float | None
    low: float | None = None
    high: float | None = None

    @classmethod
    def of(cls, value: float, interval: tuple[float | None, float | None]) -> Estimate:
        if not math.isfinite(value):
            return cls(None)
        return cls(float(value), *interval)

    @property
    def reading(self) -> str:
        return reading(self.value)

    def to_json(self) -> dict[str, Any]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 6)

        return {"value": rounded(self.value), "ci95": [rounded(self.low), rounded(self.high)],
                "reading": self.reading}


@dataclass
class TagAgreement:
    tag: str  # "(all tags)" for the pooled row
    units: dict[str, int]  # annotations per annotator
    coded_seconds: dict[str, float]  # time each annotator coded (overlaps counted once)
    figures: dict[str, Estimate]

    def to_json(self) -> dict[str, Any]:
        return {"tag": self.tag, "units": self.units,
                "coded_seconds": {k: round(v, 3) for k, v in self.coded_seconds.items()},
                **{key: self.figures[key].to_json() for key, _ in FIGURES}}


@dataclass
class AgreementResult:
    annotators: tuple[str, ...]
    tags: list[TagAgreement]
    overall: TagAgreement
    slice_seconds: float
    block_seconds: float
    seed: int
    replicates: int
    gamma_samples: dict[str, int]  # random continua drawn per tag
    gamma_precision: float
    kappa_name: str  # "Cohen's κ" or "Fleiss' κ"
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[TagAgreement]:
        return [*self.tags, self.overall]

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "kappa": self.kappa_name,
            "settings": {"slice_seconds": self.slice_seconds,
                         "bootstrap_block_seconds": self.block_seconds,
                         "bootstrap_replicates": self.replicates, "seed": self.seed,
                         "gamma_samples": self.gamma_samples,
                         "gamma_precision": self.gamma_precision},
            "thresholds": threshold_note(),
            "tags": [row.to_json() for row in self.tags],
            "overall": self.overall.to_json(),
            "notes": list(self.notes),
        }
