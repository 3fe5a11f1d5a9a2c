package org.jslurm.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every global slurm.conf key this parser knows, in Slurm's spelling. Knowing them all keeps a
 * real site's file quiet: only keys that no Slurm release documents produce a warning.
 *
 * <p>Taken from the parameter list of slurm.conf(5) (22.05) plus keys of older releases (still
 * found in long-lived files) and a few newer ones.
 */
final class KnownKeys {

    static final List<String> GLOBAL = List.of(
            "AccountingStorageBackupHost", "AccountingStorageEnforce",
            "AccountingStorageExternalHost", "AccountingStorageHost", "AccountingStorageLoc",
            "AccountingStorageParameters", "AccountingStoragePass", "AccountingStoragePort",
            "AccountingStorageTRES", "AccountingStorageType", "AccountingStorageUser",
            "AccountingStoreFlags", "AcctGatherEnergyType", "AcctGatherFilesystemType",
            "AcctGatherInterconnectType", "AcctGatherNodeFreq", "AcctGatherProfileType",
            "AllowSpecResourcesUsage", "AuthAltParameters", "AuthAltTypes", "AuthInfo", "AuthType",
            "BackupAddr", "BackupController", "BatchStartTimeout", "BcastExclude",
            "BcastParameters", "BurstBufferType", "CacheGroups", "CertgenParameters", "CertgenType",
            "CertmgrParameters", "CertmgrType", "CheckpointType", "ChosLoc", "CliFilterPlugins",
            "ClusterName", "CommunicationParameters", "CompleteWait", "ControlAddr",
            "ControlMachine", "CoreSpecPlugin", "CpuFreqDef", "CpuFreqGovernors", "CredType",
            "CryptoType", "DataParserParameters", "DebugFlags", "DefaultStorageHost",
            "DefaultStorageLoc", "DefaultStoragePass", "DefaultStoragePort", "DefaultStorageType",
            "DefaultStorageUser", "DefCpuPerGPU", "DeferBatch", "DefMemPerCPU", "DefMemPerGPU",
            "DefMemPerNode", "DependencyParameters", "DisableRootJobs", "EioTimeout",
            "EnforcePartLimits", "Epilog", "EpilogMsgTime", "EpilogSlurmctld", "ExtSensorsFreq",
            "ExtSensorsType", "FairShareDampeningFactor", "FastSchedule", "FederationParameters",
            "FirstJobId", "GetEnvTimeout", "GpuFreqDef", "GresTypes", "GroupUpdateForce",
            "GroupUpdateTime", "HashPlugin", "HealthCheckInterval", "HealthCheckNodeState",
            "HealthCheckProgram", "InactiveLimit", "InteractiveStepOptions",
            "JobAcctGatherFrequency", "JobAcctGatherParams", "JobAcctGatherType",
            "JobCheckpointDir", "JobCompHost", "JobCompLoc", "JobCompParams", "JobCompPass",
            "JobCompPort", "JobCompType", "JobCompUser", "JobContainerType",
            "JobCredentialPrivateKey", "JobCredentialPublicCertificate", "JobFileAppend",
            "JobRequeue", "JobSubmitPlugins", "KeepAliveTime", "KeepPartInfo", "KeepPartState",
            "KillOnBadExit", "KillWait", "LaunchParameters", "LaunchType", "Licenses",
            "LogTimeFormat", "MailDomain", "MailProg", "MaxArraySize", "MaxBatchRequeue",
            "MaxDBDMsgs", "MaxJobCount", "MaxJobId", "MaxMemPerCPU", "MaxMemPerNode",
            "MaxMemPerTask", "MaxNodeCount", "MaxStepCount", "MaxTasksPerNode", "MCSParameters",
            "MCSPlugin", "MemLimitEnforce", "MessageTimeout", "MinJobAge", "MpiDefault",
            "MpiParams", "NodeFeaturesPlugins", "OverTimeLimit", "PluginDir", "PlugStackConfig",
            "PowerParameters", "PowerPlugin", "PreemptExemptTime", "PreemptMode",
            "PreemptParameters", "PreemptType", "PrEpParameters", "PrEpPlugins",
            "PriorityCalcPeriod", "PriorityDecayHalfLife", "PriorityFavorSmall", "PriorityFlags",
            "PriorityMaxAge", "PriorityParameters", "PrioritySiteFactorParameters",
            "PrioritySiteFactorPlugin", "PriorityType", "PriorityUsageResetPeriod",
            "PriorityWeightAge", "PriorityWeightAssoc", "PriorityWeightFairshare",
            "PriorityWeightJobSize", "PriorityWeightPartition", "PriorityWeightQOS",
            "PriorityWeightTRES", "PrivateData", "ProctrackType", "Prolog", "PrologEpilogTimeout",
            "PrologFlags", "PrologSlurmctld", "PropagatePrioProcess", "PropagateResourceLimits",
            "PropagateResourceLimitsExcept", "RebootProgram", "ReconfigFlags", "RequeueExit",
            "RequeueExitHold", "ResumeFailProgram", "ResumeProgram", "ResumeRate", "ResumeTimeout",
            "ResvEpilog", "ResvOverRun", "ResvProlog", "ReturnToService", "RoutePlugin",
            "SallocDefaultCommand", "SchedulerParameters", "SchedulerPort", "SchedulerRootFilter",
            "SchedulerTimeSlice", "SchedulerType", "ScronParameters", "SelectType",
            "SelectTypeParameters", "SlurmctldAddr", "SlurmctldDebug", "SlurmctldHost",
            "SlurmctldLogFile", "SlurmctldParameters", "SlurmctldPidFile", "SlurmctldPlugstack",
            "SlurmctldPort", "SlurmctldPrimaryOffProg", "SlurmctldPrimaryOnProg",
            "SlurmctldSyslogDebug", "SlurmctldTimeout", "SlurmdDebug", "SlurmdLogFile",
            "SlurmdOffSpec", "SlurmdParameters", "SlurmdPidFile", "SlurmdPort", "SlurmdSpoolDir",
            "SlurmdSyslogDebug", "SlurmdTimeout", "SlurmdUser", "SlurmSchedLogFile",
            "SlurmSchedLogLevel", "SlurmUser", "SrunEpilog", "SrunPortRange", "SrunProlog",
            "StateSaveLocation", "SuspendExcNodes", "SuspendExcParts", "SuspendExcStates",
            "SuspendProgram", "SuspendRate", "SuspendTime", "SuspendTimeout", "SwitchParameters",
            "SwitchType", "TaskEpilog", "TaskPlugin", "TaskPluginParam", "TaskProlog", "TCPTimeout",
            "TLSParameters", "TLSType", "TmpFS", "TopologyParam", "TopologyPlugin", "TrackWCKey",
            "TreeWidth", "UnkillableStepProgram", "UnkillableStepTimeout", "UsePAM", "VSizeFactor",
            "WaitTime");

    private static final Map<String, String> CANONICAL_GLOBAL = index(GLOBAL);

    private KnownKeys() {
    }

    /** The documented spelling of a global key, or null when the key is unknown. */
    static String canonicalGlobal(String key) {
        return CANONICAL_GLOBAL.get(key.toLowerCase(Locale.ROOT));
    }

    /** Lower-case key to documented spelling. */
    static Map<String, String> index(List<String> keys) {
        Map<String, String> map = new HashMap<>();
        for (String k : keys) {
            map.put(k.toLowerCase(Locale.ROOT), k);
        }
        return Map.copyOf(map);
    }
}
