package org.jslurm.cmd.sbatch;

/** Text of {@code sbatch --help} and {@code sbatch --usage} (our own wording). */
final class SbatchHelp {
    private SbatchHelp() {}

    static final String USAGE = """
            Usage: sbatch [-J jobname] [-p partition] [-A account] [-N nodes[-max]] [-n ntasks]
                          [-c ncpus] [--ntasks-per-node=n] [--mem=size | --mem-per-cpu=size]
                          [-t time] [-D directory] [-o file] [-e file] [-i file]
                          [--export=ALL|NONE|vars] [--export-file=file] [-H] [-w hosts]
                          [-x hosts] [--exclusive] [-C features] [--comment=text] [--nice[=n]]
                          [--requeue | --no-requeue] [--open-mode=append|truncate]
                          [--parsable] [-W] [-Q] [-v] [--wrap=command]
                          script [args...]
            """;

    static final String HELP = """
            Usage: sbatch [OPTIONS...] script [args...]
                   sbatch [OPTIONS...] --wrap=command
                   sbatch [OPTIONS...] < script

            Submits a batch script. #SBATCH lines at the top of the script set options too;
            SBATCH_* environment variables override them and the command line overrides both.

            Job:
              -J, --job-name=name         name of the job (default: the script's file name)
              -p, --partition=name        partition to run in (default: the default partition)
              -A, --account=name          account to charge
                  --comment=text          free-form comment
              -H, --hold                  submit held; release with scontrol release
                  --nice[=n]              lower the job's priority by n (default 100)
                  --requeue               allow the job to be requeued
                  --no-requeue            never requeue the job
              -W, --wait                  return only when the job ends, with its exit code
                  --wrap=command          submit a /bin/sh script that runs command

            Resources:
              -N, --nodes=min[-max]       number of nodes
              -n, --ntasks=n              number of tasks
              -c, --cpus-per-task=n       CPUs for each task
                  --ntasks-per-node=n     tasks on each node
                  --mem=size              memory per node (size: number with K, M, G or T;
                                          default M)
                  --mem-per-cpu=size      memory per allocated CPU
              -t, --time=time             time limit: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S
                                          or UNLIMITED
              -w, --nodelist=hosts        nodes the job must run on
              -x, --exclude=hosts         nodes the job must not run on
                  --exclusive             do not share nodes with other jobs
              -s, --oversubscribe         allow sharing nodes with other jobs
              -C, --constraint=features   node features required

            Files and environment:
              -D, --chdir=directory       working directory of the job (default: here)
              -o, --output=pattern        standard output file (default slurm-%j.out)
              -e, --error=pattern         standard error file (default: with the output)
              -i, --input=pattern         standard input file (default /dev/null)
                  --open-mode=mode        append to or truncate the output files
                  --export=ALL|NONE|vars  environment passed to the job (default ALL)
                  --export-file=file      NUL-separated NAME=value lines for the job

            Output:
                  --parsable              print only the job id (and cluster)
              -Q, --quiet                 print nothing on success
              -v, --verbose               say more

            Every other option of Slurm's sbatch (arrays, dependencies, GPUs, QOS, ...) is
            accepted; see man sbatch. Options this version does not act on yet are ignored.

            Help:
              -h, --help                  this text
                  --usage                 short usage
              -V, --version               version
            """;
}
