package org.jslurm.cmd.sbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jslurm.cmd.CommandFailed;
import org.jslurm.cmd.opt.GetoptLong;
import org.jslurm.cmd.opt.GetoptLong.Opt;
import org.junit.jupiter.api.Test;

/** #SBATCH parsing as the client libraries write their scripts (CLI-SURFACE.md 1.7). */
class ScriptDirectivesTest {

    static List<String> words(String script) { return ScriptDirectives.parse(script, "job.sh").words(); }

    /** The directive words through sbatch's option table, as {@code --long-name=value} strings. */
    static List<String> options(String script) {
        GetoptLong.Parser<SbatchOption> p = SbatchOption.TABLE.parser("sbatch", words(script));
        List<String> out = new ArrayList<>();
        for (Opt<SbatchOption> o : p.remaining()) out.add("--" + o.key().longName() + (o.arg() == null ? "" : "=" + o.arg()));
        assertEquals(List.of(), p.operands(), "stray words");
        return out;
    }

    @Test
    void nextflow() {
        assertEquals(List.of("--job-name=nf-foo_(1)", "--output=/work/ab/12/.command.log", "--no-requeue",
                        "--signal=B:USR2@30", "--cpus-per-task=4", "--time=01:00:00", "--mem=1024M", "--partition=long"),
                options("""
                        #!/bin/bash
                        #SBATCH -J nf-foo_(1)
                        #SBATCH -o /work/ab/12/.command.log
                        #SBATCH --no-requeue
                        #SBATCH --signal B:USR2@30
                        #SBATCH -c 4
                        #SBATCH -t 01:00:00
                        #SBATCH --mem 1024M
                        #SBATCH -p long
                        NXF_CHDIR=/work/ab/12
                        """));
    }

    @Test
    void daskJobqueue() {
        assertEquals(List.of("--job-name=dask-worker", "--error=/logs/dask-worker-%J.err", "--output=/logs/dask-worker-%J.out",
                        "--partition=q", "--account=a", "--ntasks=1", "--nodes=1", "--cpus-per-task=8", "--mem=30G",
                        "--time=00:30:00"),
                options("""
                        #!/usr/bin/env bash

                        #SBATCH -J dask-worker
                        #SBATCH -e /logs/dask-worker-%J.err
                        #SBATCH -o /logs/dask-worker-%J.out
                        #SBATCH -p q
                        #SBATCH -A a
                        #SBATCH -n 1
                        #SBATCH -N 1
                        #SBATCH --cpus-per-task=8
                        #SBATCH --mem=30G
                        #SBATCH -t 00:30:00

                        /usr/bin/python -m distributed.cli.dask_worker tcp://10.0.0.1:8786
                        """));
    }

    @Test
    void submitit() {
        assertEquals(List.of("--array=0-9%2", "--cpus-per-task=10", "--error=/f/%A_%a_0_log.err", "--gpus-per-node=1",
                        "--job-name=submitit", "--mem=64GB", "--nodes=1", "--ntasks-per-node=1", "--open-mode=append",
                        "--output=/f/%A_%a_0_log.out", "--partition=learn", "--signal=USR2@90", "--time=60", "--wckey=submitit"),
                options("""
                        #!/bin/bash

                        # Parameters
                        #SBATCH --array=0-9%2
                        #SBATCH --cpus-per-task=10
                        #SBATCH --error=/f/%A_%a_0_log.err
                        #SBATCH --gpus-per-node=1
                        #SBATCH --job-name=submitit
                        #SBATCH --mem=64GB
                        #SBATCH --nodes=1
                        #SBATCH --ntasks-per-node=1
                        #SBATCH --open-mode=append
                        #SBATCH --output=/f/%A_%a_0_log.out
                        #SBATCH --partition=learn
                        #SBATCH --signal=USR2@90
                        #SBATCH --time=60
                        #SBATCH --wckey=submitit

                        # command
                        export SUBMITIT_EXECUTOR=slurm
                        srun --unbuffered --output /f/%j_%t_log.out python -u -m submitit.core._submit /f
                        """));
    }

