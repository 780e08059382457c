"""Alerts through saved Prefect notification blocks: the sender the flows pass to alert delivery.

Users name blocks in `LAYOFFWATCH_PREFECT_NOTIFY_BLOCKS`; `ingest.settings.alert_channels` lists
them as `prefect-block://<name>` channels beside the Apprise URLs, and `usecases.run.deliver_alerts`
sends those through `SENDERS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prefect.blocks.core import Block
from prefect.client.orchestration import get_client

from ingest.models.errors import AlertError
from ingest.settings import PREFECT_BLOCK_SCHEME
from usecases.run import Senders


def notify_block(url: str, title: str, body: str, payload: Mapping[str, Any], /, *, timeout: float) -> None:
    """Send through the saved Prefect notification block `url` names; failures become AlertError."""
    name = url.removeprefix(PREFECT_BLOCK_SCHEME)
    try:
        # Block.load is typed as maybe-async; called outside an event loop it returns the block.
        block: Any = Block.load(name if "/" in name else f"{_block_type(name)}/{name}")
        block.notify(body=body, subject=title)
    except Exception as exc:  # any failure of a user's block is that channel's failure, not the run's
        raise AlertError(f"prefect-block://{name}", f"Prefect block failed: {type(exc).__name__}: {exc}"[:300]) from None


def _block_type(name: str) -> str:
    """Return the block type slug of a saved block called `name` (users give only the name)."""
    with get_client(sync_client=True) as client:
        for document in client.read_block_documents():
            if document.name == name and document.block_type is not None:
                return document.block_type.slug
    raise LookupError(f"no saved Prefect block named {name!r}")


SENDERS: Senders = {PREFECT_BLOCK_SCHEME: notify_block}
