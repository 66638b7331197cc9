#!/usr/bin/env bash
# Runs tlsfuzzer scripts against a tls4j server, as listed in a list file next to this script.
#
#   TLSFUZZER_HOME=/path/to/tlsfuzzer conformance-tests/tlsfuzzer/run.sh [LIST...]
#
# LIST defaults to tls13.list. TLSLITE_HOME defaults to $TLSFUZZER_HOME/../tlslite-ng.
# Other settings (environment): PYTHON (default /usr/bin/python3), PORT (default 4433),
# SCRIPT_TIMEOUT seconds per script (default 300), ONLY (run only the scripts whose name contains it).
#
# List file format (one directive per line, '#' starts a comment line, blank lines ignored):
#   server KIND [echo] [TLS4J-ARGS...] (re)starts `tls4j server --http` (plain echo server if "echo")
#                                     with a self-signed certificate for localhost, plus the given
#                                     arguments; KIND is
#                                     rsa (RSA-2048), ecdsa (P-256), ecdsa384, ecdsa521, ed25519 or
#                                     rsapss (RSA-2048 RSASSA-PSS key)
#   script NAME [ARGS...]              runs scripts/NAME -h localhost -p PORT ARGS (split on blanks)
#     xfail PROBE | ERROR-TEXT | REASON
#                                      for the script above: PROBE is an expected failure, and the
#                                      error it raises must contain ERROR-TEXT (-x PROBE -X ERROR-TEXT;
#                                      "*" accepts any error, for probes whose error depends on timing);
#                                      REASON says why (read by people, not by tlsfuzzer)
#     exclude PROBE | REASON           for the script above: PROBE is not run (-e PROBE)
#     only PROBE                       for the script above: run PROBE (and other "only" probes), not
#                                      all (tlsfuzzer's positional probe names; sanity probes still run)
#   skip NAME | REASON                 script not applicable; printed, not run
# In server and script arguments, @WORK@ stands for the folder with this run's certificates: server
# certificates KIND.pem/KIND.key, a client CA clientca.pem and client leaves client-KIND.pem/.key
# (KIND rsa, ecdsa, ecdsa384, ecdsa521, ed25519) with the clientAuth EKU. @SP@ stands for a blank
# inside one argument (for tlsfuzzer's blank-separated -s and -E lists).
#
# Prints one line per script (PASS/FAIL/SKIP with tlsfuzzer's counts), then "N passed, M failed"
# (and the number of not-applicable scripts). Exits 1 if any script failed, 2 on a set-up error.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
: "${TLSFUZZER_HOME:?set TLSFUZZER_HOME to a tlsfuzzer checkout (see conformance-tests/tlsfuzzer/README.md)}"
TLSFUZZER_HOME="$(cd "$TLSFUZZER_HOME" && pwd)"
TLSLITE_HOME="${TLSLITE_HOME:-$TLSFUZZER_HOME/../tlslite-ng}"
PYTHON="${PYTHON:-/usr/bin/python3}"
PORT="${PORT:-4433}"
SCRIPT_TIMEOUT="${SCRIPT_TIMEOUT:-300}"
ONLY="${ONLY:-}"

die() { echo "run.sh: $*" >&2; exit 2; }
[ -f "$TLSFUZZER_HOME/scripts/test-tls13-conversation.py" ] || die "no tlsfuzzer scripts in $TLSFUZZER_HOME"
[ -d "$TLSLITE_HOME/tlslite" ] || die "no tlslite-ng in $TLSLITE_HOME (set TLSLITE_HOME)"
TLSLITE_HOME="$(cd "$TLSLITE_HOME" && pwd)"
command -v openssl >/dev/null || die "openssl is needed to make the test certificates"
"$PYTHON" -c 'import ecdsa' 2>/dev/null || die "$PYTHON lacks the ecdsa module (apt-get install python3-ecdsa)"

# localhost must be the loopback address the server binds (tlsfuzzer connects to "localhost").
case "$(getent hosts localhost | awk '{print $1; exit}')" in
  127.0.0.1) bind=127.0.0.1 ;;
  ::1) bind=::1 ;;
  *) die "localhost does not resolve to 127.0.0.1 or ::1" ;;
esac

