"""A `mailto:` URL (RFC 6068) that mail programs accept: UTF-8 percent-encoding, CRLF line
breaks as %0D%0A, and at most MAILTO_LIMIT characters in all.

When the text is too long, the body is shortened at a word boundary with an ellipsis: first the
text after the link, then the text before it. The link itself is never cut.
"""

from dataclasses import dataclass
from urllib.parse import quote

from consultant_app.survey.errors import MailtoTooLongError

# Below the ~2,000 characters that Outlook on Windows and several browsers hand on intact.
MAILTO_LIMIT = 1999
ELLIPSIS = "…"


@dataclass(frozen=True)
class MailtoLink:
    url: str
    truncated: bool  # the body was shortened to fit


def encode(text: str) -> str:
    """Every reserved and non-ASCII character percent-encoded as UTF-8; line breaks as CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    return quote(text, safe="")


def build(to: str, subject: str, body: str) -> str:
    return f"mailto:{quote(to, safe='@')}?subject={encode(subject)}&body={encode(body)}"


def mailto_url(to: str, subject: str, body: str, *, link: str, limit: int = MAILTO_LIMIT) -> MailtoLink:
    at = body.find(link)
    if at < 0:  # compose() always puts the link in; keep the promise for other callers too
        body, at = f"{body}\n\n{link}", len(body) + 2
    url = build(to, subject, body)
    if len(url) <= limit:
        return MailtoLink(url, False)
    head, tail = body[:at], body[at + len(link) :]

    def fits(candidate_head: str, candidate_tail: str) -> bool:
        return len(build(to, subject, candidate_head + link + candidate_tail)) <= limit

    if fits(head, ""):
        tail = _longest_prefix(tail, lambda t: fits(head, t))
    else:
        head = _longest_prefix(head, lambda h: fits(h, ""), before_link=True)
        tail = ""
        if not fits(head, tail):
            length = len(build(to, subject, link))
            raise MailtoTooLongError(length=length, limit=limit)
    return MailtoLink(build(to, subject, head + link + tail), True)


def _longest_prefix(text: str, fits, *, before_link: bool = False) -> str:
    """The longest cut of `text` at a word boundary (plus an ellipsis) that still fits."""
    cuts = [i for i, ch in enumerate(text) if ch.isspace()]

    def candidate(i: int) -> str:
        kept = text[:i].rstrip()
        if not kept:
            return ""
        return f"{kept} {ELLIPSIS}\n\n" if before_link else f"{kept} {ELLIPSIS}"

    low, high, best = 0, len(cuts) - 1, ""
    while low <= high:  # the encoded length grows with the prefix: binary search
        middle = (low + high) // 2
        if fits(candidate(cuts[middle])):
            best, low = candidate(cuts[middle]), middle + 1
        else:
            high = middle - 1
    return best
