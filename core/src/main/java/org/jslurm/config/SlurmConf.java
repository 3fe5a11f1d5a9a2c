package org.jslurm.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, immutable slurm.conf: global keys, nodes, partitions and controllers.
 *
 * <p>Global keys are case-insensitive; a later value overrides an earlier one. Typed accessors
 * return Slurm's documented default when a key is unset. Unknown keys do not fail the load; they
 * are listed in {@link #warnings()}.
 */
public final class SlurmConf {

    /** Used when ClusterName is missing, as in files older than the key. */
    public static final String DEFAULT_CLUSTER_NAME = "cluster";

    private final Path origin;
    private final String clusterName;
    private final Map<String, Setting> globals;
    private final List<NodeConf> nodes;
    private final Map<String, NodeConf> nodesByName;
    private final List<PartitionConf> partitions;
    private final List<ControllerHost> controllers;
    private final List<String> warnings;

    SlurmConf(Path origin, String clusterName, Map<String, Setting> globals, List<NodeConf> nodes,
              List<PartitionConf> partitions, List<ControllerHost> controllers, List<String> warnings) {
        this.origin = origin;
        this.clusterName = clusterName;
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        this.nodes = List.copyOf(nodes);
        Map<String, NodeConf> byName = new HashMap<>(this.nodes.size() * 2);
        for (NodeConf n : this.nodes) {
            byName.put(n.name(), n);
        }
        this.nodesByName = Collections.unmodifiableMap(byName);
        this.partitions = List.copyOf(partitions);
        this.controllers = List.copyOf(controllers);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads a configuration file and the files it includes.
     *
     * @throws ConfigException if a file cannot be read or holds an error
     */
    public static SlurmConf load(Path file) {
        ConfAssembler assembler = new ConfAssembler();
        new ConfigReader(assembler, assembler.warnings()).readFile(file);
        return assembler.build(file);
    }

    /**
     * Parses configuration text.
     *
     * @param origin the file the text came from, used in messages and to resolve relative
     *               Include paths; null for none (includes then resolve against the working
     *               directory)
     * @throws ConfigException if the text or an included file holds an error
     */
    public static SlurmConf parse(String text, Path origin) {
        ConfAssembler assembler = new ConfAssembler();
        new ConfigReader(assembler, assembler.warnings()).readText(text, origin, 0);
        return assembler.build(origin);
    }

    // ---- generic access -------------------------------------------------------------------

    /** The file this configuration was loaded from, or null. */
    public Path origin() {
        return origin;
    }

    /** Messages about tolerated problems (unknown keys, missing ClusterName, ...). */
    public List<String> warnings() {
        return warnings;
    }

    /** The raw value of a global key (any case), or null when unset. */
    public String get(String key) {
        Setting s = setting(key);
        return s == null ? null : s.value();
    }

    public String get(String key, String dflt) {
        String v = get(key);
        return v == null ? dflt : v;
    }

    public boolean has(String key) {
        return setting(key) != null;
    }

    /**
     * A global key as an int.
     *
     * @throws ConfigException naming the file and line if the value is not a number
     */
    public int getInt(String key, int dflt) {
        Setting s = setting(key);
        return s == null ? dflt : Values.intValue(s);
    }

    /** Like {@link #getInt}, for values that may exceed an int. */
    public long getLong(String key, long dflt) {
        Setting s = setting(key);
        return s == null ? dflt : Values.longValue(s);
    }

    /**
     * Every global key that was set, in documented spelling, in first-set order, with its raw
     * value. SlurmctldHost lists all controllers, comma-separated.
     */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : globals.values()) {
            out.put(s.key(), s.value());
        }
        return Collections.unmodifiableMap(out);
    }

    // ---- nodes, partitions, controllers -----------------------------------------------------

    /** Every node, in definition order. */
    public List<NodeConf> nodes() {
        return nodes;
    }

    public Optional<NodeConf> node(String name) {
        return Optional.ofNullable(nodesByName.get(name));
    }

    /** Every partition, in definition order. */
    public List<PartitionConf> partitions() {
        return partitions;
    }

    public Optional<PartitionConf> partition(String name) {
        return partitions.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The partition marked Default=YES; empty when none is. */
    public Optional<PartitionConf> defaultPartition() {
        return partitions.stream().filter(PartitionConf::isDefault).findFirst();
    }

    /** slurmctld hosts, primary first; empty when none is configured. */
    public List<ControllerHost> controllers() {
        return controllers;
    }

    // ---- typed globals ----------------------------------------------------------------------

    /** ClusterName in lower case (as Slurm keeps it), or {@value #DEFAULT_CLUSTER_NAME}. */
    public String clusterName() {
        return clusterName;
    }

    /** First port of SlurmctldPort (which may be a range like {@code 6817-6818}); 6817. */
    public int slurmctldPort() {
        Setting s = setting("SlurmctldPort");
        return s == null ? 6817 : GlobalValidator.firstPort(s);
    }

    /** How many ports the SlurmctldPort range holds; 1 for a single port. */
    public int slurmctldPortCount() {
        Setting s = setting("SlurmctldPort");
        return s == null ? 1 : GlobalValidator.portCount(s);
    }

    public int slurmdPort() {
        return getInt("SlurmdPort", 6818);
    }

    public String stateSaveLocation() {
        return get("StateSaveLocation", "/var/spool/slurmctld");
    }

    /** SlurmdSpoolDir as written; may contain {@code %n} and {@code %h}. */
    public String slurmdSpoolDir() {
        return get("SlurmdSpoolDir", "/var/spool/slurmd");
    }

    public String slurmdSpoolDir(NodeConf node) {
        return NodeTokens.expand(slurmdSpoolDir(), node.name(), node.hostname());
    }

    public String slurmUser() {
        return get("SlurmUser", "root");
    }

    public String slurmdUser() {
        return get("SlurmdUser", "root");
    }

    /** Seconds between SIGTERM and SIGKILL when a job is killed. */
    public int killWait() {
        return getInt("KillWait", 30);
    }

    /** Seconds a finished job stays in the controller's memory. */
    public int minJobAge() {
        return getInt("MinJobAge", 300);
    }

    public int maxJobCount() {
        return getInt("MaxJobCount", 10_000);
    }

    public int firstJobId() {
        return getInt("FirstJobId", 1);
    }

    public int maxJobId() {
        return getInt("MaxJobId", 67_043_328);
    }

    public int returnToService() {
        return getInt("ReturnToService", 0);
    }

    public int slurmdTimeout() {
        return getInt("SlurmdTimeout", 300);
    }

    public int slurmctldTimeout() {
        return getInt("SlurmctldTimeout", 120);
    }

    public int treeWidth() {
        return getInt("TreeWidth", 50);
    }

    public int maxArraySize() {
        return getInt("MaxArraySize", 1001);
    }

    public int inactiveLimit() {
        return getInt("InactiveLimit", 0);
    }

    public int messageTimeout() {
        return getInt("MessageTimeout", 10);
    }

    /** Default memory per CPU in MB; 0 means unlimited/unset. */
    public long defMemPerCpu() {
        Setting s = setting("DefMemPerCPU");
        return s == null ? 0 : Values.longOrUnlimited(s, 0);
    }

    /** Maximum memory per node in MB; 0 means unlimited. */
    public long maxMemPerNode() {
        Setting s = setting("MaxMemPerNode");
        return s == null ? 0 : Values.longOrUnlimited(s, 0);
    }

    public EnforcePartLimits enforcePartLimits() {
        Setting s = setting("EnforcePartLimits");
        return s == null ? EnforcePartLimits.NO : GlobalValidator.enforcePartLimits(s);
    }

    public Optional<String> prolog() {
        return optional("Prolog");
    }

    public Optional<String> epilog() {
        return optional("Epilog");
    }

    public Optional<String> prologSlurmctld() {
        return optional("PrologSlurmctld");
    }

    public Optional<String> epilogSlurmctld() {
        return optional("EpilogSlurmctld");
    }

    public String schedulerType() {
        return get("SchedulerType", "sched/backfill");
    }

    public String selectType() {
        return get("SelectType", "select/cons_tres");
    }

    /** SelectTypeParameters as written; unset means the select plugin's own default. */
    public Optional<String> selectTypeParameters() {
        return optional("SelectTypeParameters");
    }

    public String slurmctldPidFile() {
        return get("SlurmctldPidFile", "/var/run/slurmctld.pid");
    }

    /** SlurmdPidFile as written; may contain {@code %n} and {@code %h}. */
    public String slurmdPidFile() {
        return get("SlurmdPidFile", "/var/run/slurmd.pid");
    }

    public String slurmdPidFile(NodeConf node) {
        return NodeTokens.expand(slurmdPidFile(), node.name(), node.hostname());
    }

    /** Empty means log to syslog. */
    public Optional<String> slurmctldLogFile() {
        return optional("SlurmctldLogFile");
    }

    /** SlurmdLogFile as written (may contain {@code %n}, {@code %h}); empty means syslog. */
    public Optional<String> slurmdLogFile() {
        return optional("SlurmdLogFile");
    }

    public Optional<String> slurmdLogFile(NodeConf node) {
        return slurmdLogFile().map(p -> NodeTokens.expand(p, node.name(), node.hostname()));
    }

    public String slurmctldDebug() {
        return get("SlurmctldDebug", "info");
    }

    public String slurmdDebug() {
        return get("SlurmdDebug", "info");
    }

    public String authType() {
        return get("AuthType", "auth/munge");
    }

    public Optional<String> authInfo() {
        return optional("AuthInfo");
    }

    public Optional<String> authAltTypes() {
        return optional("AuthAltTypes");
    }

    /** SlurmdParameters as a list, e.g. {@code [config_overrides]}. */
    public List<String> slurmdParameters() {
        return list("SlurmdParameters");
    }

    /** True when SlurmdParameters has config_overrides (use configured, not detected, sizes). */
    public boolean configOverrides() {
        return slurmdParameters().stream().anyMatch(p -> p.equalsIgnoreCase("config_overrides"));
    }

    /**
     * SchedulerParameters as an ordered map: {@code k=v} items map k to v, bare flags map to
     * the empty string.
     */
    public Map<String, String> schedulerParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : list("SchedulerParameters")) {
            int eq = item.indexOf('=');
            out.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "" : item.substring(eq + 1));
        }
        return Collections.unmodifiableMap(out);
    }

    public String accountingStorageType() {
        return get("AccountingStorageType", "accounting_storage/none");
    }

    public String jobCompType() {
        return get("JobCompType", "jobcomp/none");
    }

    public String proctrackType() {
        return get("ProctrackType", "proctrack/cgroup");
    }

    public String taskPlugin() {
        return get("TaskPlugin", "task/none");
    }

    public String mpiDefault() {
        return get("MpiDefault", "none");
    }

    public String priorityType() {
        return get("PriorityType", "priority/basic");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Setting setting(String key) {
        return key == null ? null : globals.get(key.toLowerCase(Locale.ROOT));
    }

    /** Unset and empty values both mean "none" for optional paths and names. */
    private Optional<String> optional(String key) {
        String v = get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private List<String> list(String key) {
        Setting s = setting(key);
        return s == null ? List.of() : Values.list(s);
    }

    @Override
    public String toString() {
        return "SlurmConf[" + (origin == null ? "<text>" : origin) + ", cluster " + clusterName
                + ", " + nodes.size() + " nodes, " + partitions.size() + " partitions]";
    }
}
