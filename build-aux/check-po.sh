#!/usr/bin/env bash
# check-po.sh SRCROOT [--complete]
#
# Checks the translation set-up, so that a broken po/ fails CI instead of a
# release:
#   * every language in po/LINGUAS has a po/LANG.po that `msgfmt --check`
#     accepts, and every po/*.po is listed in LINGUAS;
#   * po/POTFILES.in names only files that exist, each once;
#   * every source file with a marked string (_(), N_(), C_(), g_dngettext,
#     translatable="yes", the data/*.in files, the schema) is in POTFILES.in;
#   * xgettext extracts the template from POTFILES.in without an error.
# With --complete: every language translates every message of the template
# (no untranslated or fuzzy message). With no language yet, that part is
# skipped (exit 77).
set -euo pipefail

srcroot=${1:?usage: check-po.sh SRCROOT [--complete]}
mode=${2:-}
cd "$srcroot"

failures=0
fail () { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- LINGUAS and the .po files -------------------------------------------
langs=$(sed -e 's/#.*//' po/LINGUAS | tr -s ' \t' '\n\n' | sed '/^$/d')
for lang in $langs; do
  if [[ ! -f po/$lang.po ]]; then
    fail "po/LINGUAS lists '$lang' but po/$lang.po does not exist"
    continue
  fi
  if ! msgfmt --check --check-accelerators=_ -o /dev/null "po/$lang.po"; then
    fail "po/$lang.po does not compile (msgfmt --check)"
  else
    echo "ok: po/$lang.po compiles"
  fi
done
shopt -s nullglob
for po in po/*.po; do
  lang=$(basename "$po" .po)
  if ! grep -qxF "$lang" <<<"$langs"; then
    fail "$po exists but '$lang' is not in po/LINGUAS"
  fi
done

# --- POTFILES.in -----------------------------------------------------------
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' po/POTFILES.in | sed '/^$/d')
while IFS= read -r f; do
  [[ -z $f ]] && continue
  [[ -f $f ]] || fail "po/POTFILES.in lists '$f', which does not exist"
done <<<"$listed"
dups=$(sort <<<"$listed" | uniq -d)
[[ -z $dups ]] || fail "po/POTFILES.in lists these more than once: $dups"

# Files that hold marked strings. GNU style puts a space before the
# parenthesis, so allow one.
marked=$(
  {
    grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])(N|C|NC)?_ *\( *"|g_dngettext *\(' src 2>/dev/null || true
    grep -rlE --include='*.ui' 'translatable="(yes|true)"' src data 2>/dev/null || true
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
  } | sort -u
)
while IFS= read -r f; do
  [[ -z $f ]] && continue
  grep -qxF "$f" <<<"$listed" || fail "$f has translatable strings but is not in po/POTFILES.in"
done <<<"$marked"

# --- the template ------------------------------------------------------------
# The same keywords as meson's i18n.gettext(preset: 'glib').
if [[ -n $listed ]]; then
  if xgettext --from-code=UTF-8 --add-comments --directory="$srcroot" \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --package-name=fresh-legs --files-from=<(printf '%s\n' "$listed") \
       -o "$tmp/fresh-legs.pot" 2>"$tmp/xgettext.err"; then
    n=$(grep -c '^msgid "' "$tmp/fresh-legs.pot" || true)
    echo "ok: xgettext extracted $((n - 1)) messages from $(wc -l <<<"$listed") files"
  else
    cat "$tmp/xgettext.err" >&2
    fail "xgettext could not extract the template from po/POTFILES.in"
  fi
else
  fail "po/POTFILES.in lists no files"
fi

if [[ $mode == --complete ]]; then
  if [[ $failures -eq 0 ]]; then
    if [[ -z $langs ]]; then
      echo "no language in po/LINGUAS yet: nothing to compare"
      exit 77
    fi
    for lang in $langs; do
      [[ -f po/$lang.po ]] || continue
      msgmerge --quiet --no-wrap -o "$tmp/$lang.po" "po/$lang.po" "$tmp/fresh-legs.pot"
      stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
      if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
        fail "po/$lang.po is incomplete against the sources: $stats"
        msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -20 >&2 || true
        msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -20 >&2 || true
      else
        echo "ok: po/$lang.po is complete: $stats"
      fi
    done
  fi
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures problem(s) in po/" >&2
  exit 1
fi
echo "po/ is in order"
