#!/usr/bin/env bash
# Builds DEST/hooklab_VERSION_ARCH.deb from the app image that jpackage made (mvn -Pdist package runs it).
#   usage: packaging/linux/build-deb.sh APP_IMAGE VERSION DEST
# The package holds, every file owned by dpkg (so `apt remove hooklab` leaves nothing behind):
#   /usr/lib/hooklab/                     the app image (launcher, app jars, jlinked runtime with JavaFX)
#   /usr/bin/hooklab                      a link to its launcher: the window and the command line
#   /usr/share/applications/…desktop      the menu entry, "Open with hooklab" for zip, tar, tgz, appspec.yml
#   /usr/share/mime/packages/hooklab.xml  the AppSpec type (zip, tar and tgz are the system's own types)
#   /usr/share/icons/hicolor/…            the icon, 16 to 512 px and the SVG
#   /usr/share/metainfo/…metainfo.xml     AppStream data for software centres
# Depends comes from the libraries the image links against (packaging/linux/deb-depends.txt).
# Debian's triggers refresh the desktop, MIME and icon caches on install and removal.
# Needs dpkg-deb and objdump (binutils). xz level 1: 33 MB in about 20 s of CPU (level 6: 30 MB, 100 s).
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 APP_IMAGE VERSION DEST" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
image=$(cd "$1" && pwd)
version=$2
dest=$(mkdir -p "$3" && cd "$3" && pwd)
for tool in dpkg-deb objdump; do
  command -v "$tool" >/dev/null || { echo "build-deb.sh: $tool is missing (apt-get install dpkg binutils)" >&2; exit 2; }
done
[ -x "$image/bin/hooklab" ] || { echo "build-deb.sh: $image/bin/hooklab is not an app image launcher" >&2; exit 2; }

id=dev.hooklab.hooklab
arch=$(dpkg --print-architecture)
work=$(mktemp -d "${TMPDIR:-/tmp}/hooklab-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root

mkdir -p "$root/usr/lib" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages" \
  "$root/usr/share/metainfo" "$root/DEBIAN"
cp -a "$image" "$root/usr/lib/hooklab"
ln -s ../lib/hooklab/bin/hooklab "$root/usr/bin/hooklab"
install -m 644 "$here/$id.desktop" "$root/usr/share/applications/$id.desktop"
install -m 644 "$here/hooklab-mime.xml" "$root/usr/share/mime/packages/hooklab.xml"
install -m 644 "$here/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"
for png in "$top"/icons/hooklab-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/hooklab.png"
done
install -D -m 644 "$top/icons/hooklab.svg" "$root/usr/share/icons/hicolor/scalable/apps/hooklab.svg"

# Depends: every shared library an ELF file of the image needs and the image does not ship
elves=()
while IFS= read -r -d '' f; do
  if [ "$(head -c 4 "$f" | tr -d '\177')" = ELF ]; then elves+=("$f"); fi
done < <(find "$root/usr/lib/hooklab" -type f \( -name '*.so' -o -perm -u+x \) -print0)
needed=$(objdump -p "${elves[@]}" | awk '$1 == "NEEDED" {print $2}' | sort -u)
shipped=$(find "$root/usr/lib/hooklab" -name '*.so*' -printf '%f\n' | sort -u)
packages=()
missing=()
for soname in $(comm -23 <(echo "$needed") <(echo "$shipped")); do
  pkg=$(awk -v s="$soname" '$1 == s {print $2}' "$here/deb-depends.txt")
  if [ -z "$pkg" ]; then
    missing+=("$soname")
    continue
  fi
  packages+=("$pkg")
  # where the library is installed here, the list must name the package that holds it
  if file=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64|AArch64/ && !f {print $NF; f = 1}') && [ -n "$file" ]; then
    owner=$(dpkg -S "$file" 2>/dev/null || dpkg -S "$(readlink -f "$file")" 2>/dev/null || true)
    owner=${owner%%:*}
    if [ -n "$owner" ] && [ "$owner" != "$pkg" ]; then
      echo "build-deb.sh: $soname is in package $owner here, deb-depends.txt says $pkg" >&2
      exit 1
    fi
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-deb.sh: add these libraries to packaging/linux/deb-depends.txt: ${missing[*]}" >&2
  exit 1
fi
# fonts: JavaFX does not start without one; perl: hooklab runs each hook through a small Perl wrapper
depends="$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')"
depends="$depends, fontconfig, fonts-dejavu-core | fonts-liberation2 | fonts-noto-core, perl-base"

find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod go-w,a+r {} +
size=$(du -sk --apparent-size "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: hooklab
Version: $version
Architecture: $arch
Maintainer: hooklab project <packaging@hooklab.invalid>
Installed-Size: $size
Depends: $depends
Recommends: bubblewrap
Section: devel
Priority: optional
Description: troubleshooting tool for AWS CodeDeploy revision bundles
 hooklab reads a revision bundle (zip, tar, tgz or a folder) and its appspec.yml
 and tells what the CodeDeploy agent will do with it: the on-instance path of
 every hook script, everything the agent would fail on with its own message,
 and which revision each lifecycle event runs. It can run the hooks in a
 sandbox that mirrors the instance (bubblewrap isolates them when installed).
 .
 The hooklab command opens the window, or runs the command line: hooklab lint,
 hooklab inspect, hooklab run.
EOF
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"

deb="$dest/hooklab_${version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null
echo "build-deb.sh: $deb ($(du -h "$deb" | cut -f1))"
