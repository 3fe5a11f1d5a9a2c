#!/usr/bin/env bash
# Builds jslurm and starts a working cluster on this machine: one slurmctld and four nodes
# (node[1-4], served by one slurmd process) on 127.0.0.1, with all state under ./local.
# Then submits a few jobs and shows sinfo/squeue.
#
#   ./local-cluster.sh          build (if needed), start, demo
#   ./local-cluster.sh stop     stop the daemons (state is kept; start again to recover it)
#   ./local-cluster.sh clean    stop and delete ./local
set -euo pipefail
cd "$(dirname "$0")"
TOP=$PWD
LOCAL=$TOP/local
DIST=$TOP/dist/target/jslurm
BIN=$DIST/bin
CONF=$LOCAL/etc/slurm.conf
NODES=${JSLURM_LOCAL_NODES:-4}

say() { echo "[local-cluster] $*" >&2; }
pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop() {
  for f in "$LOCAL"/run/slurmd.pid "$LOCAL"/run/slurmctld.pid; do
    if pid_alive "$f"; then kill "$(cat "$f")" 2>/dev/null || true; fi
  done
  for f in "$LOCAL"/run/slurmd.pid "$LOCAL"/run/slurmctld.pid; do
    for _ in $(seq 50); do pid_alive "$f" || break; sleep 0.1; done
    rm -f "$f"
  done
  say "stopped"
}

case "${1:-up}" in
  stop) stop; exit 0 ;;
  clean) stop; rm -rf "$LOCAL"; say "removed $LOCAL"; exit 0 ;;
  up) ;;
  *) echo "usage: $0 [up|stop|clean]" >&2; exit 2 ;;
esac

if [ ! -x "$BIN/sbatch" ] || [ -n "$(find . -path ./local -prune -o -name '*.java' -newer "$DIST/lib/java.home" -print -quit 2>/dev/null)" ]; then
  say "building (mvn package, tests skipped; ./test.sh runs them)"
  . ./jdk.sh
  mvn -B -q -ntp -DskipTests package
fi

free_port() {  # free_port START COUNT: first START+k such that COUNT consecutive ports are free
  local p=$1 n=$2 busy
  busy=" $(ss -Hltn 2>/dev/null | awk '{n=split($4,a,":"); print a[n]}' | tr '\n' ' ') "
  while :; do
    local ok=1
    for ((i=0; i<n; i++)); do [[ $busy == *" $((p+i)) "* ]] && { ok=0; break; }; done
    [ $ok = 1 ] && { echo "$p"; return; }
    p=$((p+n))
  done
}

mkdir -p "$LOCAL"/{etc,state,spool,run,log}
if [ ! -f "$CONF" ]; then
  ctld_port=$(free_port 17817 1)
  node_port=$(free_port $((ctld_port+1)) "$NODES")
  cat > "$CONF" <<CONF
# Written by local-cluster.sh: a private jslurm cluster on 127.0.0.1, state under $LOCAL
ClusterName=local
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmUser=$(id -un)
StateSaveLocation=$LOCAL/state
SlurmdSpoolDir=$LOCAL/spool/%n
SlurmctldPidFile=$LOCAL/run/slurmctld.pid
SlurmdPidFile=$LOCAL/run/slurmd.pid
SlurmctldLogFile=$LOCAL/log/slurmctld.log
SlurmdLogFile=$LOCAL/log/slurmd.log
AuthType=auth/slurm
AuthInfo=socket=$LOCAL/run/auth.sock
SlurmdParameters=config_overrides
ReturnToService=2
SlurmdTimeout=30
KillWait=5
MinJobAge=300
NodeName=node[1-$NODES] NodeAddr=127.0.0.1 Port=[$node_port-$((node_port+NODES-1))] CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
fi
if [ ! -f "$LOCAL/etc/slurm.key" ]; then
  (umask 077; head -c 64 /dev/urandom > "$LOCAL/etc/slurm.key")
fi
export SLURM_CONF=$CONF PATH=$BIN:$PATH

if pid_alive "$LOCAL/run/slurmctld.pid"; then
  say "slurmctld already running (pid $(cat "$LOCAL/run/slurmctld.pid"))"
else
  slurmctld -f "$CONF"
fi
for _ in $(seq 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.1; done
scontrol ping >/dev/null 2>&1 || { say "slurmctld did not start; see $LOCAL/log/slurmctld.log"; tail -5 "$LOCAL/log/slurmctld.log" >&2 || true; exit 1; }
if pid_alive "$LOCAL/run/slurmd.pid"; then
  say "slurmd already running (pid $(cat "$LOCAL/run/slurmd.pid"))"
else
  slurmd -f "$CONF" -N "node[1-$NODES]"
fi
for _ in $(seq 150); do
  [ "$(sinfo -h -N -o %t 2>/dev/null | grep -c '^idle')" -ge "$NODES" ] && break
  sleep 0.2
done

say "cluster up; a few sample jobs:"
demo=$LOCAL/demo; mkdir -p "$demo"; cd "$demo"
sbatch -J hello --wrap='echo "hello from $SLURM_JOB_NODELIST, job $SLURM_JOB_ID, user $(id -un)"'
sbatch -J sleeper -N2 --wrap='sleep 20'
sbatch -J held -H --wrap=true
cat > array-of-work.sh <<'JOB'
#!/bin/bash
#SBATCH -J counting
#SBATCH -o counting-%j.out
#SBATCH -t 5
for i in 1 2 3; do echo "step $i on $(hostname)"; done
JOB
sbatch array-of-work.sh
sleep 1
echo; echo '$ sinfo'; sinfo
echo; echo '$ squeue'; squeue
for _ in $(seq 50); do [ -s "$demo/slurm-1.out" ] || [ -n "$(ls "$demo"/slurm-*.out 2>/dev/null)" ] && break; sleep 0.1; done
sleep 1
echo; echo "\$ cat $demo/*.out"; cat "$demo"/*.out 2>/dev/null || true
cat <<MSG

jslurm is running. To use it from your shell:
  export PATH=$BIN:\$PATH SLURM_CONF=$CONF
  sbatch --wrap='hostname'; squeue; sinfo; scontrol show job 1
Logs are in $LOCAL/log. Stop with: $0 stop   (remove everything: $0 clean)
MSG
