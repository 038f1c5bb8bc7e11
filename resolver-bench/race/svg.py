"""Two kinds of chart as plain SVG text, enough for the race's plots: lines over numeric x, and
panels of grouped bars (linear or logarithmic)."""
import math
from html import escape

COLOURS = ["#1f77b4", "#d62728", "#7f7f7f", "#2ca02c"]
WIDTH, HEIGHT = 520, 340
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 40, 70


def _ticks(high, count=5):
    """Round tick values from 0 to at least high."""
    if high <= 0:
        return [0, 1]
    step = 10 ** math.floor(math.log10(high / count))
    for factor in (1, 2, 5, 10):
        if high / (step * factor) <= count:
            step *= factor
            break
    return [i * step for i in range(int(math.ceil(high / step)) + 1)]


def _label(value):
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:g}"


def _frame(x, width, title, parts):
    parts.append(f'<text x="{x + width / 2}" y="22" text-anchor="middle" font-size="14">{escape(title)}</text>')


def _legend(names, x, y, parts):
    for i, name in enumerate(names):
        parts.append(f'<rect x="{x + i * 130}" y="{y}" width="12" height="12" fill="{COLOURS[i]}"/>'
                     f'<text x="{x + i * 130 + 17}" y="{y + 11}" font-size="12">{escape(name)}</text>')


def _document(width, parts):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
            f'font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>'
            + "".join(parts) + "</svg>\n")


def lines(title, xs, series, x_title):
    """One line per series (name -> y values at xs), linear axes from 0."""
    parts = []
    _frame(0, WIDTH, title, parts)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_ticks = _ticks(max(max(values) for values in series.values()))

    def px(x):
        return LEFT + plot_w * x / max(xs)

    def py(y):
        return TOP + plot_h * (1 - y / y_ticks[-1])
    for tick in y_ticks:
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{py(tick)}" y2="{py(tick)}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{py(tick) + 4}" text-anchor="end" font-size="11">{_label(tick)}</text>')
    for tick in xs:
        parts.append(f'<text x="{px(tick)}" y="{TOP + plot_h + 16}" text-anchor="middle" font-size="11">{tick}</text>')
    parts.append(f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h + 34}" text-anchor="middle" '
                 f'font-size="12">{escape(x_title)}</text>')
    for i, (name, values) in enumerate(series.items()):
        points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, values))
        dash = ' stroke-dasharray="5,4"' if i == 2 else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{COLOURS[i]}" stroke-width="2"{dash}/>')
        parts.extend(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{COLOURS[i]}"/>' for x, y in zip(xs, values))
    _legend(list(series), LEFT, HEIGHT - 24, parts)
    return _document(WIDTH, parts)


def bars(panels):
    """Panels side by side, each (title, group labels, series name -> values per group, log)."""
    parts = []
    for index, (title, groups, series, log) in enumerate(panels):
        x0 = index * WIDTH
        _frame(x0, WIDTH, title, parts)
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
        high = max(max(values) for values in series.values())
        if log:
            low_exp, high_exp = math.floor(math.log10(max(min(min(v) for v in series.values()), 1e-9))), \
                math.ceil(math.log10(high))
            ticks = [10 ** e for e in range(low_exp, high_exp + 1)]

            def py(y, low_exp=low_exp, high_exp=high_exp):
                return TOP + plot_h * (1 - (math.log10(max(y, 10 ** low_exp)) - low_exp) / max(high_exp - low_exp, 1))
        else:
            ticks = _ticks(high)

            def py(y, top=ticks[-1]):
                return TOP + plot_h * (1 - y / top)
        for tick in ticks:
            parts.append(f'<line x1="{x0 + LEFT}" x2="{x0 + LEFT + plot_w}" y1="{py(tick)}" y2="{py(tick)}" '
                         f'stroke="#ddd"/><text x="{x0 + LEFT - 6}" y="{py(tick) + 4}" text-anchor="end" '
                         f'font-size="11">{_label(tick)}</text>')
        group_w = plot_w / len(groups)
        bar_w = group_w * 0.7 / len(series)
        for g, group in enumerate(groups):
            gx = x0 + LEFT + g * group_w + group_w * 0.15
            parts.append(f'<text x="{gx + group_w * 0.35}" y="{TOP + plot_h + 16}" text-anchor="middle" '
                         f'font-size="11">{escape(group)}</text>')
            for i, values in enumerate(series.values()):
                top = py(values[g])
                parts.append(f'<rect x="{gx + i * bar_w:.1f}" y="{top:.1f}" width="{bar_w * 0.9:.1f}" '
                             f'height="{TOP + plot_h - top:.1f}" fill="{COLOURS[i]}"/>'
                             f'<text x="{gx + i * bar_w + bar_w * 0.45:.1f}" y="{top - 4:.1f}" text-anchor="middle" '
                             f'font-size="10">{_label(values[g])}</text>')
        _legend(list(series), x0 + LEFT, HEIGHT - 24, parts)
    return _document(WIDTH * len(panels), parts)
