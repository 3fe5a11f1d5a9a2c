#!/usr/bin/env bash
# Runs ../shared/bench/bench.sh against a jslurm cluster shaped like the real Slurm one that
# ../shared/bench/cluster-up.sh starts (one node with 2 CPUs, or --nodes N emulated nodes served
# by one slurmd process), and prints bench.sh's METRIC lines.
#
#   bench/jslurm-bench.sh [--nodes N] [bench.sh args...] > jslurm.txt
# Needs `mvn package` first (dist/target/jslurm). State lives in /tmp/jslurm-bench.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${JSLURM_BENCH_SCRIPT:-$TOP/../shared/bench/bench.sh}
NODES=1
if [ "${1:-}" = --nodes ]; then NODES=$2; shift 2; fi
DIR=/tmp/jslurm-bench
BIN=$TOP/dist/target/jslurm/bin
[ -x "$BIN/sbatch" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
rm -rf "$DIR"; mkdir -p "$DIR"/{etc,state,spool,run,log}
CTLD_PORT=26817; NODE_PORT=26818
cpus=$(nproc); mem=$(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo)
if [ "$NODES" -le 1 ]; then
  nodes="NodeName=vm NodeAddr=127.0.0.1 Port=$NODE_PORT CPUs=$cpus RealMemory=$mem"; names=vm
else
  nodes="NodeName=emu[1-$NODES] NodeAddr=127.0.0.1 Port=[$NODE_PORT-$((NODE_PORT+NODES-1))] CPUs=2 RealMemory=$mem"
  names="emu[1-$NODES]"
fi
cat > "$DIR/etc/slurm.conf" <<CONF
ClusterName=bench
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool/%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
AuthInfo=socket=$DIR/run/auth.sock
SlurmdParameters=config_overrides
MaxJobCount=200000
MinJobAge=2
ReturnToService=2
KillWait=5
$nodes
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
(umask 077; head -c 64 /dev/urandom > "$DIR/etc/slurm.key")
export SLURM_CONF=$DIR/etc/slurm.conf PATH=$BIN:$PATH
slurmctld -f "$SLURM_CONF"
for _ in $(seq 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.1; done
slurmd -f "$SLURM_CONF" -N "$names"
for _ in $(seq 300); do [ "$(sinfo -h -N -o %t | grep -c idle)" -ge "$NODES" ] && break; sleep 0.2; done
trap 'kill $(cat $DIR/run/slurmd.pid) $(cat $DIR/run/slurmctld.pid) 2>/dev/null || true' EXIT
BENCH_CTLD_PID=$(cat "$DIR/run/slurmctld.pid") "$BENCH" "$@"
