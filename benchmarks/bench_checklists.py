"""`sunset checklists` over a generated partner file, against a bare render loop.

    .venv/bin/python benchmarks/bench_checklists.py [--customers 100000] [--repeat 3] [--tiny]

The baseline is the least the job must do: load the same JSON with the standard
library, build each affected customer's plan without validation, render the same
template with the same Jinja environment and write one file per customer. sunset's run
streams and validates the input, negotiates locales, writes every checklist as Markdown
and as HTML (converted in a worker process) through a staging folder, and adds the
overview, overview.csv, deadlines.ics, summary.json and the linked guides. Each run is
a separate process, so peak memory (max RSS) is its own (the worker's is printed
apart); the figure is the ratio of median wall times measured in this run. The CPU time
of both processes is printed too, as the machine may be shared. Each run counts the
Markdown checklists it wrote: a failed run, or one that wrote none or not as many as the
other, fails the benchmark. `--tiny`: 200 customers, one run of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _bench import arguments, expect, fail, run

CULTURES = [
    "nl-NL",
    "nl-BE",
    "sv-SE",
    "fr-FR",
    "fr-CA",
    "de-DE",
    "de-AT",
    "ja-JP",
    "pl-PL",
    "en-US",
    "en-GB",
    "es-ES",
]
RETIRED = [
    "Skype for Business Online Plan 1",
    "Kaizala Pro",
    "Kaizala Pro Standalone",
    "Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)",
]
CURRENT = ["Office 365 E3", "Microsoft 365 Business Standard", "Microsoft 365 E5"]
AS_OF = "2026-11-21"
SUFFIXES = ["BV", "AB", "SARL", "GmbH", "Inc."]


def generate(path: Path, customers: int) -> None:
    rng = random.Random(7)
    start = dt.date(2026, 10, 1)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'{{"totalCount": {customers}, "items": [\n')
        for n in range(customers):
            subs = [
                {
                    "id": f"sub-{n}-{k}",
                    "offerId": "",
                    "unitType": "Licenses",
                    "offerName": rng.choice(RETIRED if rng.random() < 0.7 else CURRENT),
                    "quantity": rng.randint(1, 500),
                    "status": "active",
                    "commitmentEndDate": (
                        start + dt.timedelta(days=rng.randint(0, 400))
                    ).isoformat(),
                    "autoRenewEnabled": False,
                }
                for k in range(rng.randint(1, 3))
            ]
            record = {
                "id": f"cust-{n:06d}",
                "companyProfile": {
                    "companyName": f"Customer {n} {rng.choice(SUFFIXES)}",
                    "domain": f"c{n}.onmicrosoft.com",
                },
                "billingProfile": {"culture": rng.choice(CULTURES)},
                "subscriptions": {"totalCount": len(subs), "items": subs},
            }
            handle.write(("," if n else "") + json.dumps(record) + "\n")
        handle.write("]}\n")


def bare(project: Path, source: Path, out: Path) -> int:
    from sunsetkit.checklists.model import Customer, Plan, PlanItem, Subscription
    from sunsetkit.checklists.plan import Matcher, file_name, negotiate_locale
    from sunsetkit.content.load import load_glossary, load_migrations
    from sunsetkit.i18n import Translator, discover_catalogs, load_catalog
    from sunsetkit.render import Vocabulary, create_environment, translation_context

    matcher = Matcher(load_migrations(project / "content" / "migrations"))
    glossary = load_glossary(project / "content" / "glossary.yaml")
    catalogs = discover_catalogs(project / "locales")
    contexts: dict[str, Any] = {
        "en-US": translation_context(Translator(None), Vocabulary(glossary, "en-US"))
    }
    for locale_id, path in catalogs.items():
        contexts[locale_id] = translation_context(
            Translator(load_catalog(path, locale_id)), Vocabulary(glossary, locale_id)
        )
    template = create_environment(project / "templates").get_template("checklist.md.j2")
    as_of = dt.date.fromisoformat(AS_OF)
    out.mkdir(parents=True)
    written = 0
    for raw in json.loads(source.read_text(encoding="utf-8"))["items"]:
        subs = tuple(
            Subscription.model_construct(
                id=s["id"],
                offer_name=s["offerName"],
                quantity=s["quantity"],
                status="active",
                commitment_end_date=dt.date.fromisoformat(s["commitmentEndDate"]),
            )
            for s in raw["subscriptions"]["items"]
        )
        customer = Customer.model_construct(
            id=raw["id"],
            name=raw["companyProfile"]["companyName"],
            domain=None,
            culture=raw["billingProfile"]["culture"],
            subscriptions=subs,
        )
        items = []
        for sub in subs:
            migration = matcher.by_name.get(" ".join(sub.offer_name.casefold().split()))
            if migration is not None:
                deadline = sub.commitment_end_date
                items.append(PlanItem(sub, migration, deadline, (deadline - as_of).days, "x"))
        if items:
            locale_id = negotiate_locale(customer.culture, list(contexts)) or "en-US"
            plan = Plan(customer, locale_id, file_name(customer), as_of, tuple(items))
            (out / plan.file).write_text(
                template.render(contexts[locale_id], plan=plan), encoding="utf-8"
            )
            written += 1
    return written


def child(kind: str, project: Path, source: Path, out: Path) -> None:
    start = time.perf_counter()
    checklists = 0  # the sunset run's are counted by the parent, from its summary
    if kind == "bare":
        checklists = bare(project, source, out)
    else:
        from click.testing import CliRunner

        from sunsetkit.cli import main as sunset

        result = CliRunner().invoke(
            sunset,
            [
                "checklists",
                str(source),
                "--project",
                str(project),
                "--out",
                str(out),
                "--as-of",
                AS_OF,
            ],
        )
        if result.exit_code != 0:
            fail(f"sunset checklists exited with {result.exit_code}:\n{result.output}")
    elapsed = time.perf_counter() - start
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    peak_kib, worker_kib = own.ru_maxrss, children.ru_maxrss
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "peak_mib": peak_kib / 1024,
                "worker_mib": worker_kib / 1024,
                "cpu": cpu,
                "checklists": checklists,
            }
        )
    )


def listed_checklists(out: Path) -> int:
    """The Markdown checklists that sunset's summary.json names and that exist (read here,
    in the parent, so that neither the child's time nor its peak memory counts it)."""
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    named = [f for c in summary["customers"] for f in c["files"] if f.endswith(".md")]
    return sum(1 for name in named if (out / name).is_file())


