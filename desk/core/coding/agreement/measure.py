"""One agreement run: every coefficient per tag and pooled, with seeded intervals.

The pooled ("all tags") row treats each tag as its own layer, as Desk's tags
are independent codes that may overlap: its slices are (tag, slice) pairs,
its α_u adds up the tags' disagreements, its γ never aligns units of
different tags. The same resampled blocks serve every tag, so the pooled
interval is that of one resampling of the recording.

`progress(done, total)` hears of each tag measured (γ is most of the work);
`cancelled()` is asked between tags and between γ's random continua, and a
yes raises JobCancelled: what a window runs off its GUI thread can be stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desk.core.coding.agreement import bootstrap, gamma, slice_coefficients, unitizing
from desk.core.coding.agreement.results import AgreementResult, Estimate, TagAgreement
from desk.core.coding.agreement.slices import block_histograms, make_grid, patterns
from desk.core.coding.agreement.study import Study
from desk.core.errors import JobCancelled

Progress = Callable[[int, int], None]  # (steps done, steps in all)

ALL_TAGS = "(all tags)"
MIN_BLOCK_SECONDS = 10.0


@dataclass(frozen=True)
class Settings:
    slice_seconds: float = 0.1
    seed: int = 1
    replicates: int = bootstrap.REPLICATES
    gamma_min_samples: int = gamma.MIN_SAMPLES
    gamma_max_samples: int = gamma.MAX_SAMPLES
    gamma_precision: float = gamma.PRECISION
    block_seconds: float | None = None  # None: twice the mean unit, at least 10 s


def block_length(study: Study, settings: Settings) -> float:
    """Bootstrap blocks long enough that one coded range rarely spans two of them."""
    if settings.block_seconds is not None:
        return settings.block_seconds
    lengths = [r[:, 1] - r[:, 0] for by_coder in study.ranges.values()
               for r in by_coder.values() if len(r)]
    mean_ms = float(np.concatenate(lengths).mean()) if lengths else 0.0
    return max(MIN_BLOCK_SECONDS, 2 * mean_ms / 1000)


def never() -> bool:
    return False


def measure(study: Study, settings: Settings = Settings(), progress: Progress | None = None,
            cancelled: Callable[[], bool] = never) -> AgreementResult:
    """Every figure per tag and pooled; `progress` gets one step per tag and one for the pool."""

    def check() -> None:
        if cancelled():
            raise JobCancelled("agreement cancelled")

    def step(done: int) -> None:
        check()
        if progress is not None:
            progress(done, len(study.tags) + 1)

    m = len(study.annotators)
    block_seconds = block_length(study, settings)
    grid = make_grid(study.duration_ms, settings.slice_seconds, block_seconds)
    gamma_seed, boot_seed = np.random.SeedSequence(settings.seed).spawn(2)
    gamma_rng, boot_rng = np.random.default_rng(gamma_seed), np.random.default_rng(boot_seed)
    weights = bootstrap.draw_counts(boot_rng, grid.blocks, settings.replicates)
    pooled_hist = np.zeros((grid.blocks, 1 << m))
    pooled_u = np.zeros((2, settings.replicates + 1))
    all_gamma: list[gamma.GammaParts] = []
    rows = []
    step(0)
    for done, tag in enumerate(study.tags, start=1):
        hist = block_histograms(patterns(study, tag, grid), grid, m)
        pooled_hist += hist
        figures = _slice_figures(hist, weights, m)
        blocks = unitizing.unitizing_blocks(study, tag, grid)
        observed, expected = _with_replicates(blocks, weights)
        pooled_u += [observed, expected]
        figures["alpha_u"] = _estimate(unitizing.alpha_u(observed, expected))
        units = [study.units(tag, a) for a in study.annotators]
        parts = gamma.gamma_parts(units, study.duration_ms, gamma_rng, settings.gamma_min_samples,
                                  settings.gamma_max_samples, settings.gamma_precision, check)
        all_gamma.append(parts)
        figures["gamma"] = Estimate.of(parts.gamma, bootstrap.interval(
            gamma.bootstrap_gamma([parts], boot_rng, settings.replicates)))
        rows.append(TagAgreement(
            tag, {a: study.unit_count(tag, a) for a in study.annotators},
            {a: study.coded_ms(tag, a) / 1000 for a in study.annotators}, figures))
        step(done)
    overall = _slice_figures(pooled_hist, weights, m)
    overall["alpha_u"] = _estimate(unitizing.alpha_u(*pooled_u))
    overall["gamma"] = Estimate.of(gamma.pooled_gamma(all_gamma), bootstrap.interval(
        gamma.bootstrap_gamma(all_gamma, boot_rng, settings.replicates)))
    step(len(study.tags) + 1)
    total = TagAgreement(
        ALL_TAGS, {a: sum(r.units[a] for r in rows) for a in study.annotators},
        {a: sum(r.coded_seconds[a] for r in rows) for a in study.annotators}, overall)
    return AgreementResult(
        study.annotators, rows, total, grid.slice_ms / 1000,
        grid.block_slices * grid.slice_ms / 1000, settings.seed, settings.replicates,
        {row.tag: len(p.expected) for row, p in zip(rows, all_gamma, strict=True)},
        settings.gamma_precision, slice_coefficients.kappa_name(m))


def _slice_figures(hist: np.ndarray, weights: np.ndarray, m: int) -> dict[str, Estimate]:
    """Percent, κ and α with and without the slices nobody coded."""
    figures = {}
    for suffix, counts in (("", hist), ("_coded", slice_coefficients.without_neither(hist))):
        total = counts.sum(axis=0)
        resampled = bootstrap.resum(weights, counts.astype(np.int64))
        for key, function in (("percent", slice_coefficients.percent_agreement),
                              ("kappa", slice_coefficients.kappa),
                              ("alpha", slice_coefficients.krippendorff_alpha)):
            figures[key + suffix] = _estimate(
                np.concatenate([[function(total, m)], function(resampled, m)]))
    return figures


def _with_replicates(blocks: unitizing.UnitizingBlocks,
                     weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(o_01, e_01) of the data followed by those of each replicate."""
    observed, expected = unitizing.observed_expected(blocks)
    boot_observed, boot_expected = unitizing.observed_expected(blocks, weights)
    return (np.concatenate([[observed], boot_observed]),
            np.concatenate([[expected], boot_expected]))


def _estimate(values: np.ndarray) -> Estimate:
    """values[0] is the figure, the rest its bootstrap replicates."""
    return Estimate.of(float(values[0]), bootstrap.interval(values[1:]))
