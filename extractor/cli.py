"""The command line: ``extractor extract``, ``explain``, ``evaluate``, ``summary``, ``incidents``, ``show`` and ``report``."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Drug seizure events from Dutch-language news, as JSON records.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXTRACT_HELP = """Extract seizure events from articles; one output record per input record, in input order.

INPUT is a JSONL file (keys id, published, title, text), a .txt file (which may begin
with the header "date YYYY-MM[-DD]"), a directory of such files, a glob, or - for stdin;
.gz, .bz2 and .xz files are read as they are.

Examples:

  extractor extract corpus/ -o out/events.jsonl

  extractor extract archive.jsonl.gz -o out.jsonl --workers 2 --resume

  cat articles.jsonl | extractor extract - --per-event --format csv > events.csv

Exit status: 0 when every record was processed, 1 when some records carry an error
(they are still written, with "error" set), 2 on a usage error.
"""


def _version(value: bool):
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="On an error, show the Python traceback instead of one line.")
    ] = False,
):
    """Drug seizure events from Dutch-language news.

    Every command reports an error as one line naming the file and the reason, exit status 2
    (add --debug before the command for the traceback).
    """


@app.command(
    help=EXTRACT_HELP, short_help="Extract seizure events from articles (JSONL, CSV or Parquet out)."
)
def extract(
    inputs: Annotated[
        list[str], typer.Argument(metavar="INPUT...", help="Files, directories, globs or - (stdin).")
    ],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE", help="Output file (default, or -: stdout)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip records already in the output; append the rest.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-j", metavar="N", help="Processes (default: the number of cores; 1 = in-process)."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", metavar="N", help="Records per batch.")] = 64,
    engine: Annotated[
        str, typer.Option("--engine", metavar="ENGINE", help="inprocess or dask.")
    ] = "inprocess",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler address (default: a local cluster). A cluster runs what it is sent: use "
            "tls:// with --tls-ca/--tls-cert/--tls-key for one you reach over a network.",
        ),
    ] = None,
    tls_ca: Annotated[
        str | None, typer.Option("--tls-ca", metavar="FILE", help="CA certificate for a tls:// scheduler.")
    ] = None,
    tls_cert: Annotated[
        str | None, typer.Option("--tls-cert", metavar="FILE", help="Client certificate for tls://.")
    ] = None,
    tls_key: Annotated[
        str | None, typer.Option("--tls-key", metavar="FILE", help="Client key for tls://.")
    ] = None,
    per_event: Annotated[
        bool, typer.Option("--per-event", help="One line per event, with the article id.")
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="jsonl (article records), csv or parquet (one row per event, and one per article without "
            "events; parquet needs pyarrow and -o).",
        ),
    ] = "jsonl",
    excel: Annotated[
        bool, typer.Option("--excel", help="csv: begin with a byte-order mark so Excel reads it as UTF-8.")
    ] = False,
    model: Annotated[
        str, typer.Option("--model", metavar="MODEL", help="auto, blank, a package name or a path.")
    ] = "auto",
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            metavar="N",
            help="Characters per article; longer text is cut and marked truncated.",
        ),
    ] = 1_000_000,
    html: Annotated[
        str,
        typer.Option(
            "--html", metavar="MODE", help="auto (detect), yes or no: reduce HTML text to its visible text."
        ),
    ] = "auto",
    text_key: Annotated[
        str, typer.Option("--text-key", metavar="KEY", help="The input key of the article text.")
    ] = "text",
    id_key: Annotated[
        str, typer.Option("--id-key", metavar="KEY", help="The input key of the article id.")
    ] = "id",
    date_key: Annotated[
        str, typer.Option("--date-key", metavar="KEY", help="The input key of the publication date.")
    ] = "published",
    title_key: Annotated[
        str, typer.Option("--title-key", metavar="KEY", help="The input key of the headline.")
    ] = "title",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add each event's provenance: field -> id of the rule that decided it."
        ),
    ] = False,
    lexicon: Annotated[
        list[str] | None,
        typer.Option(
            "--lexicon",
            metavar="FILE",
            help='A JSONL file of drugs, places and agencies to add ({"label", "pattern", "id"} lines; '
            'a new drug id declared as {"drug": "nitazene", "parent": "synthetic"}); repeatable.',
        ),
    ] = None,
):
    from .api import Extractor
    from .batch import default_workers, run_dask, run_inprocess
    from .io import (
        Keys,
        LineWriter,
        NotOurOutput,
        OutputBusy,
        ParquetSink,
        completed_ids,
        csv_line,
        dumps,
        fingerprint_mismatch,
        flat_events,
        hold_output,
        read_records,
        write_fingerprint,
    )
    from .text import clean_record, max_line_bytes
    from .user_lexicon import LexiconError, read_lexicons

    if output == "-":  # "-o -" is stdout, as for every command that writes
        output = None
    if fmt not in ("jsonl", "csv", "parquet"):
        raise typer.BadParameter("--format must be jsonl, csv or parquet")
    if fmt == "parquet" and not output:
        raise typer.BadParameter("--format parquet writes a file: give it with -o")
    if excel and fmt != "csv":
        raise typer.BadParameter("--excel is for --format csv")
    if engine not in ("inprocess", "dask"):
        raise typer.BadParameter("--engine must be inprocess or dask")
    if html not in ("auto", "yes", "no"):
        raise typer.BadParameter("--html must be auto, yes or no")
    if resume and (per_event or fmt != "jsonl"):
        raise typer.BadParameter("--resume works with article records (JSONL without --per-event)")
    if batch_size < 1:
        raise typer.BadParameter("--batch-size must be at least 1")
    if any((tls_ca, tls_cert, tls_key)) and not (scheduler or "").startswith("tls://"):
        raise typer.BadParameter("--tls-ca/--tls-cert/--tls-key are for a tls:// --scheduler")
    if scheduler:
        from .batch import scheduler_warning

        warning = scheduler_warning(scheduler)
        if warning:
            typer.echo(f"warning: {warning}", err=True)
    lexicons = tuple(str(Path(p).resolve()) for p in lexicon or ())
    try:
        read_lexicons(lexicons)  # every line checked before any work
    except LexiconError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    skip_ids: list[str] = []
    append = False
    fingerprint = {  # what decides the output: a --resume must continue the same run
        "tool": "extractor",
        "version": __version__,
        "inputs": [i if i == "-" else os.path.abspath(i) for i in inputs],  # no resolve: a link may loop
        "model": model,
        "max_chars": max_chars,
        "html": html,
        "keys": [id_key, text_key, date_key, title_key],
        "explain": explain,
        "lexicons": list(lexicons),
        "format": "per-event" if per_event else fmt,
    }
    if output:
        out_path = Path(output)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_output_that_is_an_input(out_path, inputs)
        existed = out_path.exists()
        try:
            hold_output(output)  # held until the process ends
        except OutputBusy as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
        if existed and out_path.stat().st_size > 0:
            if resume:
                try:
                    skip_ids, good = completed_ids(output)
                except NotOurOutput as e:
                    typer.echo(f"error: {e}; refusing to --resume onto it (nothing was changed)", err=True)
                    raise typer.Exit(2) from e
                why = fingerprint_mismatch(output, fingerprint)
                if why:
                    typer.echo(
                        f"error: {output}: {why}; refusing to --resume onto it (nothing was changed): "
                        "resume with the same inputs and options, or start anew with --force",
                        err=True,
                    )
                    raise typer.Exit(2)
                with open(output, "r+b") as fh:  # cut a partial last line left by a kill
                    fh.truncate(good)
                append = True
            elif not force:
                typer.echo(
                    f"error: {output} exists; use --force to overwrite or --resume to continue it", err=True
                )
                raise typer.Exit(2)
    keys = Keys(id=id_key, text=text_key, published=date_key, title=title_key)
    try:
        records = read_records(inputs, keys, max_line=max_line_bytes(max_chars))
        first = next(records, None)
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    records = _chain(first, records)
    records = (clean_record(r, html, max_chars) for r in records)
    if skip_ids:
        records = _skip_done(records, skip_ids)
    n_workers = workers if workers is not None else default_workers()
    if engine == "dask":
        results = run_dask(
            records,
            model=model,
            max_chars=max_chars,
            workers=max(1, n_workers),
            scheduler=scheduler,
            explain=explain,
            lexicons=lexicons,
            tls=(tls_ca, tls_cert, tls_key),
        )
    else:
        ex = Extractor(model=model, max_chars=max_chars, explain=explain, lexicons=lexicons)
        results = run_inprocess(records, ex, workers=n_workers, batch_size=batch_size)

    writer = ParquetSink(output) if fmt == "parquet" else LineWriter(output, append=append)
    if output and not append:
        write_fingerprint(output, fingerprint)
    total = None if quiet or not sys.stderr.isatty() else _count_records(inputs)
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="rec", file=sys.stderr, dynamic_ncols=True)
    n = n_events = n_errors = 0
    interrupted = False
    started = time.perf_counter()
    try:
        if fmt == "csv" and not append:
            writer.write(("\ufeff" if excel else "").encode("utf-8") + csv_line({}, header=True))
        for rec in results:
            n += 1
            n_events += len(rec.get("events") or [])
            n_errors += bool(rec.get("error"))
            if fmt == "parquet":
                writer.add(flat_events(rec))
            elif fmt == "csv":
                writer.write(b"".join(csv_line(r) for r in flat_events(rec)))
            elif per_event:
                writer.write(b"".join(dumps(r) for r in _per_event_rows(rec)))
            else:
                writer.write(dumps(rec))
            if bar is not None:
                bar.update(1)
                bar.set_postfix(events=n_events, errors=n_errors, refresh=False)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (main() turns it into one): stop on a whole record
        interrupted = True
    finally:
        writer.close()
        if bar is not None:
            bar.close()
    if interrupted:
        where = output or "the output"
        hint = (
            " (run the same command with --resume to continue)"
            if output and fmt == "jsonl" and not per_event
            else ""
        )
        typer.echo(f"interrupted after {n} records; {where} ends on a whole record{hint}", err=True)
        raise typer.Exit(130)
    elapsed = time.perf_counter() - started
    if n == 0 and not skip_ids:
        typer.echo(f"warning: no input records in {', '.join(inputs)}", err=True)
    if not quiet:
        rate = n / elapsed if elapsed > 0 else 0.0
        resumed = f", {len(skip_ids)} already done" if skip_ids else ""
        typer.echo(
            f"extracted {n} records{resumed}: {n_events} events, {n_errors} errors in {elapsed:.1f}s ({rate:.1f} records/s)",
            err=True,
        )
    raise typer.Exit(1 if n_errors else 0)


def _refuse_output_that_is_an_input(out_path: Path, inputs: list[str]) -> None:
    """Writing over an input (the same file, also through a symlink) would destroy it: exit 2."""
    from .io import expand_inputs

    if not out_path.exists():
        return
    try:
        files = expand_inputs(inputs)
    except FileNotFoundError:
        return  # reported where the inputs are read
    for f in files:
        try:
            same = f != "-" and os.path.samefile(f, out_path)
        except OSError:  # a link that loops or dangles is no file to write over (its error record follows)
            same = False
        if same:
            typer.echo(f"error: the output {out_path} is also an input; choose another output", err=True)
            raise typer.Exit(2)


def _chain(first, rest):
    if first is not None:
        yield first
    yield from rest


def _skip_done(records, done_ids: list[str]):
    it = iter(records)
    for i, want in enumerate(done_ids):
        rec = next(it, None)
        if rec is None:
            return
        got = str(rec.get("id"))
        if got != want:
            typer.echo(
                f"error: --resume: record {i + 1} of the input has id {got!r} but the output has {want!r}; is it the same input?",
                err=True,
            )
            raise typer.Exit(2)
    yield from it


def _per_event_rows(rec: dict):
    if rec.get("error"):
        yield {
            "article_id": rec.get("id"),
            "published": rec.get("published"),
            "event": None,
            "error": rec["error"],
        }
        return
    for e in rec.get("events") or []:
        yield {"article_id": rec.get("id"), "published": rec.get("published"), **e}


def _count_records(inputs: list[str]) -> int | None:
    """Records in plain input files (for the ETA); None when it cannot be known cheaply."""
    from .io import _base_suffix, expand_inputs

    try:
        files = expand_inputs(inputs)
    except FileNotFoundError:
        return None
    total = 0
    for f in files:
        if f == "-":
            return None
        p = Path(f)
        suffix, opener = _base_suffix(p)
        try:
            if opener is not open or p.stat().st_size > 2_000_000_000:
                return None
            if suffix == ".txt":
                total += 1
            else:
                with open(p, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
        except OSError:  # unreadable: its error record is one record
            total += 1
    return total


@app.command(short_help="Score predicted events against gold: P, R, F1, field accuracies.")
def evaluate(
    gold: Annotated[
        str, typer.Argument(metavar="GOLD", help="Gold JSONL: {id, published, title, text, events}.")
    ],
    pred: Annotated[
        str | None,
        typer.Argument(
            metavar="[PRED]", help="Predictions (article records); default: extract the gold articles now."
        ),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="List every false positive, false negative and field miss.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The full result as JSON.")] = False,
    min_f1: Annotated[
        float, typer.Option("--min-f1", metavar="F1", help="Exit 1 when event F1 is below this.")
    ] = 0.0,
    articles: Annotated[
        str | None,
        typer.Option("--articles", metavar="FILE", help="Articles JSONL when the gold file has no text."),
    ] = None,
    html_out: Annotated[
        str | None,
        typer.Option("--html", metavar="FILE", help="Write gold and predicted events side by side as HTML."),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", metavar="MODEL", help="auto, blank, a package name or a path.")
    ] = "auto",
):
    """Precision, recall, F1 and field accuracies against gold (the matching of ANNOTATION's scorer, in extractor/evaluate.py)."""
    from .evaluate import format_details, format_score, score

    gold_rows = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    if pred:
        from .io import output_records

        preds = {str(r.get("id")): r for r in output_records(pred) if r is not None}
    else:
        preds = {r["id"]: r for r in _extract_gold_articles(gold_rows, articles, model)}
    r = score(gold_rows, preds)
    if as_json:
        typer.echo(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        if show:
            typer.echo(format_details(r))
        typer.echo(format_score(r))
    if html_out:
        from .report import write_evaluation_html

        texts = _article_texts(gold_rows, articles)
        write_evaluation_html(gold_rows, preds, texts, html_out, model=model, result=r)
        typer.echo(f"wrote {html_out}", err=True)
    raise typer.Exit(0 if r["f1"] >= min_f1 else 1)


def _article_texts(gold_rows, articles_path):
    texts = {str(g["id"]): g for g in gold_rows if "text" in g}
    if articles_path:
        for line in open(articles_path, encoding="utf-8"):
            if line.strip():
                a = json.loads(line)
                texts.setdefault(str(a["id"]), a)
    return texts


def _extract_gold_articles(gold_rows, articles_path, model):
    from .api import Extractor

    texts = _article_texts(gold_rows, articles_path)
    missing = [str(g["id"]) for g in gold_rows if str(g["id"]) not in texts]
    if missing:
        typer.echo(f"error: no article text for {', '.join(missing[:5])}; pass PRED or --articles", err=True)
        raise typer.Exit(2)
    ex = Extractor(model=model)
    recs = [texts[str(g["id"])] for g in gold_rows]
    return list(ex.pipe(recs))


@app.command(short_help="Why each event has its fields: the rule behind each one.")
def explain(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="As for extract.")] = None,
    only_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="Only the article with this id.")
    ] = None,
    model: Annotated[str, typer.Option("--model", metavar="MODEL")] = "auto",
    rules: Annotated[
        bool, typer.Option("--rules", help="List every linking rule id with its example.")
    ] = False,
):
    """Why each event has its fields (the rule that decided each one) and what linking set aside."""
    from .api import Extractor
    from .explain import explain_records, rule_table
    from .io import read_records
    from .text import clean_record

    if rules:
        for line in rule_table():
            typer.echo(line)
        raise typer.Exit(0)
    if not inputs:
        raise typer.BadParameter("give an INPUT (or --rules)")
    try:
        records = (clean_record(r) for r in read_records(inputs))
        for line in explain_records(records, Extractor(model=model), only_id):
            typer.echo(line)
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


