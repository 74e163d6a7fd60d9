"""Batch extraction: streaming in-process (``nlp.pipe`` with ``n_process``) or on Dask.

Both engines run the same per-partition function, ``process_partition``, so their
output is identical; order always follows the input.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from .api import Extractor

_WORKER_EXTRACTOR: dict[tuple, Extractor] = {}


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _extractor(model: str, max_chars: int, explain: bool = False, lexicons: tuple = ()) -> Extractor:
    key = (model, max_chars, explain, lexicons)
    if key not in _WORKER_EXTRACTOR:
        _WORKER_EXTRACTOR[key] = Extractor(
            model=model, max_chars=max_chars, explain=explain, lexicons=lexicons
        )
    return _WORKER_EXTRACTOR[key]


def process_partition(
    records: list[dict],
    model: str = "auto",
    max_chars: int = 1_000_000,
    explain: bool = False,
    lexicons: tuple = (),
) -> list[dict]:
    """Article records for one partition of input records (the unit of work of every engine)."""
    return list(
        _extractor(model, max_chars, explain, tuple(lexicons)).pipe(records, n_process=1, batch_size=64)
    )


_FORKED: Extractor | None = None  # the parent's extractor, inherited by forked workers


def _work(chunk: list[dict]) -> list[dict]:
    return list(_FORKED.pipe(chunk, n_process=1, batch_size=len(chunk) or 1))


def _quiet_worker() -> None:
    """A worker leaves Ctrl-C to the parent and dies quietly when the pool is terminated."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_inprocess(
    records: Iterable[dict], ex: Extractor, workers: int = 1, batch_size: int = 64
) -> Iterator[dict]:
    """Stream article records in input order; ``workers`` > 1 runs a pool of forked processes.

    Workers return finished article records (plain dicts), not Docs: shipping Docs back, as
    ``nlp.pipe(n_process=N)`` does, costs more than the extraction itself (see bench/throughput.py).
    At most ``2 * workers`` chunks of ``batch_size`` records are in flight, so memory stays flat.
    A chunk whose worker fails is redone in this process, record by record.
    """
    if workers <= 1:
        yield from ex.pipe(records, n_process=1, batch_size=batch_size)
        return
    global _FORKED
    _FORKED = ex
    try:
        ctx = mp.get_context("fork")
    except ValueError:  # no fork on this platform: fall back to spaCy's own multiprocessing
        yield from ex.pipe(records, n_process=workers, batch_size=batch_size)
        return
    it = iter(records)
    first = list(itertools.islice(it, batch_size))
    peek = list(itertools.islice(it, 1))
    if not peek:  # one chunk or none: forking workers costs more than the work
        yield from ex.pipe(first, n_process=1, batch_size=batch_size)
        return
    it = itertools.chain(first, peek, it)
    pool = ctx.Pool(workers, initializer=_quiet_worker)
    try:
        window: deque = deque()
        while True:
            while len(window) < 2 * workers:
                chunk = list(itertools.islice(it, batch_size))
                if not chunk:
                    break
                window.append((chunk, pool.apply_async(_work, (chunk,))))
            if not window:
                break
            chunk, result = window.popleft()
            try:
                out = result.get()
            except Exception:
                out = list(ex.pipe(chunk, n_process=1, batch_size=1))
            yield from out
    except BaseException:
        pool.terminate()  # Ctrl-C, or the consumer stopped early
        raise
    else:
        # close, then join: terminating a pool whose worker handler may still be forking a
        # replacement worker can leave that child deadlocked on a lock and the run waiting for it
        pool.close()
    finally:
        pool.join()


def scheduler_warning(address: str) -> str | None:
    """Why a scheduler address is risky, or None: Dask runs (and unpickles) what the cluster sends,
    so a plain tcp:// address beyond this machine trusts everyone on the way."""
    from urllib.parse import urlparse

    u = urlparse(address if "://" in address else f"tcp://{address}")
    if u.scheme == "tls":
        return None
    if u.hostname in ("localhost", "127.0.0.1", "::1") or (u.hostname or "").startswith("127."):
        return None
    return (
        f"{address} is not encrypted and not on this machine; a Dask cluster runs what it is sent, so use "
        "only a cluster you trust, and tls:// with --tls-ca/--tls-cert/--tls-key over a network"
    )


@contextlib.contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None, tls: tuple = (None, None, None)):
    """A Dask client: of the cluster at ``scheduler`` (``tls://`` with the given CA, certificate and
    key), or of a local cluster of ``workers`` processes, closed on leaving."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("the dask engine needs the optional extra: pip install '.[dask]'") from e

    cluster = None
    if scheduler:
        security = None
        if scheduler.startswith("tls://"):
            from distributed.security import Security

            ca, cert, key = tls
            security = Security(
                tls_ca_file=ca, tls_client_cert=cert, tls_client_key=key, require_encryption=True
            )
        client = Client(scheduler, security=security, timeout="20s")
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_dask(
    records: Iterable[dict],
    model: str = "auto",
    max_chars: int = 1_000_000,
    workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = 256,
    explain: bool = False,
    lexicons: tuple = (),
    tls: tuple = (None, None, None),
) -> Iterator[dict]:
    """The same per-partition function on a Dask cluster (``--engine dask``).

    Partitions of ``partition_size`` records are submitted as a ``dask.bag``; with no
    ``scheduler`` address a local cluster of ``workers`` processes is started (user ``lexicons``
    are read by each worker: the files must be readable there). Results
    come back in input order; at most ``2 * workers`` partitions are in flight, so
    memory stays bounded.
    """
    with dask_client(workers, scheduler, tls) as client:
        import dask.bag as db

        it = iter(records)
        in_flight: list = []
        window = max(2, 2 * workers)
        while True:
            while len(in_flight) < window:
                part = list(itertools.islice(it, partition_size))
                if not part:
                    break
                bag = db.from_sequence([part], npartitions=1).map(
                    process_partition, model=model, max_chars=max_chars, explain=explain, lexicons=lexicons
                )
                in_flight.append(client.compute(bag))
            if not in_flight:
                break
            fut = in_flight.pop(0)
            for result in fut.result():
                yield from result
