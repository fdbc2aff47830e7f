# Runs one measuring script in every CPython 3.10-3.13. Output is split into sections at lines
# starting with '---'; a section is printed once when all versions agree, else once per version.
import subprocess, sys
VERSIONS = ['3.10.13', '3.11.7', '3.12.1', '3.13.0']
script = sys.argv[1]

def sections(text):
    out, cur = [], []
    for line in text.splitlines():
        if line.startswith('---') and cur:
            out.append(cur)
            cur = []
        cur.append(line)
    out.append(cur)
    return out

runs = {}
for v in VERSIONS:
    r = subprocess.run([f'/root/.pyenv/versions/{v}/bin/python3', script], capture_output=True, text=True,
                       env={'PYTHONHASHSEED': '0', 'PYTHONDONTWRITEBYTECODE': '1', 'PATH': '/usr/bin:/bin'})
    text = r.stdout
    if r.returncode != 0:
        text += f'\n[exit {r.returncode}] ' + (r.stderr.strip().splitlines() or [''])[-1]
    runs[v] = sections(text)
n = max(len(s) for s in runs.values())
for i in range(n):
    per = {v: runs[v][i] if i < len(runs[v]) else ['<missing>'] for v in VERSIONS}
    if all(len(p) == len(per[VERSIONS[0]]) for p in per.values()):
        for j in range(len(per[VERSIONS[0]])):
            lines = [per[v][j] for v in VERSIONS]
            if len(set(lines)) == 1:
                print('  all  ' + lines[0])
            else:
                for v, l in zip(VERSIONS, lines):
                    print(f'  {v[:4]:5}' + l)
    else:
        for v in VERSIONS:
            print(f'  [{v[:4]}]  ' + ' | '.join(per[v]))
