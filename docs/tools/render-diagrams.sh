#!/usr/bin/env bash
# Renders every bpmn/*.bpmn to docs/diagrams/<name>.png with bpmn-js in headless Chromium, so each
# duty's doc page can show its picture. Needs node/npm and Debian's chromium; not part of the build.
#   bash docs/tools/render-diagrams.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund bpmn-js@18 >/dev/null)
mkdir -p "$root/docs/diagrams"
for bpmn in "$root"/bpmn/*.bpmn; do
  name=$(basename "$bpmn" .bpmn)
  python3 - "$bpmn" "$work/$name.html" "$work/node_modules/bpmn-js/dist" <<'PY'
import json, re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
dist = sys.argv[3]
# the picture is as big as the diagram: bounds of every shape and waypoint, plus a margin
xs, ys = [], []
for m in re.finditer(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', xml):
    x, y, w, h = map(float, m.groups()); xs += [x, x + w]; ys += [y, y + h]
for m in re.finditer(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)"', xml):
    xs.append(float(m.group(1))); ys.append(float(m.group(2)))
x0, y0 = min(xs) - 30, min(ys) - 30
w, h = int(max(xs) - x0 + 30), int(max(ys) - y0 + 30)
open(sys.argv[2] + ".size", "w").write(f"{w},{h}")
open(sys.argv[2], "w", encoding="utf-8").write(f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{dist}/assets/bpmn-js.css">
<style>html,body{{margin:0;background:#fff;font-family:'Sarabun','Loma',sans-serif}}#c{{width:{w}px;height:{h}px}}</style>
<script src="file://{dist}/bpmn-viewer.production.min.js"></script></head>
<body><div id="c"></div><script>
const viewer = new BpmnJS({{container: '#c'}});
viewer.importXML({json.dumps(xml)}).then(() => {{
  const canvas = viewer.get('canvas'); canvas.viewbox({{x: {x0}, y: {y0}, width: {w}, height: {h}}});
  document.title = 'done';
}});
</script></body></html>""")
PY
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --allow-file-access-from-files --hide-scrollbars \
    --user-data-dir="$work/profile" --virtual-time-budget=3000 --window-size="$(cat "$work/$name.html.size")" \
    --screenshot="$root/docs/diagrams/$name.png" "file://$work/$name.html" 2>/dev/null
  echo "docs/diagrams/$name.png"
done
