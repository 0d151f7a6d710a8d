"""The ctest `man_page`: docs/fgcc.1 cannot drift from `fgcc --help`.

Every option `fgcc --help` prints has an entry (a .TP tag) in the man page
and every entry is an option of --help; the page's .TH names the version
`fgcc --version` prints; and, when groff is installed, the page renders
without a warning (groff -man -ww).

    python3 test/package/check_man.py FGCC MANPAGE
"""
import re
import shutil
import subprocess
import sys


def option_words(spec):
    """'-h, --help' -> {'-h', '--help'}; '--fn NAME:P1,P2' -> {'--fn'};
    '-std=STD' -> {'-std='}; '--dump=ir' keeps its literal value."""
    words = set()
    for alt in spec.split(", "):
        if not alt.split():
            continue
        word = alt.split()[0]
        name, eq, value = word.partition("=")
        words.add(word if value.islower() else name + eq)
    return words


def help_options(fgcc):
    text = subprocess.run([fgcc, "--help"], capture_output=True, text=True, check=True).stdout
    opts = set()
    for line in text.splitlines():
        if line.startswith("  -"):
            opts |= option_words(re.split(r"\s{2,}", line.strip())[0])
    return opts


def roff_text(line):
    """The words of a font macro line as they render: .B/.I join their
    arguments with spaces, .BI/.BR/... alternate fonts without one."""
    if not line.startswith("."):
        return line.replace("\\-", "-")
    macro, _, rest = line.partition(" ")
    args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', rest)]
    text = ("" if len(macro) == 3 else " ").join(args)
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\&", "")


def man_options(page):
    lines = open(page, encoding="utf-8").read().splitlines()
    section, opts = None, set()
    for i, line in enumerate(lines):
        if line.startswith(".SH"):
            section = line[4:].strip('"')
        elif section == "OPTIONS" and line == ".TP":
            opts |= option_words(roff_text(lines[i + 1]))
    return opts, lines


def main():
    fgcc, page = sys.argv[1], sys.argv[2]
    failures = []
    helped = help_options(fgcc)
    documented, lines = man_options(page)
    for opt in sorted(helped - documented):
        failures.append("option %s of fgcc --help has no entry in OPTIONS" % opt)
    for opt in sorted(documented - helped):
        failures.append("OPTIONS documents %s, which fgcc --help does not list" % opt)
    version = subprocess.run([fgcc, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    th = next(l for l in lines if l.startswith(".TH"))
    if '"fgcc %s"' % version not in th:
        failures.append(".TH does not name fgcc %s: %s" % (version, th))
    groff = shutil.which("groff")
    if groff:
        r = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", page], capture_output=True, text=True)
        if r.returncode != 0 or r.stderr:
            failures.append("groff -man -ww: %s" % r.stderr.strip())
    for f in failures:
        print("%s: %s" % (page, f))
    print("%s: %d options checked against fgcc --help%s" % (page, len(helped), "" if groff else " (groff not installed)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
