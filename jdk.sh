# Sourced by the project's scripts: selects the newest JDK >= 21 on this machine
# and exports JAVA_HOME. Fails with a clear message if there is none.
jslurm_find_jdk() {
  local best="" bestv=0 d v
  for d in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2; exit}')
    v=${v%%.*}; [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "jslurm: no JDK 21 or newer found (looked in \$JAVA_HOME and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
jslurm_find_jdk
