#!/usr/bin/env python3
"""Whole-process benchmark: kpi eval / check / dump next to the hand-written scorer, same run.

    bench/run.py --build build-bench [--sizes 1000,5000,20000,100000] [--reps 3] [--dir DIR]

For each size it generates targets.kpi + actuals.csv (bench/gen), runs every program --reps
times and keeps the best wall time and the best CPU time (user + sys) of each, checks that
kpi eval and the hand scorer agree on every project's total, that --jobs 1 and --jobs 2 print
the same bytes, and prints times, ratios, MB/s and peak RSS. Figures are only comparable
within one run: the machine's load changes between runs.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


# Linux reports as a process's peak RSS (ru_maxrss) at least the RSS of the process it was
# forked from: this script, which grows as it reads large JSON outputs to compare totals, would
# lend its own size to every program it starts. So the programs are started by a small runner
# process, itself started before anything large is read, that only spawns, waits and reports.
RUNNER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    argv, out_path = json.loads(line)
    with open(out_path, "wb") as out, open(os.devnull, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    print(json.dumps([wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024,
                      os.waitstatus_to_exitcode(status)]), flush=True)
"""
_runner = None


def start_runner():
    global _runner
    _runner = subprocess.Popen([sys.executable, "-c", RUNNER], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)


def run(argv, out_path):
    """Runs argv with stdout to out_path; returns (wall s, cpu s, peak RSS bytes, exit code)."""
    _runner.stdin.write(json.dumps([argv, out_path]) + "\n")
    _runner.stdin.flush()
    return tuple(json.loads(_runner.stdout.readline()))


def best(argv, out_path, reps):
    runs = [run(argv, out_path) for _ in range(reps)]
    return {
        "wall": min(r[0] for r in runs),
        "cpu": min(r[1] for r in runs),
        "rss": max(r[2] for r in runs),
        "code": runs[-1][3],
    }


