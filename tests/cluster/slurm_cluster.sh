#!/usr/bin/env bash
# Throwaway one-node Slurm cluster for automated tests.
#
#   slurm_cluster.sh start DIR   create config/keys/state under DIR, start munged,
#                                slurmctld and slurmd, wait until the node is idle
#   slurm_cluster.sh stop DIR    stop that cluster's jobs and daemons (by pid file)
#   slurm_cluster.sh check DIR   smoke test: srun, sbatch + mpirun, scancel
#
# Everything (munge key and socket, config, state, spool, logs, pid files) lives
# under DIR, so several clusters can run side by side and nothing system-wide
# (/etc/slurm, /etc/munge, /run/munge, system daemons) is read or touched.
# Meant to run as root (CI containers); SlurmUser is root.
#
# Needs (Debian 12): slurmctld slurmd slurm-client munge; check also needs
# openmpi-bin. PMIx support in srun comes from slurm-wlm-basic-plugins (mpi_pmix).

set -euo pipefail

readonly NODE_WAIT_S=60   # how long start waits for the node to become idle
readonly STOP_WAIT_S=15   # SIGTERM grace period before SIGKILL in stop
readonly CRED_EXPIRE_S=10 # job credential lifetime = requeue delay (min 5)

die() { echo "slurm_cluster: error: $*" >&2; exit 1; }
log() { echo "slurm_cluster: $*" >&2; }

usage() {
    echo "usage: $0 {start|stop|check} DIR" >&2
    exit 2
}

# ---------------------------------------------------------------------------
# Paths. All derived from the absolute DIR so that pid-file checks can match
# daemon command lines, which carry these paths.
# ---------------------------------------------------------------------------
set_paths() {
    D=$1
    CONF=$D/slurm.conf
    MUNGE_DIR=$D/munge
    MUNGE_SOCKET=$MUNGE_DIR/munge.socket
    MUNGE_KEY=$MUNGE_DIR/munge.key
    MUNGE_PID=$MUNGE_DIR/munged.pid
    MUNGE_LOG=$D/log/munged.log
    CTLD_PID=$D/run/slurmctld.pid
    SLURMD_PID=$D/run/slurmd.pid
    CTLD_LOG=$D/log/slurmctld.log
    SLURMD_LOG=$D/log/slurmd.log
    NODE=$(hostname -s)
}

