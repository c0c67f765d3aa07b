"""Shared test setup: no test may reach a model hub."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

# A private datasets cache per run: a cache left by an earlier run (same temporary path, other
# content) must never answer for this run's Parquet files.
import tempfile  # noqa: E402

os.environ["HF_DATASETS_CACHE"] = tempfile.mkdtemp(prefix="kzl-hf-cache-")
