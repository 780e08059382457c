"""Importing this module readies classification in every supported language, once.

It compiles the lexicons and the date, count and job-title patterns, and loads the default company table.
The extraction workers' forkserver imports it (`usecases.workers.HEAVY_MODULES`): the server does this
work once per run, and every worker forked from it starts with it done instead of each doing it again
(0.2 s of CPU per worker). Nothing else imports it.
"""

from __future__ import annotations

from ingest.understanding import load_company_table, warm_lexicons

warm_lexicons()
load_company_table(None)