@app.command(short_help="Articles, events by drug, seizures and totals, amounts per unit.")
def summary(
    events: Annotated[
        str, typer.Argument(metavar="EVENTS", help="Article records (JSONL) written by extract.")
    ],
):
    """A short summary of an extraction: articles, events by drug, seizures and totals, amounts per unit."""
    from .summary import summarise

    try:
        s = summarise(events)
    except FileNotFoundError as e:
        typer.echo(f"error: {events}: no such file", err=True)
        raise typer.Exit(2) from e
    except (OSError, ValueError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    kinds = s["kinds"]
    typer.echo(
        f"{events}: {_plural(s['articles'], 'article')}, {_plural(s['events'], 'event')} "
        f"({_plural(kinds['seizure'], 'seizure')}, {_plural(kinds['aggregate'], 'total')}), {_plural(s['errors'], 'error')}"
    )
    typer.echo(f"  {'drug':<16} {'events':>6} {'seizures':>8} {'totals':>6}   seized in single seizures")
    for drug, row in s["drugs"]:
        amounts = "; ".join(
            f"{v:,.1f} {u}" if u in ("kg", "l") else f"{v:,.0f} {u}" for u, v in row["seized"].items()
        )
        typer.echo(
            f"  {drug:<16} {row['events']:>6} {row['seizure']:>8} {row['aggregate']:>6}   {amounts or '-'}"
        )
    everything = "; ".join(
        f"{v:,.1f} {u}" if u in ("kg", "l") else f"{v:,.0f} {u}" for u, v in s["seized"].items()
    )
    typer.echo(  # one row over every drug, each unit apart (kilos and pills are never added up)
        f"  {'all drugs':<16} {s['events']:>6} {kinds['seizure']:>8} {kinds['aggregate']:>6}   {everything or '-'}"
    )
    if s["ranges"]:
        typer.echo(f"  {_plural(s['ranges'], 'range')} (e.g. 'tussen 5 en 10 kilo') not summed")
    if s["torn"]:
        typer.echo(f"  warning: {s['torn']} unreadable line(s) skipped (a torn last line?)", err=True)


@app.command(short_help="Group the events of many articles into real-world incidents (JSONL or CSV).")
def incidents(
    events: Annotated[
        list[str], typer.Argument(metavar="EVENTS...", help="Article records (JSONL) written by extract.")
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", metavar="FILE", help="Where to write; - for stdout.")
    ] = "-",
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="jsonl or csv.")] = "jsonl",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
    engine: Annotated[
        str,
        typer.Option("--engine", metavar="ENGINE", help="local, or dask (partitions grouped on a cluster)."),
    ] = "local",
    workers: Annotated[int, typer.Option("-j", "--workers", metavar="N", help="Dask workers.")] = 2,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", metavar="ADDRESS", help="A Dask scheduler (default: local).")
    ] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No summary line.")] = False,
):
    """One record per real-world incident: the events of all EVENTS files that report the same seizure
    (or the same total) grouped, each event in exactly one incident, with its member events
    (article id and index), the number of articles and the most specific fields they give.

    Example: extractor incidents out/*.jsonl -o incidents.jsonl
    """
    import csv
    import io as _io

    from . import incident as inc
    from .io import LineWriter, dumps, output_records

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("--engine must be local or dask")
    if output != "-" and Path(output).exists() and not force:
        typer.echo(f"error: {output} exists; use --force to overwrite it", err=True)
        raise typer.Exit(2)
    if output != "-" and any(Path(output).resolve() == Path(e).resolve() for e in events):
        typer.echo(f"error: {output} is also an input", err=True)
        raise typer.Exit(2)

    def records():
        for path in events:
            for rec in output_records(path):
                if rec is not None:
                    yield rec

    recs = list(records())
    found = (
        inc.incidents_dask(recs, workers=workers, scheduler=scheduler)
        if engine == "dask"
        else inc.incidents(recs)
    )
    rows = inc.to_records(found)
    out = LineWriter(None if output == "-" else output)
    try:
        if fmt == "csv":
            buf = _io.StringIO()
            w = csv.DictWriter(buf, fieldnames=inc.INCIDENT_FIELDS, lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow(inc.flat_incident(r))
            out.write(buf.getvalue().encode("utf-8"))
        else:
            for r in rows:
                out.write(dumps(r))
    finally:
        out.close()
    if not quiet:
        n_events = sum(len(r["members"]) for r in rows)
        multi = sum(1 for r in rows if r["articles"] > 1)
        typer.echo(
            f"{_plural(n_events, 'event')} from {_plural(len(recs), 'article')}: "
            f"{_plural(len(rows), 'incident')}, {multi:,} reported by more than one article",
            err=True,
        )


@app.command(short_help="Articles with their entities highlighted and their events (HTML).")
def show(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Articles, as extract reads them.")],
    output: Annotated[
        str,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="The first page; more pages are NAME-2.html, NAME-3.html...",
        ),
    ] = "articles.html",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing page.")] = False,
    model: Annotated[
        str, typer.Option("--model", metavar="MODEL", help="auto, blank, a package name or a path.")
    ] = "auto",
    limit: Annotated[int, typer.Option("--limit", metavar="N", help="Articles per page.")] = 200,
    text_key: Annotated[
        str, typer.Option("--text-key", metavar="KEY", help="The key of the article text.")
    ] = "text",
    id_key: Annotated[str, typer.Option("--id-key", metavar="KEY", help="The key of the article id.")] = "id",
    date_key: Annotated[
        str, typer.Option("--date-key", metavar="KEY", help="The key of the publication date.")
    ] = "published",
    title_key: Annotated[
        str, typer.Option("--title-key", metavar="KEY", help="The key of the headline.")
    ] = "title",
):
    """Articles with drugs, amounts, dates, places and agencies highlighted (displaCy), and their events."""
    from .io import Keys
    from .report import write_show_html

    if limit < 1:
        raise typer.BadParameter("--limit must be at least 1")
    if Path(output).exists() and not force:
        typer.echo(f"error: {output} exists; use --force to overwrite it", err=True)
        raise typer.Exit(2)
    keys = Keys(id=id_key, text=text_key, published=date_key, title=title_key)
    pages = write_show_html(inputs, output, model=model, per_page=limit, keys=keys)
    typer.echo(f"wrote {', '.join(pages)}", err=True)


