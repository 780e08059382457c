"""URLs: canonical forms, tracking parameters, redaction of secrets in URLs.

    canonical.py   one key per story: `canonicalize`, `article_id_for`, `page_canonical`
    variants.py    host and path rules (www., AMP and mobile editions, escapes, the site of a host)
    tracking.py    query rules (tracking parameters, AMP switches)
    wrappers.py    redirect wrappers and AMP caches unwrapped to the URL they carry
    googlenews.py  Google News article ids (the older ones carry the publisher URL)
    pagehead.py    a page's own `<link rel=canonical>` and `og:url`
    fallback.py    keys for items whose link cannot be resolved
    redact.py      the one redactor: URLs and text made safe to log, store and show
"""

from ingest.models.urls import UrlResolution
from ingest.urls.canonical import ID_LENGTH, article_id_for, canonicalize, page_canonical
from ingest.urls.fallback import fallback_key
from ingest.urls.googlenews import decode_google_news, encode_google_news, is_google_news
from ingest.urls.pagehead import find_page_canonical
from ingest.urls.tracking import TRACKING_PARAMS, TRACKING_PREFIXES
from ingest.urls.wrappers import REDIRECT_PARAMS

__all__ = [
    "ID_LENGTH",
    "REDIRECT_PARAMS",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "UrlResolution",
    "article_id_for",
    "canonicalize",
    "decode_google_news",
    "encode_google_news",
    "fallback_key",
    "find_page_canonical",
    "is_google_news",
    "page_canonical",
]
