package org.jslurm.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed input fails with a message starting with file:line and naming the problem. */
class SlurmConfErrorTest {

    private static final Path FILE = Path.of("/etc/slurm/slurm.conf");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SlurmUser                                  | 2 | SlurmUser
            Epilog=/bin/true oops                       | 2 | oops
            Reason="unterminated                        | 2 | Reason
            KillWait=soon                               | 2 | KillWait
            SlurmdPort=70000                            | 2 | SlurmdPort
            SlurmctldPort=6818-6817                     | 2 | SlurmctldPort
            EnforcePartLimits=maybe                     | 2 | EnforcePartLimits
            NodeName=n[1-                               | 2 | n[1-
            NodeName=n[3-1]                             | 2 | n[3-1]
            NodeName=n1 CPUs=two                        | 2 | CPUs
            NodeName=n1 CPUs=0                          | 2 | CPUs
            NodeName=n1 State=SLEEPY                    | 2 | SLEEPY
            NodeName=n[1-3] NodeAddr=a[1-2]             | 2 | NodeAddr
            NodeName=n[1-3] Port=[1-2]                  | 2 | Port
            NodeName=n1 Port=http                       | 2 | Port
            NodeName=n[1-2],n1                          | 2 | Duplicated NodeName n1
            PartitionName=p Nodes=zz1                   | 2 | zz1
            PartitionName=p MaxTime=forever             | 2 | MaxTime
            PartitionName=p MaxTime=-5                  | 2 | MaxTime
            PartitionName=p MaxNodes=lots               | 2 | MaxNodes
            PartitionName=p Default=perhaps             | 2 | Default
            PartitionName=p State=SIDEWAYS              | 2 | SIDEWAYS
            PartitionName=p OverSubscribe=SOMETIMES     | 2 | OverSubscribe
            PartitionName=p OverSubscribe=YES:0         | 2 | OverSubscribe
            PartitionName=p OverSubscribe=NO:2          | 2 | OverSubscribe
            SlurmctldHost=a(b                           | 2 | SlurmctldHost
            DownNodes=zz9                               | 2 | zz9
            NodeName=                                   | 2 | NodeName
            """)
    void reportsFileLineAndKey(String line, int lineNo, String named) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SlurmConf.parse("ClusterName=x\n" + line + "\n", FILE));
        String msg = e.getMessage();
        assertTrue(msg.startsWith("/etc/slurm/slurm.conf:" + lineNo + ": "), msg);
        assertTrue(msg.contains(named), msg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NodeName=n1\\nNodeName=n[0-1]                              | 3 | Duplicated NodeName n1
            NodeName=n1\\nPartitionName=p Nodes=n1\\nPartitionName=p | 4 | Duplicated PartitionName p
            NodeName=n1\\nPartitionName=a Default=YES\\n\\nPartitionName=b Default=YES | 5 | Default
            NodeName=DEFAULT CPUs=x\\nNodeName=n1                     | 2 | CPUs
            """)
    void errorsPointAtTheRightLine(String text, int lineNo, String named) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SlurmConf.parse("ClusterName=x\n" + text.replace("\\n", "\n") + "\n", FILE));
        String msg = e.getMessage();
        assertTrue(msg.startsWith("/etc/slurm/slurm.conf:" + lineNo + ": "), msg);
        assertTrue(msg.contains(named), msg);
    }
}
