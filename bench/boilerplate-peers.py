#!/usr/bin/env python3
"""For bench/boilerplate.ts: decodes each page's HTML as the corpus's own html2lines.py does (so every
extractor reads the same characters the plain-text lines came from) and runs readability-lxml on it.
Input on stdin: JSON [{"name", "html_path", "tool_dir"}]. Output on stdout: JSON
{"lxml": "ok" | reason, "pages": {name: {"html": decoded, "lxml": text or null}}}."""
import json, sys

jobs = json.load(sys.stdin)
try:
    from readability import Document
    import lxml.html
    lxml_status = 'ok'
except Exception as e:  # no python3-readability here: the bench says so and skips the peer
    Document = None
    lxml_status = f'readability-lxml not importable ({e.__class__.__name__}: {e})'

decoders = {}
out = {}
for job in jobs:
    tool = job['tool_dir']
    if tool not in decoders:
        sys.path.insert(0, tool)
        import importlib
        decoders[tool] = importlib.import_module('html2lines').decode
        sys.path.pop(0)
        sys.modules.pop('html2lines', None)
    with open(job['html_path'], 'rb') as f:
        html = decoders[tool](f.read())
    text = None
    if Document is not None:
        try:
            summary = Document(html).summary(html_partial=True)
            # Block boundaries become line breaks so that neighbouring blocks do not glue into one run.
            doc = lxml.html.fromstring(summary)
            for el in doc.iter():
                if el.tag in ('p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'table', 'pre', 'blockquote'):
                    el.tail = '\n' + (el.tail or '')
            text = doc.text_content()
        except Exception as e:
            text = ''
    out[job['name']] = {'html': html, 'lxml': text}
json.dump({'lxml': lxml_status, 'pages': out}, sys.stdout, ensure_ascii=False)