def measure(kind: str, project: Path, source: Path) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="sunset-bench-out-")) / "checklists"
    try:
        _, stdout = run(
            [sys.executable, __file__, "--child", kind, str(project), str(source), str(out)]
        )
        data: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
        if kind == "sunset":
            data["checklists"] = listed_checklists(out)
    finally:
        shutil.rmtree(out.parent)
    expect(data["checklists"] > 0, f"the {kind} run wrote no checklists")
    return data


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], *map(Path, args.child[1:]))
        return
    if args.tiny:
        args.customers, args.repeat = 200, 1
    project = args.project.resolve()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "customers.json"
        generate(source, args.customers)
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "sunset": []}
        for _ in range(args.repeat):
            for kind in runs:
                runs[kind].append(measure(kind, project, source))
        size_mib = source.stat().st_size / 2**20
    written = {r["checklists"] for results in runs.values() for r in results}
    expect(len(written) == 1, f"the runs wrote different numbers of checklists: {written}")
    print(
        f"{args.customers} customers ({size_mib:.0f} MiB of JSON), {written.pop()} checklists;"
        f" medians of {args.repeat} runs"
    )
    for kind, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        peak = max(r["peak_mib"] for r in results)
        worker = max(r.get("worker_mib", 0.0) for r in results)
        print(
            f"{kind:<7} {seconds:7.2f} s   peak {peak:6.1f} MiB   worker process {worker:6.1f} MiB"
        )
    ratio = statistics.median(r["seconds"] for r in runs["sunset"]) / statistics.median(
        r["seconds"] for r in runs["bare"]
    )
    cpu_ratio = statistics.median(r["cpu"] for r in runs["sunset"]) / statistics.median(
        r["cpu"] for r in runs["bare"]
    )
    print(f"ratio   {ratio:7.2f}x time   {cpu_ratio:.2f}x cpu (both processes)")


if __name__ == "__main__":
    main()