    @Test
    void batchtools() {
        assertEquals(List.of("--job-name=job5e3", "--output=/reg/logs/job5e3.log", "--error=/reg/logs/job5e3.log",
                        "--time=60", "--ntasks=1", "--cpus-per-task=1", "--mem-per-cpu=1024", "--partition=name",
                        "--array=1-3"),
                options("""
                        #!/bin/bash

                        ## Job Resource Interface Definition
                        ##
                        ## ntasks [integer(1)]:       Number of required tasks,

                        #SBATCH --job-name=job5e3
                        #SBATCH --output=/reg/logs/job5e3.log
                        #SBATCH --error=/reg/logs/job5e3.log
                        #SBATCH --time=60
                        #SBATCH --ntasks=1
                        #SBATCH --cpus-per-task=1
                        #SBATCH --mem-per-cpu=1024
                        #SBATCH --partition='name'
                        #SBATCH --array=1-3

                        ## Initialize work environment like
                        Rscript -e 'batchtools::doJobCollection("/reg/jobs/job5e3.rds")'
                        """));
    }

    @Test
    void snakemake() {
        assertEquals(List.of("--partition=p", "--time=10"),
                options("""
                        #!/bin/sh
                        # properties = {"type": "single", "rule": "a", "input": [], "output": ["x"], "threads": 1}
                        #SBATCH -p p
                        #SBATCH --time=10
                        cd /work && python -m snakemake x --snakefile /work/Snakefile
                        """));
    }

    @Test
    void wordSplitting() {
        assertEquals(List.of("-J", "a b", "-o", "x"), words("#!/bin/sh\n#SBATCH -J \"a b\" -o x # comment -p y\n"));
        assertEquals(List.of("-J", "ab cd"), words("#!/bin/sh\n#SBATCH -J a\"b c\"d\n"));
        assertEquals(List.of("-J", "its"), words("#!/bin/sh\n#SBATCH -J 'it''s'\n"));
        assertEquals(List.of("-J", "a'b"), words("#!/bin/sh\n#SBATCH -J \"a'b\"\n"));
        assertEquals(List.of("-J", "a#b"), words("#!/bin/sh\n#SBATCH -J 'a#b'\n"));
        assertEquals(List.of("-o", "a"), words("#!/bin/sh\n#SBATCH -o a#b\n"));
        assertEquals(List.of("-J", "a\\b"), words("#!/bin/sh\n#SBATCH -J a\\\\b\n"));
        assertEquals(List.of("-J", "a#b"), words("#!/bin/sh\n#SBATCH -J a\\#b\n"));
        // an escaped blank still ends the word, as in Slurm
        assertEquals(List.of("-J", "a", "b"), words("#!/bin/sh\n#SBATCH -J a\\ b\n"));
        // an empty word ends the line
        assertEquals(List.of("-J"), words("#!/bin/sh\n#SBATCH -J '' -p x\n"));
        assertEquals(List.of("-J", "x", "-p", "q"), words("#!/bin/sh\n#SBATCH\t-J x\t-p\tq\n"));
        assertEquals(List.of("-J", "a"), words("#!/bin/sh\n#SBATCH-J a\n"));
        assertEquals(List.of("X", "-J", "a"), words("#!/bin/sh\n#SBATCHX -J a\n"));
        assertEquals(List.of(), words("#!/bin/sh\n#SBATCH\n#SBATCH    \n"));
    }

    @Test
    void scanningStopsAtTheFirstCommand() {
        assertEquals(List.of("-J", "a", "-p", "b"), words("#!/bin/sh\n\n# comment\n## x\n\t\n  # indented\n"
                + " #SBATCH -J ignored\n#SBATCH -J a\n#SBATCH -p b\necho\n#SBATCH -t 5\n"));
        assertEquals(List.of(), words("#!/bin/sh\necho\n#SBATCH -J a\n"));
        assertEquals(List.of(), words("#!/bin/sh\n#sbatch -J a\n"));
    }

    @Test
    void unmatchedQuote() {
        CommandFailed e = assertThrows(CommandFailed.class, () -> words("#!/bin/sh\n#SBATCH -J a'\n"));
        assertEquals("sbatch: fatal: job.sh: line 2: Unmatched `'` in [ a']", e.getMessage());
        assertEquals(1, e.exitCode());
        e = assertThrows(CommandFailed.class, () -> words("#!/bin/sh\n#SBATCH -p x -J \"a\\\\\"b\"\n"));
        assertEquals("sbatch: fatal: job.sh: line 2: Unmatched `\"` in [ \"a\\\\\"b\"]", e.getMessage());
    }

    @Test
    void oldMagicWord() {
        ScriptDirectives.Result r = ScriptDirectives.parse("#!/bin/sh\n#SLURM -J a\n#SLURM -p b\n", "x");
        assertEquals(List.of("-J", "a", "-p", "b"), r.words());
        assertEquals(1, r.warnings().size());
    }
}