def totals_agree(eval_json, hand_txt):
    with open(eval_json, encoding="utf-8") as f:
        projects = json.load(f)["projects"]
    hand = {}
    with open(hand_txt, encoding="utf-8") as f:
        for line in f:
            name, total = line.rstrip("\n").split("\t")
            hand[name] = total
    bad = [p["name"] for p in projects if hand.get(p["name"]) != p["score"]]
    return len(projects), len(hand), bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build-bench")
    ap.add_argument("--sizes", default="1000,5000,20000,100000")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--dir", default=None, help="where to put the generated data")
    ap.add_argument("--verify-max", type=int, default=20000,
                    help="compare totals project by project up to this size (JSON is large)")
    a = ap.parse_args()
    start_runner()  # first, while this script is small
    kpi = os.path.join(a.build, "kpi")
    gen = os.path.join(a.build, "kpi_gen")
    hand = os.path.join(a.build, "kpi_handscore")
    work = a.dir or tempfile.mkdtemp(prefix="kpi-bench-")
    cores = os.cpu_count()
    print(f"kpi whole-process benchmark: {cores} cores, best of {a.reps}, data in {work}")
    print("times: wall s / cpu s (user+sys); ratios are of wall times, cpu ratio in brackets\n")
    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        d = os.path.join(work, str(n))
        os.makedirs(d, exist_ok=True)
        targets, actuals = os.path.join(d, "targets.kpi"), os.path.join(d, "actuals.csv")
        subprocess.run([gen, str(n), d], check=True)
        mb_t = os.path.getsize(targets) / 1e6
        mb_a = os.path.getsize(actuals) / 1e6
        o = lambda name: os.path.join(d, name)
        r = {"n": n, "mb_t": mb_t, "mb_a": mb_a}
        r["hand"] = best([hand, targets, actuals], o("hand.txt"), a.reps)
        r["eval1"] = best([kpi, "eval", "--jobs", "1", "--format", "json", targets, actuals],
                          o("eval1.json"), a.reps)
        r["eval"] = best([kpi, "eval", "--jobs", "2", "--format", "json", targets, actuals],
                         o("eval2.json"), a.reps)
        r["check1"] = best([kpi, "check", "--jobs", "1", targets], o("check1.txt"), a.reps)
        r["check"] = best([kpi, "check", "--jobs", "2", targets], o("check2.txt"), a.reps)
        r["dump"] = best([kpi, "dump", "--jobs", "2", targets], o("dump2.json"), a.reps)
        r["dump1"] = best([kpi, "dump", "--jobs", "1", targets], o("dump1.json"), a.reps)
        same = all(
            open(o(x + "1" + ext), "rb").read() == open(o(x + "2" + ext), "rb").read()
            for x, ext in (("eval", ".json"), ("check", ".txt"), ("dump", ".json")))
        r["same"] = same
        if n <= a.verify_max:
            count, hand_count, bad = totals_agree(o("eval2.json"), o("hand.txt"))
            r["agree"] = f"{count - len(bad)}/{count} totals agree" + (
                f" (first differing: {bad[:3]})" if bad else "")
        else:
            r["agree"] = "not compared (size above --verify-max)"
        for f in ("eval1.json", "eval2.json", "dump1.json", "dump2.json"):
            os.remove(o(f))
        rows.append(r)
        t = lambda k: f"{r[k]['wall']:.3f}/{r[k]['cpu']:.3f}"
        ratio = lambda k, base: (f"{r[k]['wall'] / r[base]['wall']:.1f}x "
                                 f"[{r[k]['cpu'] / max(r[base]['cpu'], 1e-3):.1f}x]")
        print(f"== {n} projects: targets {mb_t:.1f} MB, actuals {mb_a:.1f} MB")
        print(f"  hand-written scorer       {t('hand')}")
        print(f"  kpi eval --jobs 2 (json)  {t('eval')}   vs hand {ratio('eval', 'hand')}")
        print(f"  kpi eval --jobs 1 (json)  {t('eval1')}   vs hand {ratio('eval1', 'hand')}")
        print(f"  kpi check --jobs 2        {t('check')}   vs dump {ratio('check', 'dump')}")
        print(f"  kpi check --jobs 1        {t('check1')}   {mb_t / r['check1']['wall']:.1f} MB/s "
              f"of .kpi (cpu {mb_t / max(r['check1']['cpu'], 1e-3):.1f} MB/s)")
        print(f"  kpi dump --jobs 2 (json)  {t('dump')}")
        print(f"  kpi dump --jobs 1 (json)  {t('dump1')}")
        print(f"  --jobs 2 vs --jobs 1: eval {r['eval1']['wall'] / r['eval']['wall']:.2f}x faster, "
              f"check {r['check1']['wall'] / r['check']['wall']:.2f}x; "
              f"output byte-identical: {'yes' if same else 'NO'}")
        print(f"  peak RSS: eval {r['eval']['rss'] / 1e6:.0f} MB = "
              f"{r['eval']['rss'] / 1e6 / (mb_t + mb_a):.1f}x input; check "
              f"{r['check']['rss'] / 1e6:.0f} MB = {r['check']['rss'] / 1e6 / mb_t:.1f}x targets; "
              f"dump {r['dump']['rss'] / 1e6:.0f} MB = {r['dump']['rss'] / 1e6 / mb_t:.1f}x; "
              f"hand {r['hand']['rss'] / 1e6:.0f} MB")
        print(f"  {r['agree']}\n", flush=True)
    print("growth (wall s per 1,000 projects; flat = linear):")
    print("  projects   eval     check    dump     hand")
    for r in rows:
        k = r["n"] / 1000
        print(f"  {r['n']:>8}   {r['eval']['wall'] / k:.4f}   {r['check']['wall'] / k:.4f}   "
              f"{r['dump']['wall'] / k:.4f}   {r['hand']['wall'] / k:.4f}")
    ok = all(r["same"] for r in rows) and all("/" in r["agree"] and "differing" not in r["agree"]
                                              for r in rows if r["n"] <= a.verify_max)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