lists=("$@")
[ ${#lists[@]} -gt 0 ] || lists=("$here/tls13.list")

work="$(mktemp -d "${TMPDIR:-/tmp}/tls4j-tlsfuzzer.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  server_pid=""
}
trap 'cleanup; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "building tls4j (mvn -q -B -DskipTests package -pl cli -am) ..."
(cd "$root" && mvn -q -B -DskipTests package -pl cli -am) >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; die "build failed"; }
jar="$root/cli/target/tls4j.jar"

# Certificates: self-signed, CN and subjectAltName localhost.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/rsa.key" -out "$work/rsa.pem" -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1 || die "openssl (rsa) failed"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/ecdsa.key" \
  -out "$work/ecdsa.pem" -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  >/dev/null 2>&1 || die "openssl (ecdsa) failed"
for c in 384 521; do
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-$c -nodes -keyout "$work/ecdsa$c.key" \
    -out "$work/ecdsa$c.pem" -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    >/dev/null 2>&1 || die "openssl (ecdsa P-$c) failed"
done
openssl req -x509 -newkey ed25519 -nodes -keyout "$work/ed25519.key" -out "$work/ed25519.pem" -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1 || die "openssl (ed25519) failed"
openssl req -x509 -newkey rsa-pss -pkeyopt rsa_keygen_bits:2048 -nodes -keyout "$work/rsapss.key" \
  -out "$work/rsapss.pem" -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  >/dev/null 2>&1 || die "openssl (rsa-pss) failed"

# Client certificates (for the client-authentication scripts): one CA, leaves with the clientAuth EKU.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/clientca.key" \
  -out "$work/clientca.pem" -days 2 -subj "/CN=tlsfuzzer client CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign \
  >/dev/null 2>&1 || die "openssl (client CA) failed"
printf 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n' >"$work/client.ext"
for kind in rsa ecdsa ecdsa384 ecdsa521 ed25519; do
  case "$kind" in
    rsa) newkey=(-newkey rsa:2048) ;;
    ecdsa) newkey=(-newkey ec -pkeyopt ec_paramgen_curve:P-256) ;;
    ecdsa384) newkey=(-newkey ec -pkeyopt ec_paramgen_curve:P-384) ;;
    ecdsa521) newkey=(-newkey ec -pkeyopt ec_paramgen_curve:P-521) ;;
    ed25519) newkey=(-newkey ed25519) ;;
  esac
  openssl req -new "${newkey[@]}" -nodes -keyout "$work/client-$kind.key" -out "$work/client-$kind.csr" \
    -subj "/CN=tlsfuzzer client $kind" >/dev/null 2>&1 \
    && openssl x509 -req -in "$work/client-$kind.csr" -CA "$work/clientca.pem" -CAkey "$work/clientca.key" \
      -CAcreateserial -days 2 -extfile "$work/client.ext" -out "$work/client-$kind.pem" >/dev/null 2>&1 \
    || die "openssl (client $kind) failed"
done

# @WORK@ in a list's server or script arguments names this run's certificate folder.
# @SP@ is a blank inside one argument (tlsfuzzer's -s and -E take blank-separated lists).
subst_work() { local a; out=(); for a in "$@"; do a="${a//@WORK@/$work}"; out+=("${a//@SP@/ }"); done; }

start_server() { # KIND [ARGS...]
  local kind="$1"; shift
  cleanup
  [ -f "$work/$kind.pem" ] || die "unknown server kind '$kind' (rsa, ecdsa, ecdsa384, ecdsa521, ed25519 or rsapss)"
  local mode=--http
  if [ "${1:-}" = echo ]; then mode=""; shift; fi
  java -jar "$jar" server --port "$PORT" --bind "$bind" $mode \
    --cert "$work/$kind.pem" --key "$work/$kind.key" "$@" >"$work/server.log" 2>&1 </dev/null &
  server_pid=$!
  local i
  for i in $(seq 1 100); do
    # Listening: the server said so and a TCP connection to the port succeeds.
    if grep -q 'listening' "$work/server.log" 2>/dev/null && (exec 3<>"/dev/tcp/$bind/$PORT") 2>/dev/null; then
      echo "server: $kind ${mode:-echo} $* (pid $server_pid, port $PORT)"
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; die "server exited"; }
    sleep 0.1
  done
  cat "$work/server.log"; die "server did not start listening within 10 s"
}

passed=0; failed=0; skipped=0
failed_names=()
name=""; args=(); xargs=(); pos=()

