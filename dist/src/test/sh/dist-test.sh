#!/bin/sh
# The distribution archive's test (run by `mvn verify` in the dist module, on Unix-like systems):
#  1. unpacks ARCHIVE (the .tar.gz) into a temporary folder;
#  2. runs the course job, `bin/tunelab tune examples/boston-xgboost-hpo.json`, from it with a PATH
#     that holds java and the basic Unix tools the script uses, but no Maven, and checks exit 0 and
#     20 Completed training jobs;
#  3. runs bin/tunelab through symbolic links in another folder (absolute, relative, chained);
#  4. `tunelab install`: the link it makes works, what it says about the PATH, and its refusals;
#  5. the repository's launcher (../tunelab) installed and run through the link it makes.
# Usage: dist-test.sh ARCHIVE.tar.gz TOP-FOLDER-NAME
set -eu
archive=$1
top=$2
here=$(cd -P "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
t=$(mktemp -d "${TMPDIR:-/tmp}/tunelab-dist-test.XXXXXX")
trap 'rm -rf "$t"' EXIT
start=$(date +%s)

fail() {
  echo "dist-test: FAILED: $*" >&2
  exit 1
}

# a PATH of java and the tools the scripts use, and no mvn
mkdir "$t/path"
java_bin=$(command -v java) || fail "no java on the PATH"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin=$JAVA_HOME/bin/java; fi
ln -s "$java_bin" "$t/path/java"
for tool in sh dirname readlink find head mkdir rm mv ln touch mktemp grep sed awk du cut cat pwd date; do
  p=$(command -v "$tool") || fail "no $tool on the PATH"
  ln -s "$p" "$t/path/$tool"
done
# shellcheck disable=SC2123 # on purpose: only these tools
PATH=$t/path
export PATH
unset JAVA_HOME TUNELAB_JAVA_OPTS TUNELAB_HOME
if command -v mvn >/dev/null 2>&1; then fail "mvn is still on the test's PATH"; fi

mkdir "$t/unpacked"
# tar is not in the test's PATH; it is needed only to unpack
PATH=$PATH:/usr/bin:/bin tar -xzf "$archive" -C "$t/unpacked"
d=$t/unpacked/$top
for f in bin/tunelab bin/tunelab.cmd lib/tunelab-cli.jar README.md LICENSE examples/boston-xgboost-hpo.json; do
  [ -f "$d/$f" ] || fail "the archive has no $top/$f"
done
[ -x "$d/bin/tunelab" ] || fail "bin/tunelab is not executable"
[ -z "$(find "$d/lib" -name 'tunelab-cli.jsa*')" ] || fail "the archive holds a start-up archive"

# 2. the course job, from the unpacked folder
job_start=$(date +%s)
out=$(cd "$d" && bin/tunelab tune examples/boston-xgboost-hpo.json --home "$t/home" 2>&1) \
  || fail "tune exited $?: $out"
job_end=$(date +%s)
desc=$("$d/bin/tunelab" describe-hyper-parameter-tuning-job boston-xgboost-hpo --home "$t/home") \
  || fail "describe exited $?"
echo "$desc" | grep -q '"Completed" *: *20,' || fail "not 20 Completed training jobs: $desc"
[ -f "$d/lib/tunelab-cli.jsa" ] || fail "no start-up archive recorded in lib/"
echo "dist-test: course job from the archive: exit 0, 20 Completed, $((job_end - job_start)) s (first call, records the start-up archive)"

echo "dist-test: $(($(date +%s) - start)) s"
# 3. through symbolic links in another folder: absolute, relative, and a link to a link
mkdir -p "$t/elsewhere/a" "$t/elsewhere/b"
ln -s "$d/bin/tunelab" "$t/elsewhere/a/tl-abs"
(cd "$t/elsewhere/a" && ln -s "../../unpacked/$top/bin/tunelab" tl-rel)
(cd "$t/elsewhere/b" && ln -s ../a/tl-rel tl-chain)
# each link resolves to bin/tunelab (install --help names it, without starting java)
for l in a/tl-abs a/tl-rel b/tl-chain; do
  help=$(cd / && "$t/elsewhere/$l" install --help) || fail "$l install --help exited $?"
  echo "$help" | grep -q "^  $d/bin/tunelab\$" || fail "$l resolved elsewhere: $help"
done
# and the JVM finds lib/ through the chain
n=$(cd / && "$t/elsewhere/b/tl-chain" list-hyper-parameter-tuning-jobs --home "$t/home") \
  || fail "b/tl-chain list-hyper-parameter-tuning-jobs exited $?"
echo "$n" | grep -q boston-xgboost-hpo || fail "b/tl-chain did not list the job: $n"
echo "dist-test: $(($(date +%s) - start)) s"
# 4. install
out=$("$d/bin/tunelab" install --prefix "$t/prefix") || fail "install exited $?: $out"
[ -L "$t/prefix/bin/tunelab" ] || fail "install made no link: $out"
echo "$out" | grep -q "is not on your PATH" || fail "install did not say that $t/prefix/bin is not on the PATH: $out"
echo "$out" | grep -q "export PATH=\"$t/prefix/bin:" || fail "install did not give the PATH line: $out"
v=$("$t/prefix/bin/tunelab" --version) || fail "the installed link exited $?"
case $v in "tunelab "*) ;; *) fail "the installed link printed '$v'" ;; esac
# again, with the folder on the PATH: replaces its own link, says it is on the PATH
out=$(PATH=$PATH:$t/prefix/bin tunelab install --prefix "$t/prefix") || fail "second install exited $?: $out"
echo "$out" | grep -q "is on your PATH" || fail "install did not say that the folder is on the PATH: $out"
help=$("$d/bin/tunelab" install --help) || fail "install --help exited $?"
echo "$help" | grep -q "Usage: tunelab install \[--prefix DIR\]" || fail "install --help: $help"
echo "$help" | grep -q "$d/bin/tunelab" || fail "install --help does not name the launcher it links: $help"
# refusals: exit 2 and a message
touch "$t/a-file"
set +e
err=$("$d/bin/tunelab" install --prefix "$t/a-file/sub" 2>&1); rc=$?
[ "$rc" -eq 2 ] || fail "install under a file exited $rc, not 2: $err"
echo "$err" | grep -q "cannot write $t/a-file/sub/bin" || fail "install under a file said: $err"
err=$("$d/bin/tunelab" install --bogus 2>&1); rc=$?
[ "$rc" -eq 2 ] || fail "install --bogus exited $rc, not 2: $err"
err=$("$d/bin/tunelab" install --prefix 2>&1); rc=$?
[ "$rc" -eq 2 ] || fail "install --prefix with no folder exited $rc, not 2: $err"
mkdir -p "$t/taken/bin"
touch "$t/taken/bin/tunelab"
err=$("$d/bin/tunelab" install --prefix "$t/taken" 2>&1); rc=$?
[ "$rc" -eq 2 ] || fail "install over a regular file exited $rc, not 2: $err"
[ ! -L "$t/taken/bin/tunelab" ] || fail "install replaced a regular file"
set -e

echo "dist-test: $(($(date +%s) - start)) s"
# 5. the repository's launcher: `install` needs no build; through its link, install --help names it
out=$("$repo/tunelab" install --prefix "$t/repo-prefix") || fail "repository install exited $?: $out"
help=$(cd / && "$t/repo-prefix/bin/tunelab" install --help) || fail "the repository launcher's link exited $?"
echo "$help" | grep -q "  $repo/tunelab\$" || fail "the repository launcher's link resolved elsewhere: $help"

echo "dist-test: passed in $(($(date +%s) - start)) s"
