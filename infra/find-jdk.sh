# Finds a JDK 25 or newer and exports JAVA_HOME and PATH (its bin/ first). Sourced, not run:
#   source infra/find-jdk.sh
# by .ci/run and infra/local/run, so Maven and java use the JDK the jars are built for (root pom:
# maven.compiler.release 25; Lambda runtime java25), whatever `java` on the PATH is.
# Looks in order at: $JAVA_HOME; the JDKs under /usr/lib/jvm (Debian/Ubuntu: temurin-25-jdk-amd64,
# java-25-openjdk-amd64, ...), a 25 before a newer one; macOS's /Library/Java/JavaVirtualMachines; SDKMAN's;
# the javac on the PATH. Stops (returns 1) with a message naming what to install if none is 25 or newer.
# Set DIALOG_JDK_QUIET=1 to leave out the line saying which JDK was chosen.

# The feature release (25 for 25.0.3, 8 for 1.8.0_452) of the JDK at $1, or nothing if $1 is no JDK.
dialog_jdk_feature() {
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -r "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)"
  fi
  if [ -z "$version" ]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)"
  fi
  version="${version#1.}"
  version="${version%%[!0-9]*}"
  [ -n "$version" ] && printf '%s\n' "$version"
  return 0
}

dialog_find_jdk() {
  local wanted=25 candidate feature best="" best_feature=""
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  if command -v javac >/dev/null 2>&1; then
    if candidate="$(readlink -f "$(command -v javac)" 2>/dev/null)"; then
      candidates+=("$(dirname "$(dirname "$candidate")")")
    fi
  fi
  for candidate in ${candidates[@]+"${candidates[@]}"}; do
    feature="$(dialog_jdk_feature "$candidate")"
    [ -n "$feature" ] && [ "$feature" -ge "$wanted" ] || continue
    # $JAVA_HOME, when it is good enough, wins: the developer chose it.
    if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME" ]; then best="$candidate"; break; fi
    # Otherwise the oldest that is new enough: 25, the release Lambda runs, before 26 and later.
    if [ -z "$best" ] || [ "$feature" -lt "$best_feature" ]; then best="$candidate"; best_feature="$feature"; fi
  done
  if [ -z "$best" ]; then
    {
      echo "Dialog needs a JDK $wanted or newer (it is built for Java $wanted, AWS Lambda's java$wanted runtime)."
      if [ -n "${JAVA_HOME:-}" ]; then
        echo "JAVA_HOME=$JAVA_HOME is not a JDK $wanted or newer."
      fi
      if command -v java >/dev/null 2>&1; then
        echo "The java on the PATH is: $(java -version 2>&1 | head -n 1)"
      fi
      echo "Install Eclipse Temurin $wanted (Adoptium's package temurin-$wanted-jdk) or OpenJDK $wanted"
      echo "(package openjdk-$wanted-jdk where your distribution has it), or set JAVA_HOME to a JDK $wanted."
    } >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  if [ "${DIALOG_JDK_QUIET:-0}" != 1 ]; then
    echo "Using the JDK in $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1))" >&2
  fi
}

dialog_find_jdk
