# Sourced by bin/demo, bin/test, bin/resolve, bin/bench, bin/fuzz and .ci/run: selects a JDK 21+
# and readies the Maven Wrapper. It finds the repository from its own path, so it may be sourced
# from any directory; the caller's working directory is left as it was.
#
# JDK: JAVA_HOME if it is 21 or newer, else the newest JDK 21+ under /usr/lib/jvm.
# Maven: the wrapper's pinned distribution is fetched once through the machine's own
# Maven (from whatever repository it is configured with) and unpacked where the
# wrapper looks for it, so no download location is written into the project.

build_env_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: set JAVA_HOME to one (the build compiles with --release 21)." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

ready_wrapper() {
  local url dist repo zip home
  url=$(sed -n 's/^distributionUrl=//p' "$build_env_root/.mvn/wrapper/maven-wrapper.properties")
  if [ -z "$url" ]; then
    echo "No distributionUrl in $build_env_root/.mvn/wrapper/maven-wrapper.properties." >&2
    return 1
  fi
  dist=${url##*/}; dist=${dist%-bin.zip}
  # the wrapper looks for its Maven under a folder named by a hash of distributionUrl
  home=${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$dist/$(eval "$(sed -n '/^hash_string()/,/^}/p' "$build_env_root/mvnw")"; hash_string "$url")
  [ -x "$home/bin/mvn" ] && return 0
  repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
  zip=$repo/org/apache/maven/apache-maven/${dist#apache-maven-}/$dist-bin.zip
  if [ ! -f "$zip" ]; then
    command -v mvn >/dev/null || { echo "Neither $zip nor a 'mvn' to fetch it with." >&2; return 1; }
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact=org.apache.maven:apache-maven:${dist#apache-maven-}:zip:bin -Dtransitive=false \
      -Dmaven.repo.local="$repo" >&2 2>/dev/null || return 1
  fi
  local tmp; tmp=$(mktemp -d)
  unzip -q "$zip" -d "$tmp" && mkdir -p "${home%/*}" && mv "$tmp/$dist" "$home"
  rm -rf "$tmp"
  [ -x "$home/bin/mvn" ]
}

select_jdk && ready_wrapper
