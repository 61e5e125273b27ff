#!/usr/bin/env python3
# plot.py: bar chart of one benchmark run, as SVG, with no module beyond
# Python's own
#
#   tests/bench/plot.py RESULTS [TITLE] > chart.svg
#
# RESULTS is the rig's results.txt (lines "RESULT <client> <workload>
# <ops/s> <peak RSS KiB>"). One panel per workload, each with its own
# scale: the workloads' figures differ by a hundred times.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import sys
from xml.sax.saxutils import escape

WORKLOADS = ['get-seq', 'get-c64', 'insert-seq', 'aql-1000']
UNITS = {'aql-1000': 'queries/s'}
COLOURS = ['#3465a4', '#73d216', '#f57900', '#75507b', '#c17d11', '#cc0000', '#555753']

PANEL_W, PANEL_H = 300, 230
TOP, BOTTOM, LEFT = 40, 70, 60


def read_results(path):
    figures = {}
    clients = []
    with open(path) as results:
        for line in results:
            fields = line.split()
            if len(fields) < 4 or fields[0] != 'RESULT' or fields[2] not in WORKLOADS:
                continue
            client, workload = fields[1], fields[2]
            if client == 'wrk':
                continue
            if client not in clients:
                clients.append(client)
            figures[workload, client] = float(fields[3])
    return clients, figures


def nice_ceiling(value):
    step = 1
    while step * 10 < value:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if step * factor >= value:
            return step * factor
    return value


def panel(x0, workload, clients, figures):
    out = []
    values = [figures.get((workload, c)) for c in clients]
    top = nice_ceiling(max([v for v in values if v] or [1]))
    plot_h = PANEL_H - TOP - BOTTOM
    bar_w = (PANEL_W - LEFT - 20) / max(len(clients), 1)

    out.append(f'<text x="{x0 + PANEL_W / 2}" y="20" text-anchor="middle" font-weight="bold">'
               f'{escape(workload)}</text>')
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        out.append(f'<line x1="{x0 + LEFT}" x2="{x0 + PANEL_W - 20}" y1="{y}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 + LEFT - 5}" y="{y + 4}" text-anchor="end" font-size="10">{value:g}</text>')
    out.append(f'<text x="{x0 + 12}" y="{TOP + plot_h / 2}" font-size="10" text-anchor="middle" '
               f'transform="rotate(-90 {x0 + 12} {TOP + plot_h / 2})">{UNITS.get(workload, "ops/s")}</text>')
    for i, (client, value) in enumerate(zip(clients, values)):
        x = x0 + LEFT + i * bar_w + 3
        label_y = TOP + plot_h + 12
        if value:
            h = plot_h * value / top
            out.append(f'<rect x="{x}" y="{TOP + plot_h - h}" width="{bar_w - 6}" height="{h}" '
                       f'fill="{COLOURS[i % len(COLOURS)]}"/>')
            out.append(f'<text x="{x + (bar_w - 6) / 2}" y="{TOP + plot_h - h - 3}" text-anchor="middle" '
                       f'font-size="9">{value:.0f}</text>')
        out.append(f'<text x="{x + (bar_w - 6) / 2}" y="{label_y}" font-size="10" text-anchor="end" '
                   f'transform="rotate(-35 {x + (bar_w - 6) / 2} {label_y})">{escape(client)}</text>')
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: plot.py RESULTS [TITLE] > chart.svg')
    clients, figures = read_results(sys.argv[1])
    title = sys.argv[2] if len(sys.argv) > 2 else 'ops/s per workload and client'
    width = PANEL_W * len(WORKLOADS)
    height = PANEL_H + 30
    body = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="sans-serif" font-size="12">',
            f'<rect width="{width}" height="{height}" fill="white"/>',
            f'<text x="{width / 2}" y="{height - 8}" text-anchor="middle" font-size="11">{escape(title)}</text>']
    for i, workload in enumerate(WORKLOADS):
        body.append('<g transform="translate(0 0)">')
        body.extend(panel(i * PANEL_W, workload, clients, figures))
        body.append('</g>')
    body.append('</svg>')
    print('\n'.join(body))


if __name__ == '__main__':
    main()
