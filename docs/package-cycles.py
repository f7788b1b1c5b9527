#!/usr/bin/env python3
# Lists what each package of src/main/java/com/contactsynchub imports, and any import cycle between packages.
# Run from the repository root: python3 docs/package-cycles.py
import os,re,collections,sys
root=sys.argv[1] if len(sys.argv)>1 else 'src/main/java/com/contactsynchub'
deps=collections.defaultdict(set)
for d,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.java'): continue
        p=os.path.join(d,f)
        pkg=os.path.relpath(d,root).split('/')[0]
        src=open(p).read()
        for m in re.finditer(r'^import (?:static )?com\.contactsynchub\.([a-z]+)\.', src, re.M):
            q=m.group(1)
            if q!=pkg: deps[pkg].add(q)
        for m in re.finditer(r'(?<![\w."])com\.contactsynchub\.([a-z]+)\.[A-Z]', src):
            q=m.group(1)
            if q!=pkg: deps[pkg].add(q)
for a in sorted(deps): print(a,'->',sorted(deps[a]))
# SCCs
idx={};low={};st=[];on=set();res=[];c=[0]
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in deps.get(v,()):
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        if len(comp)>1: res.append(comp)
for v in list(deps):
    if v not in idx: sc(v)
print('cycles (strongly connected groups):',res)
