"""Sharded ingest under Prefect: the fan-out flow, and the global concurrency limit of the rounds stage.

`ingest-sharded` starts N runs of an `ingest` deployment at once, one per shard (`shard="K/N"`),
on whatever workers poll its work pool, and waits until every one has finished: then the pass's
rounds and alerts are complete. The shards' deployment must admit N runs at once (no concurrency
limit of 1, unlike the scheduled `layoffwatch-ingest`): docs/scale.md has both deployments. Each shard fetches, extracts and classifies its feeds in
parallel with the others; their writes to the lake take turns (see `storage.backends.catalog_lock`).

When Prefect orchestrates a shard (a deployment run), its order-sensitive stage (store: dedup,
rounds, the alert outbox; then alert delivery) also holds the one slot of the global concurrency
limit `layoffwatch-rounds`, so the UI shows which shard writes and which waits. Create it once:

    prefect global-concurrency-limit create layoffwatch-rounds --limit 1

The catalog lock underneath is what guarantees one writer at a time; the limit only makes the wait
visible and queues shards in Prefect rather than in PostgreSQL. Without it (a missing limit is
skipped) or outside a deployment (`layoffwatch run --shard K/N`) the catalog lock alone serialises.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any, cast

from prefect import flow, get_run_logger
from prefect.client.orchestration import get_client
from prefect.concurrency.sync import concurrency
from prefect.context import FlowRunContext
from prefect.client.schemas.objects import FlowRun
from prefect.deployments import run_deployment

from ingest.settings import LakeTarget, Settings

ROUNDS_LIMIT = "layoffwatch-rounds"
INGEST_DEPLOYMENT = "ingest/layoffwatch-ingest-shard"
_POLL_SECONDS = 5.0


def rounds_slot(settings: Settings) -> AbstractContextManager[None]:
    """Return a guard holding the `layoffwatch-rounds` slot for a deployment run on a DuckLake (else nothing)."""
    context = FlowRunContext.get()
    orchestrated = context is not None and context.flow_run is not None and context.flow_run.deployment_id is not None
    if not orchestrated or not isinstance(settings.db, LakeTarget):
        return nullcontext()
    return concurrency(ROUNDS_LIMIT, occupy=1, strict=False)


def shard_parameters(shards: int, respect_backoff: bool, send_alerts: bool) -> list[dict[str, Any]]:
    """Return the parameters of each shard's run: `shard` = "1/N" ... "N/N"."""
    if not 1 <= shards <= 1024:
        raise ValueError(f"shards must be between 1 and 1024, not {shards}")
    return [
        {"shard": f"{index}/{shards}", "respect_backoff": respect_backoff, "send_alerts": send_alerts}
        for index in range(1, shards + 1)
    ]


@flow(name="ingest-sharded", description="Start one ingest run per shard at once and wait until all have finished.")
def ingest_sharded(
    shards: int = 2,
    deployment: str = INGEST_DEPLOYMENT,
    respect_backoff: bool = True,
    send_alerts: bool = True,
) -> dict[str, str]:
    """Run one pass over every feed as `shards` concurrent ingest runs; return each shard's final state."""
    logger = get_run_logger()
    # timeout=0: start each run and return at once, so all shards run together.
    started = {
        params["shard"]: cast(FlowRun, run_deployment(deployment, parameters=params, timeout=0, as_subflow=True))
        for params in shard_parameters(shards, respect_backoff, send_alerts)
    }
    logger.info("started %d shard runs of %s", len(started), deployment)
    final: dict[str, str] = {}
    with get_client(sync_client=True) as client:
        while len(final) < len(started):
            for shard, run in started.items():
                if shard in final:
                    continue
                state = client.read_flow_run(run.id).state
                if state is not None and state.is_final():
                    final[shard] = state.name or str(state.type.value)
            if len(final) < len(started):
                time.sleep(_POLL_SECONDS)
    failed = sorted(shard for shard, name in final.items() if name != "Completed")
    if failed:
        raise RuntimeError(f"shards {', '.join(failed)} of {shards} did not complete: {final}")
    return final