# Prints the pid from a pid file if that process is alive *and* was started
# for this DIR (its command line names a path under DIR). This guards against
# a stale pid file whose pid has been reused by an unrelated process.
live_pid() {
    local pidfile=$1 pid
    [[ -s $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$D/" || return 1
    echo "$pid"
}

# slurmstepd processes of this cluster. They outlive slurmd, are not in any pid
# file and their command line is just "slurmstepd: [job.step]", so they are
# recognised by an open descriptor into DIR (the slurmd log / spool sockets).
stepd_pids() {
    local p f
    for p in /proc/[0-9]*; do
        [[ $(cat "$p/comm" 2>/dev/null) == slurmstepd ]] || continue
        for f in "$p"/fd/*; do
            if [[ $(readlink "$f" 2>/dev/null) == "$D/"* ]]; then
                echo "${p#/proc/}"
                break
            fi
        done
    done
}

# All descendants of the given pids (job processes under a slurmstepd).
descendants() {
    local tree
    tree=$(ps -e -o pid=,ppid=)
    local -a todo=("$@")
    while ((${#todo[@]})); do
        local parent=${todo[0]}
        todo=("${todo[@]:1}")
        local child
        while read -r child; do
            echo "$child"
            todo+=("$child")
        done < <(awk -v pp="$parent" '$2 == pp { print $1 }' <<<"$tree")
    done
}

# Every process still belonging to this cluster (daemons, steps, job tasks).
cluster_pids() {
    local f pid
    for f in "$SLURMD_PID" "$CTLD_PID" "$MUNGE_PID"; do
        pid=$(live_pid "$f") && echo "$pid"
    done
    local -a stepds
    mapfile -t stepds < <(stepd_pids)
    if ((${#stepds[@]})); then
        printf '%s\n' "${stepds[@]}"
        descendants "${stepds[@]}"
    fi
    return 0
}

# Ports must be free now and should stay free, so pick them below the kernel's
# ephemeral range (default 32768+), where outgoing connections never land.
# /proc/net is read directly because ss/netstat are often missing in CI images.
pick_ports() {
    local -A used=()
    local f local_addr port
    for f in /proc/net/tcp /proc/net/tcp6; do
        [[ -r $f ]] || continue
        while read -r _ local_addr _; do
            [[ $local_addr == *:* ]] || continue
            used[$((16#${local_addr##*:}))]=1
        done < <(tail -n +2 "$f")
    done
    local lo
    read -r lo _ </proc/sys/net/ipv4/ip_local_port_range
    local top=$(( lo > 20000 ? lo - 1 : 32767 ))
    local -a picked=()
    local tries=0
    while ((${#picked[@]} < 2)); do
        ((++tries < 1000)) || die "could not find two free TCP ports"
        port=$(( 10000 + (RANDOM * 32768 + RANDOM) % (top - 10000) ))
        [[ -z ${used[$port]:-} ]] || continue
        used[$port]=1
        picked+=("$port")
    done
    echo "${picked[@]}"
}

print_logs() {
    local f
    for f in "$MUNGE_LOG" "$CTLD_LOG" "$SLURMD_LOG" "$D"/log/*.stderr; do
        [[ -s $f ]] || continue
        echo "===== $f (last 40 lines) =====" >&2
        tail -n 40 "$f" >&2
    done
}

# ---------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------
start_munged() {
    mkdir -p "$MUNGE_DIR"
    # munged rejects a socket directory writable by others, and warns (clients
    # other than root cannot connect) when it is not searchable by all.
    chmod 755 "$MUNGE_DIR"
    if [[ ! -s $MUNGE_KEY ]]; then
        if command -v mungekey >/dev/null; then
            mungekey --create --keyfile="$MUNGE_KEY" --force
        else
            dd if=/dev/urandom of="$MUNGE_KEY" bs=1 count=1024 status=none
        fi
    fi
    chmod 400 "$MUNGE_KEY"
    rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
    # --force: munged refuses to start if any directory above its files is
    # group/world-writable without the sticky bit (typical of CI workspaces);
    # that check protects a shared key, and this key is throwaway.
    munged --force \
        --socket="$MUNGE_SOCKET" \
        --key-file="$MUNGE_KEY" \
        --pid-file="$MUNGE_PID" \
        --log-file="$MUNGE_LOG" \
        --seed-file="$MUNGE_DIR/munged.seed" \
        </dev/null >"$D/log/munged.stderr" 2>&1 \
        || { print_logs; die "munged failed to start"; }
    # munged forks before it is ready; wait for a real credential round trip.
    local i
    for ((i = 0; i < 50; i++)); do
        if munge -n -S "$MUNGE_SOCKET" 2>/dev/null | unmunge -S "$MUNGE_SOCKET" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    print_logs
    die "munged at $MUNGE_SOCKET does not answer"
}

write_conf() {
    local ctld_port=$1 slurmd_port=$2 mpi_default=$3
    # slurmd -C reports what slurmd itself will detect; declaring exactly that
    # avoids the node being drained for "low socket*core*thread count/memory".
    local hw cpus boards sockets cores threads mem
    hw=$(slurmd -C | head -n 1)
    field() { sed -n "s/.*\\b$1=\\([0-9]*\\).*/\\1/p" <<<"$hw"; }
    cpus=$(field CPUs); boards=$(field Boards); sockets=$(field SocketsPerBoard)
    cores=$(field CoresPerSocket); threads=$(field ThreadsPerCore); mem=$(field RealMemory)
    [[ -n $cpus && -n $mem ]] || die "cannot parse 'slurmd -C': $hw"

    cat >"$CONF" <<EOF
# Generated by $(basename "$0") for a throwaway test cluster; do not edit.
ClusterName=edgesmith_test
# Explicit 127.0.0.1: CI containers do not always resolve their own hostname.
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root

# Private munged: AuthInfo socket= is honoured by auth/munge and cred/munge.
# cred_expire (default 120 s) is also the delay before a requeued job may run
# again; launches here take milliseconds, so a short lifetime is safe.
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET,cred_expire=$CRED_EXPIRE_S

StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
# The PMIx plugin puts per-step directories under TmpFS; a private one keeps
# equal job ids of two parallel clusters from colliding in /tmp.
TmpFS=$D/tmp
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$CTLD_LOG
SlurmdLogFile=$SLURMD_LOG
SlurmctldDebug=info
SlurmdDebug=info
# Otherwise plugstack.conf is looked up next to slurm.conf, and the system one
# in /etc/slurm must not leak in.
PlugStackConfig=$D/plugstack.conf

# No cgroups/systemd in CI containers.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=$mpi_default
MailProg=/bin/true

# Cores are the consumable unit so two small jobs can share the node.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# Jobs that become eligible by time (requeued, --begin) wait for a periodic
# scheduler pass (defaults 60 s/30 s); a one-node cluster can afford 1-2 s.
SchedulerParameters=sched_interval=2,bf_interval=1
ReturnToService=2
JobRequeue=1

# Short timeouts: tests want fast kills and fast failure detection.
KillWait=5
InactiveLimit=0
MinJobAge=300
MessageTimeout=10
SlurmdTimeout=60
SlurmctldTimeout=30

NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$cpus Boards=${boards:-1} SocketsPerBoard=${sockets:-1} CoresPerSocket=${cores:-$cpus} ThreadsPerCore=${threads:-1} RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
    : >"$D/plugstack.conf"
}

cmd_start() {
    # SlurmUser/SlurmdUser=root below; as another user slurmctld cannot switch
    # to them and slurmd cannot start jobs.
    ((EUID == 0)) || die "start must run as root"
    mkdir -p "$1"
    set_paths "$(cd "$1" && pwd -P)"

    if [[ -f $CONF ]] && live_pid "$CTLD_PID" >/dev/null && live_pid "$SLURMD_PID" >/dev/null \
        && live_pid "$MUNGE_PID" >/dev/null; then
        log "cluster in $D is already running"
        echo "export SLURM_CONF=$CONF"
        return 0
    fi
    if [[ -n $(cluster_pids) ]]; then
        log "cluster in $D is partially running; stopping it first"
        cmd_stop
    fi

    # Unix socket paths (munge socket, slurmstepd sockets in the spool dir) are
    # limited to 107 bytes; fail clearly instead of with an obscure bind error.
    (( ${#D} <= 80 )) || die "DIR path too long for unix sockets (${#D} > 80): $D"

    # A fresh cluster every time: stale job/node state would leak between runs.
    rm -rf "$D/state" "$D/spool" "$D/run" "$D/tmp" "$D/jobs"
    mkdir -p "$D/state" "$D/spool" "$D/run" "$D/tmp" "$D/log" "$D/jobs"
    chmod 1777 "$D/tmp"

    start_munged

    local ports
    read -r -a ports <<<"$(pick_ports)"
    # srun --mpi=list only parses the config, so a first pass with MpiDefault=none
    # tells whether this Slurm build has the PMIx plugin.
    write_conf "${ports[0]}" "${ports[1]}" none
    local mpi=none
    if SLURM_CONF=$CONF srun --mpi=list 2>&1 | grep -qE '^[[:space:]]*pmix[[:space:]]*$'; then
        mpi=pmix
    fi
    write_conf "${ports[0]}" "${ports[1]}" "$mpi"

    export SLURM_CONF=$CONF
    # Both daemons fork themselves into the background; stdio is detached so a
    # test runner reading our output does not wait for the daemons to exit.
    slurmctld -f "$CONF" </dev/null >"$D/log/slurmctld.stderr" 2>&1 \
        || { print_logs; cmd_stop >/dev/null 2>&1 || true; die "slurmctld failed to start"; }
    # -N: the node name is fixed to the config's instead of being inferred.
    slurmd -f "$CONF" -N "$NODE" </dev/null >"$D/log/slurmd.stderr" 2>&1 \
        || { print_logs; cmd_stop >/dev/null 2>&1 || true; die "slurmd failed to start"; }

    local state="" deadline=$((SECONDS + NODE_WAIT_S))
    while ((SECONDS < deadline)); do
        state=$(sinfo -h -N -n "$NODE" -o '%T' 2>/dev/null || true)
        [[ $state == idle ]] && break
        sleep 0.5
    done
    if [[ $state != idle ]]; then
        print_logs
        log "node $NODE did not become idle within ${NODE_WAIT_S}s (state: '${state:-no answer}')"
        cmd_stop >/dev/null 2>&1 || true
        exit 1
    fi

    echo "export SLURM_CONF=$CONF" >"$D/env.sh"
    log "cluster up in $D (ports ctld=${ports[0]} slurmd=${ports[1]}, MpiDefault=$mpi)"
    echo "export SLURM_CONF=$CONF"
}

# ---------------------------------------------------------------------------
# stop
# ---------------------------------------------------------------------------
# Running, i.e. existing and not a zombie. Daemons re-parent to PID 1, which
# in containers often reaps late or never, and kill -0 succeeds on zombies.
is_running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

# terminate GRACE_S PID...: TERM, wait, then KILL. Only pids proven to belong
# to this cluster are signalled; other clusters on the host run the same binaries.
terminate() {
    local grace=$1
    shift
    (($#)) || return 0
    kill -TERM "$@" 2>/dev/null || true
    local deadline=$((SECONDS + grace)) p alive
    while ((SECONDS < deadline)); do
        alive=0
        for p in "$@"; do
            is_running "$p" && alive=1
        done
        ((alive)) || return 0
        sleep 0.2
    done
    kill -KILL "$@" 2>/dev/null || true
    sleep 0.2
}

cmd_stop() {
    local ctld slurmd munge
    # Cancel jobs while slurmctld/slurmd are still up so steps are torn down
    # the normal way (epilog, stepd exit) rather than being orphaned.
    if ctld=$(live_pid "$CTLD_PID") && slurmd=$(live_pid "$SLURMD_PID"); then
        local jobs deadline=$((SECONDS + STOP_WAIT_S))
        jobs=$(SLURM_CONF=$CONF squeue -h -o %i 2>/dev/null || true)
        if [[ -n $jobs ]]; then
            # shellcheck disable=SC2086
            SLURM_CONF=$CONF scancel $jobs 2>/dev/null || true
            while ((SECONDS < deadline)) && [[ -n $(SLURM_CONF=$CONF squeue -h -o %i 2>/dev/null || true) ]]; do
                sleep 0.2
            done
        fi
    fi

    # munged last: the Slurm daemons authenticate through it while shutting down.
    if slurmd=$(live_pid "$SLURMD_PID"); then terminate "$STOP_WAIT_S" "$slurmd"; fi
    # Steps whose jobs could not be cancelled (controller dead) are killed
    # together with their tasks. slurmstepd ignores SIGTERM, hence the short
    # grace period before SIGKILL.
    local -a stray
    mapfile -t stray < <(stepd_pids)
    if ((${#stray[@]})); then
        log "killing ${#stray[@]} orphaned slurmstepd process(es) and their tasks"
        mapfile -t -O "${#stray[@]}" stray < <(descendants "${stray[@]}")
        terminate 2 "${stray[@]}"
    fi
    if ctld=$(live_pid "$CTLD_PID"); then terminate "$STOP_WAIT_S" "$ctld"; fi
    if munge=$(live_pid "$MUNGE_PID"); then terminate "$STOP_WAIT_S" "$munge"; fi

    local left
    left=$(cluster_pids | sort -u | tr '\n' ' ')
    if [[ -n ${left// } ]]; then
        ps -o pid,ppid,args -p "${left// /,}" >&2 || true
        die "processes of the cluster in $D survived stop: $left"
    fi
    rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
    log "cluster in $D stopped"
}

# ---------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------
job_state() {
    scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p'
}

cmd_check() {
    [[ -f $CONF ]] || die "no cluster config in $D (run start first)"
    if [[ -n ${SLURM_CONF:-} && $SLURM_CONF != "$CONF" ]]; then
        die "SLURM_CONF=$SLURM_CONF does not belong to $D"
    fi
    export SLURM_CONF=$CONF
    local out

    # 1. srun with the best PMI flavour this Slurm build offers.
    local mpi_list mpi=none
    mpi_list=$(srun --mpi=list 2>&1)
    if grep -qE '^[[:space:]]*pmix[[:space:]]*$' <<<"$mpi_list"; then
        mpi=pmix
    elif grep -qE '^[[:space:]]*pmi2[[:space:]]*$' <<<"$mpi_list"; then
        mpi=pmi2
    fi
    if [[ $mpi != pmix ]]; then
        # Debian's Open MPI has no Slurm PMI-1/PMI-2 support: direct-launched
        # ranks abort in MPI_Init unless srun offers PMIx. mpirun still works.
        log "warning: no PMIx plugin in srun; 'srun ./mpi_program' will fail with Open MPI"
    fi
    out=$(timeout 60 srun --mpi="$mpi" -n 2 hostname) || die "srun --mpi=$mpi -n 2 hostname failed"
    [[ $(grep -c . <<<"$out") -eq 2 ]] || die "srun printed unexpected output: $out"
    log "ok: srun --mpi=$mpi -n 2 hostname"

    # 2. Batch job that launches MPI itself, as a test program under sbatch would.
    # mpirun refuses root unless told; --oversubscribe because the allocation
    # may hold fewer slots than -np on tiny CI nodes.
    local script=$D/jobs/mpirun_check.sh
    cat >"$script" <<'EOF'
#!/bin/bash
set -eu
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpirun --oversubscribe -np 2 hostname
EOF
    local jobid
    jobid=$(timeout 120 sbatch --parsable --wait -n 2 -D "$D/jobs" -o "$D/jobs/%j.out" "$script") \
        || { cat "$D"/jobs/*.out >&2 2>/dev/null || true; die "sbatch --wait mpirun job failed"; }
    jobid=${jobid%%;*}
    [[ $(grep -c . "$D/jobs/$jobid.out") -eq 2 ]] \
        || { cat "$D/jobs/$jobid.out" >&2; die "mpirun job $jobid printed unexpected output"; }
    log "ok: sbatch --wait with mpirun -np 2 (job $jobid)"

    # 3. scancel of a running job must actually end it.
    jobid=$(sbatch --parsable -n 1 -D "$D/jobs" -o "$D/jobs/%j.out" --wrap 'sleep 60')
    jobid=${jobid%%;*}
    local deadline=$((SECONDS + 30)) state=""
    while ((SECONDS < deadline)); do
        state=$(job_state "$jobid")
        [[ $state == RUNNING ]] && break
        sleep 0.2
    done
    [[ $state == RUNNING ]] || die "sleep job $jobid never started (state: $state)"
    scancel "$jobid"
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        state=$(job_state "$jobid")
        [[ $state == CANCELLED ]] && break
        sleep 0.2
    done
    [[ $state == CANCELLED ]] || die "job $jobid not cancelled (state: $state)"
    log "ok: scancel of running job $jobid"
    log "all checks passed (srun used --mpi=$mpi)"
}

# ---------------------------------------------------------------------------
(($# == 2)) || usage
case $1 in
    start) cmd_start "$2" ;;
    stop|check)
        [[ -d $2 ]] || die "no such directory: $2"
        set_paths "$(cd "$2" && pwd -P)"
        "cmd_$1"
        ;;
    *) usage ;;
esac
