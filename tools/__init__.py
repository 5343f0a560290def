"""Hjemmearbejde – viden og værktøjer: the site's widgets.

Plain data and pure functions, standard library only, so the same code renders a
widget's first HTML at build time (CPython) and runs it in the browser (Pyodide).
"""
