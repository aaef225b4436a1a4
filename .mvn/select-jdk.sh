# Sourced by ./mvnw, bin/factory and .ci/run (POSIX sh): exports JAVA_HOME as a JDK 21 or newer, keeping the one
# already set if it is new enough, else the first found in /usr/lib/jvm, the macOS JDK folder, or on PATH.
# The machine's default `java` may be older (Debian 12 ships 17), and the build needs 21.
cf_java_major() {
  "$1" -version 2>&1 | awk -F '"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

cf_select_jdk() {
  cf_noglob=$(case $- in *f*) echo on ;; esac)
  set +f
  for cf_candidate in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$(command -v java 2>/dev/null || echo /nonexistent)"; do
    if [ -x "$cf_candidate" ] && [ -x "$(dirname "$cf_candidate")/javac" ] \
        && [ "$(cf_java_major "$cf_candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$(cd "$(dirname "$cf_candidate")/.." && pwd -P)
      export JAVA_HOME
      [ -z "$cf_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$cf_noglob" ] || set -f
  return 1
}
