#!/usr/bin/env python3
"""Generates the benchmark bundles (never committed): python3 bench/make_bundles.py KIND OUT

KIND: zip100k   a zip with 100,000 small entries, an appspec.yml and two hook scripts
      zip200k   the same with 200,000 entries (bench/run-large.sh runs it)
      tgz100k   a tgz with the same 100,000 entries, appspec.yml and hook scripts (bench/window.sh)
      tgz1g     a tgz of about 1 GiB (incompressible payload), an appspec.yml and two hook scripts
      tgz1g-text  a tgz that holds 1 GiB of compressible text (a gzip that really inflates)
      zip500m   a zip of about 500 MB in 20,000 files, for extraction
      tgz500m   the same as a tgz
"""
import io, os, sys, tarfile, zipfile

APPSPEC = b"""version: 0.0
os: linux
files:
  - source: /
    destination: /var/app/current
hooks:
  AfterInstall:
    - location: scripts/after_install.sh
      timeout: 60
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 60
"""
SCRIPT = b"#!/bin/bash\necho hello\n"


def zip_many(out, n):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("appspec.yml"), APPSPEC)
        for name in ("scripts/after_install.sh", "scripts/start.sh"):
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o100755 << 16)
            z.writestr(info, SCRIPT)
        for i in range(n):
            info = zipfile.ZipInfo("assets/d%03d/file%06d.txt" % (i % 1000, i))
            info.external_attr = (0o100644 << 16)
            z.writestr(info, b"x%d\n" % i)


def tgz_many(out, n):
    with tarfile.open(out, "w:gz", compresslevel=6) as t:
        def add(name, data, perm):
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mode = perm
            t.addfile(ti, io.BytesIO(data))
        add("appspec.yml", APPSPEC, 0o644)
        for name in ("scripts/after_install.sh", "scripts/start.sh"):
            add(name, SCRIPT, 0o755)
        for i in range(n):
            add("assets/d%03d/file%06d.txt" % (i % 1000, i), b"x%d\n" % i, 0o644)


def payload(size, seed):
    # incompressible, but cheap to make: urandom in 1 MiB pieces
    left = size
    while left > 0:
        chunk = os.urandom(min(left, 1 << 20))
        left -= len(chunk)
        yield chunk


def text_payload(size, seed):
    # compressible (about 4:1 with gzip), like logs or source: lines of words, 1 MiB at a time
    import random
    rnd = random.Random(seed)
    words = [("%x" % rnd.getrandbits(24)) for _ in range(4096)]
    left = size
    while left > 0:
        lines = []
        n = 0
        while n < min(left, 1 << 20):
            line = " ".join(rnd.choice(words) for _ in range(12)) + "\n"
            lines.append(line)
            n += len(line)
        chunk = "".join(lines).encode()[:min(left, 1 << 20)]
        left -= len(chunk)
        yield chunk


def tar_big(out, total, files, mode, make=None):
    make = make or payload
    per = total // files
    with tarfile.open(out, mode, compresslevel=1) as t:
        def add(name, data, perm=0o644):
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mode = perm
            t.addfile(ti, io.BytesIO(data))
        add("appspec.yml", APPSPEC)
        add("scripts/after_install.sh", SCRIPT, 0o755)
        add("scripts/start.sh", SCRIPT, 0o755)
        for i in range(files):
            data = b"".join(make(per, i))
            add("payload/d%02d/blob%05d.bin" % (i % 50, i), data)


def zip_big(out, total, files):
    per = total // files
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("appspec.yml", APPSPEC)
        for i in range(files):
            info = zipfile.ZipInfo("payload/d%02d/blob%05d.bin" % (i % 50, i))
            info.external_attr = (0o100644 << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, b"".join(payload(per, i)))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "zip100k":
        zip_many(out, 100_000)
    elif kind == "tgz100k":
        tgz_many(out, 100_000)
    elif kind == "zip200k":
        zip_many(out, 200_000)
    elif kind == "tgz1g":
        tar_big(out, 1 << 30, 256, "w:gz")
    elif kind == "tgz1g-text":
        tar_big(out, 1 << 30, 256, "w:gz", text_payload)
    elif kind == "zip500m":
        zip_big(out, 500_000_000, 20_000)
    elif kind == "tgz500m":
        tar_big(out, 500_000_000, 20_000, "w:gz")
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main()
