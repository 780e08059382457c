"""Query rules: parameters that never select content (tracking, click ids, AMP switches) are dropped.

What is left is sorted, so two links to one page that list their parameters in another order
agree. `TRACKING_PARAMS` names single parameters, `TRACKING_PREFIXES` whole families of them.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode

# Query parameters that never select content: analytics, click ids, referrers, share ids.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "ttclid", "twclid",
        "igshid", "igsh", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "__hstc", "__hssc", "__hsfp", "hsctatracking", "ref", "ref_src", "ref_url", "referrer",
        "referer", "cmpid", "cmp", "ocid", "smid", "smtyp", "spm", "scm", "src", "source",
        "feature", "ito", "xtor", "wt_mc", "wt.mc_id", "wt_zmc", "s_cid", "s_kwcid", "mbid",
        "sr_share", "share", "shared", "soc_src", "soc_trk", "trk", "trkcampaign", "partner",
        "taid", "rss", "feed", "oc", "guccounter", "guce_referrer", "guce_referrer_sig",
        "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid", "__twitter_impression",
        "cid_source", "fromrss", "from_rss", "dicbo", "tpcc", "traffic_source", "sref",
    }
)
# Whole families of tracking parameters (Google Analytics, Piwik/Matomo, HubSpot, AT Internet...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "hsa_", "ns_", "itm_", "at_", "stm_")
# Query switches that only select the AMP rendering of the same article.
_AMP_PARAMS: frozenset[str] = frozenset({"amp", "_amp", "amp_js_v", "usqp", "outputtype"})


def canonical_query(query: str) -> str:
    """Return the query without tracking parameters and AMP switches, its pairs sorted."""
    if not query:
        return ""
    kept = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        lowered = key.lower()
        if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
            continue
        if lowered in _AMP_PARAMS and (lowered != "outputtype" or value.lower() == "amp"):
            continue
        kept.append((key, value))
    kept.sort()
    return urlencode(kept, quote_via=quote)