@app.command(short_help="A run report: charts, a map, largest seizures, totals (HTML).")
def report(
    events: Annotated[
        str, typer.Argument(metavar="EVENTS", help="Article records (JSONL) written by extract.")
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", metavar="FILE", help="The HTML page to write.")
    ] = "report.html",
):
    """A self-contained HTML summary of a run: per drug and unit, by place and month, a map, the largest seizures, totals, errors."""
    from .run_report import write_report_html

    write_report_html(events, output)
    typer.echo(f"wrote {output}", err=True)


def error_line(e: BaseException) -> str:
    """One line for an error: the file and the reason, without Python's decoration."""
    if isinstance(e, OSError) and getattr(e, "filename", None):
        reason = e.strerror or str(e)
        return f"{e.filename}: {reason[:1].lower() + reason[1:]}"
    msg = " ".join(str(e).split()) or type(e).__name__
    return msg if isinstance(e, OSError | ValueError | LookupError) else f"{type(e).__name__}: {msg}"


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main() -> None:
    """The console script: every command's errors end as one line and exit status 2 (``--debug``: traceback)."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    debug = "--debug" in sys.argv[1:]
    signal.signal(signal.SIGTERM, _interrupted)  # a kill ends like Ctrl-C: whole lines, a hint to --resume
    try:
        app()
    except Exception as e:  # the one error path: a line, not a traceback
        if debug:
            raise
        typer.echo(f"error: {error_line(e)}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
