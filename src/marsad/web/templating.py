"""Jinja2 with autoescaping on for every template (article text is hostile), the helpers every
page uses, and the response headers that keep a page from loading anything foreign."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad import __version__
from marsad.web import i18n
from marsad.web.markup import highlight, safe_url, text_direction

# Nothing from outside the server, no inline script or style: stored text cannot run code here
# even if an escaping bug let markup through (the escaping is tested on its own).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
COOKIE_MAX_AGE = 365 * 24 * 3600

env = Environment(
    loader=PackageLoader("marsad.web", "templates"),
    autoescape=True,  # all templates, whatever their extension
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(highlight=highlight, safe_url=safe_url, text_direction=text_direction, version=__version__)


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current path and query with ``changes`` applied (None drops a key, a list repeats
    it); ``lang`` is dropped unless changed, since the cookie remembers it."""
    keep = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "lang"]
    for key, value in changes.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, (list, tuple)):
            keep.extend((key, str(v)) for v in value)
        else:
            keep.append((key, str(value)))
    query = urlencode(keep)
    return (path or request.url.path) + ("?" + query if query else "")


def render(request: Request, template: str, context: Mapping[str, Any], *, status: int = 200) -> HTMLResponse:
    lang, chosen = i18n.request_language(request)
    t = i18n.translator(lang)
    other = "en" if lang == "ar" else "ar"
    html = env.get_template(template).render(
        request=request,
        lang=lang,
        dir=i18n.DIRECTION[lang],
        rtl=lang == "ar",
        t=t,
        fmt_date=lambda iso: i18n.format_date(iso, lang),
        fmt_num=lambda n: f"{n:,}",
        language_name=lambda code: i18n.language_name(code, lang),
        url_with=lambda path=None, **changes: url_with(request, path, **changes),
        switch_url=url_with(request, lang=other),
        switch_lang=other,
        **{"query": "", "active": "", **context},
    )
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    if chosen:
        response.set_cookie(i18n.COOKIE, lang, max_age=COOKIE_MAX_AGE, httponly=True, samesite="lax")
    return response
