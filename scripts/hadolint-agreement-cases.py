# Extracts hadolint's rule specification cases (ruleCatches / ruleCatchesNot) into JSON for
# server/src/core/rules/dockerfile/hadolint-agreement.test.ts (issue #14). Usage: put the spec files
# of the DL codes Dockyard lists in its rules' `equivalents` (test/Hadolint/Rule/DLxxxxSpec.hs of a
# hadolint/hadolint checkout, e.g. `git show HEAD:test/Hadolint/Rule/DL3008Spec.hs > /tmp/hspec/DL3008.hs`)
# in /tmp/hspec, run `python3 scripts/hadolint-agreement-cases.py`, and paste /tmp/cases.json's rows
# into the test's CASES table. Blocks that set their own hadolint configuration (`?config`) are skipped.
import re, json, glob, os
def hstr(s, i):
    # s[i] == '"'; returns (value, end_index_after_quote)
    assert s[i] == '"'
    i += 1; out = []
    while True:
        c = s[i]
        if c == '"': return ''.join(out), i + 1
        if c == '\\':
            n = s[i+1]
            if n in ' \t\n\r':
                j = s.index('\\', i + 1); i = j + 1; continue
            m = {'n':'\n','t':'\t','\\':'\\','"':'"',"'":"'",'&':'','r':'\r','$':'$'}
            if n in m: out.append(m[n]); i += 2; continue
            if n.isdigit():
                j = i + 1
                while s[j].isdigit(): j += 1
                out.append(chr(int(s[i+1:j]))); i = j; continue
            raise ValueError('escape ' + n)
        out.append(c); i += 1

def strlist(s, i):
    # s[i] == '['; list of string literals
    assert s[i] == '['
    i += 1; items = []
    while True:
        while s[i] in ' \t\n\r,': i += 1
        if s[i] == ']': return items, i + 1
        if s[i] == '"':
            v, i = hstr(s, i); items.append(v)
        elif s.startswith('--', i):
            i = s.index('\n', i)
        else:
            raise ValueError('list item at ' + s[i:i+30])

def arg(s, i, env):
    while s[i] in ' \t\n\r': i += 1
    if s[i] == '$':
        i += 1
        while s[i] in ' \t\n\r': i += 1
    if s[i] == '"': return hstr(s, i)
    if s[i] == '(' : i += 1
    m = re.match(r'(Text\.)?unlines\s*', s[i:])
    if m:
        i += m.end()
        if s[i] == '[':
            items, j = strlist(s, i)
            return ''.join(x + '\n' for x in items), j
        m2 = re.match(r'[a-zA-Z_][a-zA-Z0-9_\']*', s[i:])
        name = m2.group(0)
        v = env.get(name)
        if isinstance(v, list): return ''.join(x + '\n' for x in v), i + m2.end()
        raise ValueError('unknown list ' + name)
    m2 = re.match(r'[a-zA-Z_][a-zA-Z0-9_\']*', s[i:])
    if m2 and m2.group(0) in env and isinstance(env[m2.group(0)], str):
        return env[m2.group(0)], i + m2.end()
    raise ValueError('arg at ' + s[i:i+40])

cases = []; skipped = []
for f in sorted(glob.glob('/tmp/hspec/*.hs')):
    code = os.path.basename(f)[:-3]
    s = open(f).read()
    blocks = re.split(r'\n(?=\s+it\s+")', s)
    for b in blocks[1:]:
        mname = re.match(r"\s*it\s+", b)
        if not mname: continue
        name, _ = hstr(b, mname.end())
        if '?config' in b:
            skipped.append((code, name, 'custom config')); continue
        env = {}
        for m in re.finditer(r'(?:let\s+|\n\s+)([a-zA-Z_][a-zA-Z0-9_\']*)\s*=\s*(\$?\s*\(?(?:Text\.)?unlines\s*)?(?=[\["])', b):
            j = m.end()
            try:
                v = strlist(b, j)[0] if b[j] == '[' else hstr(b, j)[0]
                if m.group(2) and isinstance(v, list): v = ''.join(x + '\n' for x in v)
                env[m.group(1)] = v
            except Exception as e:
                pass
        b = re.sub(r'(?<![A-Za-z])(ruleCatches|ruleCatchesNot)\s+rule\b', lambda m: m.group(1) + ' "' + code + '"', b)
        for m in re.finditer(r'(?<![A-Za-z])(ruleCatches|ruleCatchesNot)\s+"(DL\d+)"', b):
            try:
                text, _ = arg(b, m.end(), env)
            except Exception as e:
                skipped.append((code, name, 'parse: ' + str(e)[:60])); continue
            cases.append({'code': m.group(2), 'name': name, 'catches': m.group(1) == 'ruleCatches', 'text': text})
json.dump(cases, open('/tmp/cases.json', 'w'), indent=1)
print(len(cases), 'cases;', len(skipped), 'skipped')
for x in skipped: print(x)