run_script() {
  [ -n "$name" ] || return 0
  if [ -n "$ONLY" ] && [[ "$name" != *"$ONLY"* ]]; then name=""; return 0; fi
  [ -n "$server_pid" ] || die "no 'server' line before 'script $name'"
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; die "server died before $name"; }
  local log="$work/${name%.py}.log" rc counts
  (cd "$TLSFUZZER_HOME" && PYTHONPATH="$TLSFUZZER_HOME:$TLSLITE_HOME" timeout "$SCRIPT_TIMEOUT" \
    "$PYTHON" "scripts/$name" -h localhost -p "$PORT" "${args[@]}" "${xargs[@]}" "${pos[@]}") >"$log" 2>&1 </dev/null
  rc=$?
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "server died during $name:"; tail -n 20 "$work/server.log"
  fi
  counts="$(grep -E '^(TOTAL|SKIP|PASS|XFAIL|FAIL|XPASS): ' "$log" | tr -d ' ' | tr '\n' ' ')"
  if [ $rc -eq 0 ] && grep -q '^Test end' "$log"; then
    passed=$((passed + 1)); printf 'PASS %-52s %s\n' "$name" "$counts"
  else
    failed=$((failed + 1)); failed_names+=("$name")
    [ $rc -eq 124 ] && counts="timed out after ${SCRIPT_TIMEOUT}s"
    printf 'FAIL %-52s %s\n' "$name" "$counts"
    sed -n '/^\(XPASSED\|FAILED\):/,$p' "$log" | head -n 20 | sed 's/^/     /'
  fi
  [ -n "${KEEP_LOGS:-}" ] && cp "$log" "$KEEP_LOGS/" 2>/dev/null
  name=""
}

for list in "${lists[@]}"; do
  [ -f "$list" ] || list="$here/$list"
  [ -f "$list" ] || die "no list file $list"
  lineno=0
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    trimmed="${line#"${line%%[![:space:]]*}"}"
    [ -z "$trimmed" ] && continue
    [[ "$trimmed" == \#* ]] && continue
    word="${trimmed%%[[:space:]]*}"
    rest="${trimmed#"$word"}"; rest="${rest#"${rest%%[![:space:]]*}"}"
    case "$word" in
      server)
        run_script
        read -r -a sargs <<<"$rest"
        subst_work "${sargs[@]}"
        start_server "${out[@]}" ;;
      script)
        run_script
        read -r -a sargs <<<"$rest"
        subst_work "${sargs[@]}"
        name="${out[0]}"; args=("${out[@]:1}"); xargs=(); pos=()
        [ -f "$TLSFUZZER_HOME/scripts/$name" ] || die "$list:$lineno: no script $name" ;;
      xfail)
        [ -n "$name" ] || die "$list:$lineno: xfail outside a script"
        [[ "$rest" == *" | "*" | "* ]] || die "$list:$lineno: xfail needs 'PROBE | ERROR-TEXT | REASON'"
        probe="${rest%% | *}"; rest="${rest#* | }"; match="${rest%% | *}"; reason="${rest#* | }"
        [ -n "$match" ] && [ -n "$reason" ] || die "$list:$lineno: empty error text or reason"
        if [ "$match" = "*" ]; then xargs+=(-x "$probe"); else xargs+=(-x "$probe" -X "$match"); fi ;;
      only)
        [ -n "$name" ] || die "$list:$lineno: only outside a script"
        [ -n "$rest" ] || die "$list:$lineno: only needs a probe name"
        pos+=("$rest") ;;
      exclude)
        [ -n "$name" ] || die "$list:$lineno: exclude outside a script"
        [[ "$rest" == *" | "* ]] || die "$list:$lineno: exclude needs 'PROBE | REASON'"
        probe="${rest%% | *}"; reason="${rest#* | }"
        [ -n "$reason" ] || die "$list:$lineno: empty reason"
        xargs+=(-e "$probe") ;;
      skip)
        run_script
        [[ "$rest" == *" | "* ]] || die "$list:$lineno: skip needs 'NAME | REASON'"
        sname="${rest%% | *}"
        if [ -z "$ONLY" ] || [[ "$sname" == *"$ONLY"* ]]; then
          skipped=$((skipped + 1)); printf 'N/A  %-52s %s\n' "$sname" "${rest#* | }"
        fi ;;
      *) die "$list:$lineno: unknown directive '$word'" ;;
    esac
  done <"$list"
  run_script
done
cleanup

echo "$passed passed, $failed failed ($skipped not applicable)"
[ $failed -eq 0 ] || { echo "failed: ${failed_names[*]}"; exit 1; }
