#!/usr/bin/env python3
# Issue 17: includes named by their layer. Run from the repository root as `scripts/qualify-includes.py src tests`: every
# quoted include found under src/ (the file's folder first, then the layers' roots, as the build finds it) is rewritten as its
# path from src/ ("base/options.h" → "core/base/options.h"). Mechanical, but it touches most files: run it when no
# branch is open on them, then rebuild everything once.
# Rewrites every quoted include under the given folders to its path from src/ ("core/base/options.h").
import os, re, sys
SRC = os.path.abspath('src')
ROOTS = [os.path.join(SRC, r) for r in ['core', 'platform', 'ui', 'server', 'server/mirror', 'app']] + [SRC]
INC = re.compile(r'^(\s*#\s*include\s+)"([^"]+)"', re.M)
changed = 0
unresolved = set()
for top in sys.argv[1:]:
    for dirpath, _, files in os.walk(top):
        for name in files:
            if not name.endswith(('.cpp', '.h', '.hpp')): continue
            path = os.path.join(dirpath, name)
            text = open(path, encoding='utf-8').read()
            def fix(m):
                inc = m.group(2)
                for base in [os.path.dirname(os.path.abspath(path))] + ROOTS:
                    cand = os.path.normpath(os.path.join(base, inc))
                    if os.path.isfile(cand) and cand.startswith(SRC + os.sep):
                        return m.group(1) + '"' + os.path.relpath(cand, SRC) + '"'
                unresolved.add(inc)
                return m.group(0)
            new = INC.sub(fix, text)
            if new != text:
                open(path, 'w', encoding='utf-8').write(new)
                changed += 1
print('changed', changed, 'files; not under src:', sorted(unresolved))
