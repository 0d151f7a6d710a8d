"""Print each line of a C file with the source position #line directives give it.

Usage: linemap.py FILE. Every line after the first `#line N "name"` is printed
as `name:N: text` (the text stripped of indentation), where N counts on from
the last directive as the C preprocessor does; directives themselves and lines
before the first one are not printed. FileCheck then pins which source line
each emitted statement is attributed to.
"""
import os
import re
import sys

directive = re.compile(r'^\s*#\s*line\s+(\d+)(?:\s+"([^"]*)")?\s*$')
name, line = None, None
with open(sys.argv[1]) as f:
    for text in f:
        m = directive.match(text)
        if m:
            line = int(m.group(1))
            if m.group(2) is not None:
                name = os.path.basename(m.group(2))
            continue
        if line is not None:
            print("%s:%d: %s" % (name, line, text.strip()))
            line += 1
