#!/usr/bin/env bash
# Finishes the distribution after Maven copied the jars to $2/lib:
# bin/ launchers, etc/ example config, the chosen JDK, and the commands' AOT class cache.
set -euo pipefail
src=$1 out=$2
mkdir -p "$out/bin" "$out/etc" "$out/lib"
cp "$src"/bin/* "$out/bin/"
chmod 0755 "$out"/bin/*
cp "$src"/etc/* "$out/etc/"
# remember the JDK found at build time, so launchers start without searching
. "$src/../../jdk.sh"
echo "$JAVA_HOME" > "$out/lib/java.home"
# JDK 23+ warns on stderr when protobuf uses sun.misc.Unsafe; allow it quietly where the flag exists
opts=""
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && opts="--sun-misc-unsafe-memory-access=allow"
echo "$opts" > "$out/lib/java.opts"
# ahead-of-time cache of the classes the commands load (JDK 25+: one training run writes it)
rm -f "$out/lib/commands.aot"
# (never probe with -XX:AOTCacheOutput=/dev/null: the JVM replaces the output file, /dev/null included)
if "$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  "$JAVA_HOME/bin/java" $opts -XX:AOTCacheOutput="$out/lib/commands.aot" -Xlog:aot=off -Xlog:cds=off \
      -cp "$out/lib/*" -Djslurm.home="$out" org.jslurm.cmd.Train >/dev/null 2>&1 \
    || { echo "layout: AOT training run failed; commands will start without a cache" >&2; rm -f "$out/lib/commands.aot"; }
fi
