/**
 * The broken stack files of the newcomer review (../shared/reviews/newcomer.md, table (b)), each a copy of an
 * example stack with one change, and what the program must now say: exit 2 with a message fragment for a
 * configuration error, or acceptance (with a warning where one is due). Cases the review found silently
 * accepted or leaking a secret are the point; the rest keep today's message quality.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { ConfigValidationError, loadStackConfig } from "../../config";
import { StackFileError, isSecureIn, parseStackFile, readProjectFile } from "../../plan/stack-file";

const projectDir = path.resolve(__dirname, "../..");
const project = readProjectFile(projectDir);

type Config = Record<string, unknown>;
type Instance = Record<string, unknown>;
type Base = "dev" | "prod" | "existing" | "azure-dev" | "azure-prod";

interface Case {
    id: string;
    base: Base;
    what: string;
    /** Changes the parsed `config:` mapping of the base stack; or the whole file text, for syntax errors. */
    change: ((config: Config) => void) | { text: (original: string) => string };
    /** 2: a configuration error whose message contains `fragment`; 0: accepted (with `fragment` among the warnings, if given). */
    exit: 0 | 2;
    fragment?: string;
}

const NS = "xroad-sidecar";
const key = (k: string) => `${NS}:${k}`;
const instance0 = (c: Config) => (c[key("instances")] as Instance[])[0];
const section = (o: Record<string, unknown>, k: string) => (o[k] ??= {}) as Record<string, unknown>;
const withInstance = (edit: (i: Instance) => void) => (c: Config) => edit(instance0(c));

const CASES: Case[] = [
    {
        id: "bad1",
        base: "dev",
        what: "unknown target",
        change: (c) => (c[key("target")] = "mars"),
        exit: 2,
        fragment: '"mars" is not valid',
    },
    {
        id: "bad2",
        base: "dev",
        what: "misspelled top-level key",
        change: (c) => ((c[key("instnces")] = c[key("instances")]), delete c[key("instances")]),
        exit: 2,
        fragment: "xroad-sidecar:instnces is not a known key; allowed here: target,",
    },
    {
        id: "bad3",
        base: "dev",
        what: "unknown instance key",
        change: withInstance((i) => (i.replicas = 3)),
        exit: 2,
        fragment: "instances[0].replicas is not a known key",
    },
    {
        id: "bad4",
        base: "dev",
        what: "zone count as a word",
        change: (c) => (section(c, key("aws")).availabilityZoneCount = "two"),
        exit: 2,
        fragment: 'aws.availabilityZoneCount: "two" is not valid; allowed: an integer from 2 to 3',
    },
    {
        id: "bad5",
        base: "dev",
        what: "empty target",
        change: (c) => (c[key("target")] = null),
        exit: 2,
        fragment: "xroad-sidecar:target: (empty) is not valid",
    },
    {
        id: "bad6",
        base: "dev",
        what: "negative minSize",
        change: (c) => (section(section(c, key("aws")), "nodeGroup").minSize = -1),
        exit: 2,
        fragment: "minSize: -1",
    },
    {
        id: "bad7",
        base: "dev",
        what: "memory 4GB",
        change: withInstance((i) => (i.resources = { requests: { memory: "4GB" } })),
        exit: 2,
        fragment: 'resources.requests.memory: "4GB" is not valid',
    },
    {
        id: "bad8",
        base: "dev",
        what: "cpu 2 cpus",
        change: withInstance((i) => (i.resources = { requests: { cpu: "2 cpus" } })),
        exit: 2,
        fragment: '"2 cpus" is not valid',
    },
    {
        id: "bad9",
        base: "dev",
        what: "CIDR /33",
        change: withInstance((i) => (i.network = { loadBalancerSourceRanges: ["203.0.113.0/33"] })),
        exit: 2,
        fragment: '"203.0.113.0/33" is not valid',
    },
    {
        id: "bad10",
        base: "dev",
        what: "vpcCidr without prefix",
        change: (c) => (section(c, key("aws")).vpcCidr = "10.20.0.0"),
        exit: 2,
        fragment: '"10.20.0.0" is not valid',
    },
    {
        id: "bad11",
        base: "dev",
        what: "uppercase name",
        change: withInstance((i) => (i.name = "Sidecar")),
        exit: 2,
        fragment: '"Sidecar" is not valid; allowed: a DNS-1123 label',
    },
    {
        id: "bad12",
        base: "dev",
        what: "70-char namespace",
        change: withInstance((i) => (i.namespace = `xroad-${"n".repeat(64)}`)),
        exit: 2,
        fragment: "namespace",
    },
    {
        id: "bad13",
        base: "prod",
        what: "duplicate instance names",
        change: (c) => (c[key("instances")] as Instance[]).push({ ...instance0(c), namespace: "xroad-ss2" }),
        exit: 2,
        fragment: 'instances[1].name: "ss1" is not valid; allowed: a name not already used by instances[0]',
    },
    {
        id: "bad14",
        base: "prod",
        what: "duplicate namespaces",
        change: (c) => (c[key("instances")] as Instance[]).push({ ...instance0(c), name: "ss2" }),
        exit: 2,
        fragment: 'instances[1].namespace: "xroad-ss1" is not valid',
    },
    {
        id: "bad15",
        base: "prod",
        what: "minReplicas above maxReplicas",
        change: withInstance((i) => (i.autoscaling = { minReplicas: 5, maxReplicas: 2 })),
        exit: 2,
        fragment: "autoscaling.minReplicas: 5 is not valid; allowed: a value not above",
    },
    {
        id: "bad16",
        base: "dev",
        what: "primary-secondaries with a local database",
        change: withInstance((i) => (i.topology = "primary-secondaries")),
        exit: 2,
        fragment: "external or managed for the primary-secondaries topology",
    },
    {
        id: "bad17",
        base: "existing",
        what: "managed database on existing",
        change: withInstance((i) => (i.database = { mode: "managed" })),
        exit: 2,
        fragment: "managed needs aws or azure",
    },
    {
        id: "bad18",
        base: "dev",
        what: "latest",
        change: (c) => (section(c, key("release")).sidecarVersion = "latest"),
        exit: 2,
        fragment: '"latest" is not valid',
    },
    {
        id: "bad19",
        base: "dev",
        what: "X-Road 8",
        change: (c) => (section(c, key("release")).sidecarVersion = "8.0.0"),
        exit: 2,
        fragment: "an X-Road 7.x version",
    },
    {
        id: "bad20",
        base: "dev",
        what: "7.4.0",
        change: (c) => (section(c, key("release")).sidecarVersion = "7.4.0"),
        exit: 2,
        fragment: "from 7.5.0",
    },
    {
        id: "bad21",
        base: "dev",
        what: "7.8 unquoted",
        change: (c) => (section(c, key("release")).sidecarVersion = 7.8),
        exit: 2,
        fragment: '"7.8" is not valid',
    },
    {
        id: "bad22",
        base: "dev",
        what: "target deleted",
        change: (c) => delete c[key("target")],
        exit: 2,
        fragment: "xroad-sidecar:target: (not set)",
    },
    {
        id: "bad23",
        base: "dev",
        what: "aws section deleted (defaults, but the account and deployer have none)",
        change: (c) => delete c[key("aws")],
        exit: 2,
        fragment: "xroad-sidecar:aws.deployerArn: (not set) is not valid",
    },
    {
        id: "bad24",
        base: "dev",
        what: "unclosed flow sequence",
        change: { text: (t) => t.replace("vpcCidr: 10.20.0.0/16", "vpcCidr: [10.20.0.0/16") },
        exit: 2,
        fragment: "Pulumi.bad24.yaml (stack bad24) is not valid YAML",
    },
    {
        id: "bad25",
        base: "dev",
        what: "tab indentation",
        change: { text: (t) => t.replace("    region: eu-north-1", "\tregion: eu-north-1") },
        exit: 2,
        fragment: "Pulumi.bad25.yaml (stack bad25) is not valid YAML",
    },
    {
        id: "bad26",
        base: "dev",
        what: "secure garbage (offline placeholder)",
        change: (c) => (c[key("secrets")] = { sidecar: { tokenPin: { secure: "garbage" } } }),
        exit: 0,
    },
    {
        id: "bad27",
        base: "prod",
        what: "huge maxReplicas",
        change: withInstance((i) => (i.autoscaling = { maxReplicas: 1e20 })),
        exit: 2,
        fragment: "allowed: an integer from 1 to 100",
    },
    {
        id: "bad28",
        base: "dev",
        what: "target azure with an aws section",
        change: (c) => (c[key("target")] = "azure"),
        exit: 2,
        fragment: "xroad-sidecar:aws: (a section with region,",
    },
    {
        id: "bad29",
        base: "dev",
        what: "slim ee",
        change: withInstance((i) => (i.variant = "ee")),
        exit: 2,
        fragment: "a variant NIIS publishes for slim single images",
    },
    {
        id: "bad30",
        base: "prod",
        what: "production unprotected",
        change: (c) => (c[key("protectData")] = false),
        exit: 2,
        fragment: "true in a production environment",
    },
    {
        id: "bad31",
        base: "dev",
        what: "environment prod",
        change: (c) => (c[key("environment")] = "prod"),
        exit: 2,
        fragment: "one of development, production",
    },
    {
        id: "bad32",
        base: "dev",
        what: "API open to the internet",
        change: (c) => (section(c, key("aws")).publicAccessCidrs = ["0.0.0.0/0"]),
        exit: 2,
        fragment: "the whole internet may not reach the API endpoint",
    },
    {
        id: "bad33",
        base: "dev",
        what: "t3.medium",
        change: (c) => (section(section(c, key("aws")), "nodeGroup").instanceType = "t3.medium"),
        exit: 2,
        fragment: "an instance size of xlarge or larger",
    },
    {
        id: "bad34",
        base: "prod",
        what: "63-char instance name, derived names longer",
        change: withInstance((i) => (i.name = "s".repeat(63))),
        exit: 2,
        fragment: "allowed: a name from which every object name is valid; the derived",
    },
    {
        id: "bad35",
        base: "dev",
        what: "name starting with a digit",
        change: withInstance((i) => (i.name = "1sidecar")),
        exit: 2,
        fragment: "DNS-1035 label",
    },
    {
        id: "bad36",
        base: "dev",
        what: "cron prose",
        change: withInstance((i) => (i.archiving = { schedule: "every six hours thank you" })),
        exit: 2,
        fragment: 'archiving.schedule: "every six hours thank you" is not valid; allowed: a five-field cron schedule',
    },
    {
        id: "bad37",
        base: "dev",
        what: "storage 0",
        change: withInstance((i) => (i.storage = { archive: 0 })),
        exit: 2,
        fragment: "storage.archive",
    },
    {
        id: "bad38",
        base: "existing",
        what: "invalid label key",
        change: withInstance((i) => (i.network = { consumerPodLabels: { "Bad Key!": "x y" } })),
        exit: 2,
        fragment: "a label key",
    },
    {
        id: "bad39",
        base: "dev",
        what: "kube-system",
        change: withInstance((i) => (i.namespace = "kube-system")),
        exit: 2,
        fragment: "default and kube-* belong to the cluster",
    },
    {
        id: "bad40",
        base: "dev",
        what: "default namespace",
        change: withInstance((i) => (i.namespace = "default")),
        exit: 2,
        fragment: "default and kube-* belong to the cluster",
    },
    {
        id: "bad41",
        base: "existing",
        what: "lowercase log level",
        change: withInstance((i) => (i.logLevel = "debug")),
        exit: 2,
        fragment: "one of TRACE, DEBUG",
    },
    {
        id: "bad42",
        base: "dev",
        what: "protectData yes",
        change: (c) => (c[key("protectData")] = "yes"),
        exit: 2,
        fragment: "true or false",
    },
    {
        id: "bad43",
        base: "dev",
        what: "duplicate YAML key",
        change: { text: (t) => t.replace("  xroad-sidecar:target: aws\n", "  xroad-sidecar:target: aws\n  xroad-sidecar:target: azure\n") },
        exit: 2,
        fragment: "Pulumi.bad43.yaml (stack bad43) is not valid YAML",
    },
    {
        id: "bad44",
        base: "dev",
        what: "instances as a map",
        change: (c) => (c[key("instances")] = { name: "sidecar", namespace: "xroad-dev" }),
        exit: 2,
        fragment: "allowed: a list",
    },
    {
        id: "bad45",
        base: "dev",
        what: "empty instances",
        change: (c) => (c[key("instances")] = []),
        exit: 2,
        fragment: "at least one Sidecar instance",
    },
    {
        id: "bad46",
        base: "dev",
        what: "kubernetesVersion 1.30 unquoted",
        change: (c) => (section(c, key("release")).kubernetesVersion = 1.3),
        exit: 2,
        fragment: '"1.3" is not valid',
    },
    {
        id: "bad47",
        base: "dev",
        what: "imageRepository with a tag",
        change: (c) => (section(c, key("release")).imageRepository = "niis/xroad-security-server-sidecar:7.8.0"),
        exit: 2,
        fragment: "an image repository without tag or digest",
    },
    {
        id: "bad48",
        base: "dev",
        what: "secrets for a missing instance",
        change: (c) => (c[key("secrets")] = { sidecr: { tokenPin: "LEAKME-48" } }),
        exit: 2,
        fragment: 'secrets.sidecr: "[secret]" is not valid',
    },
    { id: "bad49", base: "dev", what: "empty file", change: { text: () => "" }, exit: 2, fragment: "xroad-sidecar:target: (not set)" },
    {
        id: "bad50",
        base: "dev",
        what: "config as a list",
        change: { text: () => "config:\n  - xroad-sidecar:target: aws\n" },
        exit: 2,
        fragment: "has a config: section that is not a mapping",
    },
    {
        id: "bad51",
        base: "azure-prod",
        what: "database subnet outside the VNet",
        change: (c) => (section(c, key("azure")).databaseSubnetCidr = "10.99.16.0/24"),
        exit: 2,
        fragment: "a CIDR inside xroad-sidecar:azure.vnetCidr",
    },
    {
        id: "bad52",
        base: "azure-dev",
        what: "HA on Burstable",
        change: (c) => (section(section(c, key("azure")), "database").zoneRedundantHa = true),
        exit: 2,
        fragment: "false for the Burstable tier",
    },
    {
        id: "bad53",
        base: "dev",
        what: "region mars-1",
        change: (c) => (section(c, key("aws")).region = "mars-1"),
        exit: 2,
        fragment: "an AWS region",
    },
    {
        id: "bad54",
        base: "existing",
        what: "external DB host name without egress CIDRs",
        change: withInstance((i) => (i.database = { mode: "external", host: "db.example.internal" })),
        exit: 2,
        fragment: "the CIDRs that db.example.internal resolves into",
    },
    {
        id: "bad55",
        base: "dev",
        what: "vpcCidr with host bits",
        change: (c) => (section(c, key("aws")).vpcCidr = "10.20.0.5/16"),
        exit: 2,
        fragment: "a canonical IPv4 CIDR without host bits or leading zeros: 10.20.0.0/16",
    },
    {
        id: "bad56",
        base: "dev",
        what: "CIDR with leading zeros",
        change: (c) => (section(c, key("aws")).vpcCidr = "010.020.000.000/16"),
        exit: 2,
        fragment: "a canonical IPv4 CIDR without host bits or leading zeros: 10.20.0.0/16",
    },
    {
        id: "bad57",
        base: "dev",
        what: "source ranges as a string",
        change: withInstance((i) => (i.network = { loadBalancerSourceRanges: "203.0.113.0/24" })),
        exit: 2,
        fragment: "allowed: a list",
    },
    {
        id: "bad58",
        base: "dev",
        what: "4gi",
        change: withInstance((i) => (i.resources = { limits: { memory: "4gi" } })),
        exit: 2,
        fragment: '"4gi" is not valid',
    },
    {
        id: "bad59",
        base: "dev",
        what: "requests above limits",
        change: withInstance((i) => (i.resources = { requests: { cpu: "4" }, limits: { cpu: "2" } })),
        exit: 2,
        fragment: "a value not above instances[0].resources.limits.cpu",
    },
    {
        id: "bad60",
        base: "prod",
        what: "record name with spaces",
        change: (c) => (section(section(c, key("aws")), "dns").recordName = "SS1 xroad example org"),
        exit: 2,
        fragment: "a fully qualified DNS name",
    },
    {
        id: "bad61",
        base: "prod",
        what: "short cooldown",
        change: withInstance((i) => (i.autoscaling = { scaleDownStabilizationSeconds: 60 })),
        exit: 2,
        fragment: "an integer from 300 to 3600",
    },
    {
        id: "bad62",
        base: "prod",
        what: "utilisation 150",
        change: withInstance((i) => (i.autoscaling = { targetCpuUtilization: 150 })),
        exit: 2,
        fragment: "from 10 to 95",
    },
    {
        id: "bad63",
        base: "existing",
        what: "namePrefix with a hyphen",
        change: withInstance((i) => ((i.database as Record<string, unknown>).namePrefix = "ss-1")),
        exit: 2,
        fragment: "PostgreSQL identifier prefix",
    },
    {
        id: "bad64",
        base: "prod",
        what: "maxReplicas 3.5",
        change: withInstance((i) => (i.autoscaling = { maxReplicas: 3.5 })),
        exit: 2,
        fragment: "an integer from 1 to 100",
    },
    {
        id: "bad65",
        base: "prod",
        what: "maxReplicas 100 on a node group of at most 6 (the nodes cannot hold them)",
        change: withInstance((i) => (i.autoscaling = { ...(i.autoscaling as object), maxReplicas: 100 })),
        exit: 2,
        fragment: "xroad-sidecar:aws.nodeGroup.maxSize: 6 is not valid; allowed: at least",
    },
    {
        id: "bad67",
        base: "dev",
        what: "150-char cluster name",
        change: (c) => (section(c, key("aws")).clusterName = "c".repeat(150)),
        exit: 2,
        fragment: "aws.clusterName",
    },
    {
        id: "bad68",
        base: "azure-prod",
        what: "zone 4",
        change: (c) => (section(c, key("azure")).availabilityZones = ["1", "1", "4"]),
        exit: 2,
        fragment: 'availabilityZones[2]: "4" is not valid; allowed: one of 1, 2, 3',
    },
    {
        id: "bad69",
        base: "dev",
        what: "non-ASCII name",
        change: withInstance((i) => (i.name = "sidecär")),
        exit: 2,
        fragment: '"sidecär" is not valid',
    },
    {
        id: "bad70",
        base: "dev",
        what: "instances as a string",
        change: (c) => (c[key("instances")] = "sidecar"),
        exit: 2,
        fragment: "allowed: a list",
    },
    {
        id: "bad72",
        base: "dev",
        what: "misspelled project namespace",
        change: (c) => ((c["xroad-sidecr:instances"] = c[key("instances")]), delete c[key("instances")]),
        exit: 2,
        fragment: "xroad-sidecr:instances is not a known key; allowed here: a key in the project's namespace (xroad-sidecar:)",
    },
    {
        id: "bad73",
        base: "dev",
        what: "flavour fat",
        change: withInstance((i) => (i.flavour = "fat")),
        exit: 2,
        fragment: "one of slim, full",
    },
    {
        id: "bad74",
        base: "prod",
        what: "a second instance with room for its pods (valid)",
        change: (c) => {
            (c[key("instances")] as Instance[]).push({ ...instance0(c), name: "ss2", namespace: "xroad-ss2" });
            section(section(c, key("aws")), "nodeGroup").maxSize = 12;
        },
        exit: 0,
    },
    {
        id: "bad74-full",
        base: "prod",
        what: "a second instance without room for its pods",
        change: (c) => (c[key("instances")] as Instance[]).push({ ...instance0(c), name: "ss2", namespace: "xroad-ss2" }),
        exit: 2,
        fragment: "aws.nodeGroup.maxSize: 6 is not valid; allowed: at least 12 m6i.xlarge nodes",
    },
    {
        id: "bad75",
        base: "dev",
        what: "desiredSize above maxSize",
        change: (c) => (section(section(c, key("aws")), "nodeGroup").desiredSize = 5),
        exit: 2,
        fragment: "a value not above xroad-sidecar:aws.nodeGroup.maxSize",
    },
    {
        id: "bad76",
        base: "dev",
        what: "retention 45",
        change: (c) => (section(c, key("aws")).logRetentionDays = 45),
        exit: 2,
        fragment: "one of 1, 3, 5",
    },
    {
        id: "bad77",
        base: "dev",
        what: "unknown add-on",
        change: (c) => (section(c, key("release")).eksAddonVersions = { calico: "v1" }),
        exit: 2,
        fragment: "release.eksAddonVersions.calico is not a known key",
    },
    {
        id: "bad79",
        base: "dev",
        what: "glacier after expiry",
        change: (c) => (section(section(c, key("aws")), "archive").transitionToGlacierDays = 400),
        exit: 2,
        fragment: "a value not above xroad-sidecar:aws.archive.expirationDays",
    },
    {
        id: "bad80",
        base: "existing",
        what: "port 70000",
        change: withInstance((i) => ((i.database as Record<string, unknown>).port = 70000)),
        exit: 2,
        fragment: "an integer from 1 to 65535",
    },
    {
        id: "bad81",
        base: "dev",
        what: 'storage "0"',
        change: withInstance((i) => (i.storage = { archive: "0" })),
        exit: 2,
        fragment: 'storage.archive: "0" is not valid; allowed: a quantity above 0',
    },
    {
        id: "bad83",
        base: "dev",
        what: "v7.8.0",
        change: (c) => (section(c, key("release")).sidecarVersion = "v7.8.0"),
        exit: 2,
        fragment: '"v7.8.0" is not valid',
    },
    {
        id: "bad84",
        base: "dev",
        what: "7.8.0-rc1",
        change: (c) => (section(c, key("release")).sidecarVersion = "7.8.0-rc1"),
        exit: 2,
        fragment: '"7.8.0-rc1" is not valid',
    },
    {
        id: "bad86",
        base: "existing",
        what: "archiving on existing",
        change: withInstance((i) => (i.archiving = { enabled: true })),
        exit: 2,
        fragment: "false on target existing: this target creates no archive store",
    },
    {
        id: "bad87",
        base: "dev",
        what: "autoscaling on a single pod",
        change: withInstance((i) => (i.autoscaling = { maxReplicas: 3 })),
        exit: 2,
        fragment: "autoscaling applies only to the primary-secondaries topology",
    },
    {
        id: "bad88",
        base: "existing",
        what: "uppercase storage class",
        change: (c) => (section(section(c, key("existing")), "storageClasses").config = "Standard"),
        exit: 2,
        fragment: "a StorageClass name",
    },
    {
        id: "bad89",
        base: "azure-prod",
        what: "location with a space",
        change: (c) => (section(c, key("azure")).location = "West Europe"),
        exit: 2,
        fragment: "an Azure location",
    },
    {
        id: "bad90",
        base: "dev",
        what: "name as a number",
        change: withInstance((i) => (i.name = 123)),
        exit: 2,
        fragment: "instances[0].name: 123 is not valid",
    },
    {
        id: "bad91",
        base: "dev",
        what: "namespace null",
        change: withInstance((i) => (i.namespace = null)),
        exit: 2,
        fragment: "instances[0].namespace: (empty) is not valid",
    },
    { id: "bad92", base: "azure-prod", what: "40-char name (valid)", change: withInstance((i) => (i.name = "a".repeat(40))), exit: 0 },
    {
        id: "bad93",
        base: "prod",
        what: "50-char name: the archiver CronJob would exceed 52",
        change: withInstance((i) => (i.name = "a".repeat(50))),
        exit: 2,
        fragment: "the derived StatefulSet name",
    },
    {
        id: "bad94",
        base: "existing",
        what: "full image with 3Gi",
        change: withInstance((i) => (i.resources = { requests: { memory: "3Gi" }, limits: { memory: "3Gi" } })),
        exit: 2,
        fragment: "at least 4096Mi for the full image",
    },
    {
        id: "bad95",
        base: "dev",
        what: "cpu 2000 cores",
        change: withInstance((i) => (i.resources = { requests: { cpu: 2000 }, limits: { cpu: 2000 } })),
        exit: 2,
        fragment: "write millicores with m, such as 2000m",
    },
    {
        id: "bad96",
        base: "dev",
        what: "memory 4096 bytes",
        change: withInstance((i) => (i.resources = { requests: { memory: 4096 }, limits: { memory: 4096 } })),
        exit: 2,
        fragment: "at least 3072Mi for the slim image",
    },
    {
        id: "bad97",
        base: "dev",
        what: "key without namespace (valid)",
        change: (c) => ((c.target = c[key("target")]), delete c[key("target")]),
        exit: 0,
    },
    {
        id: "bad98",
        base: "dev",
        what: "secrets as a list",
        change: (c) => (c[key("secrets")] = [{ tokenPin: "LEAKME-98" }]),
        exit: 2,
        fragment: 'xroad-sidecar:secrets: "[secret]"',
    },
    { id: "bad99", base: "dev", what: "BOM and CRLF (valid)", change: { text: (t) => `\ufeff${t.replace(/\n/g, "\r\n")}` }, exit: 0 },
    {
        id: "bad100",
        base: "prod",
        what: "empty source ranges (defensible)",
        change: withInstance((i) => (i.network = { ...(i.network as object), loadBalancerSourceRanges: [] })),
        exit: 0,
    },
    {
        id: "bad101",
        base: "dev",
        what: "secret: typo with a plain PIN",
        change: (c) => (c[key("secret")] = { sidecar: { tokenPin: "LEAKME-101" } }),
        exit: 2,
        fragment: "xroad-sidecar:secret is not a known key",
    },
    {
        id: "bad102",
        base: "dev",
        what: "secrets as a string",
        change: (c) => (c[key("secrets")] = "LEAKME-102"),
        exit: 2,
        fragment: 'xroad-sidecar:secrets: "[secret]"',
    },
    {
        id: "bad103",
        base: "dev",
        what: "adminPassword inside the instance",
        change: withInstance((i) => (i.adminPassword = "LEAKME-103")),
        exit: 2,
        fragment: "instances[0].adminPassword is not a known key",
    },
    {
        id: "bad104",
        base: "dev",
        what: "tokenPin as a map",
        change: (c) => (c[key("secrets")] = { sidecar: { tokenPin: { value: "LEAKME-104" } } }),
        exit: 2,
        fragment: 'secrets.sidecar.tokenPin: "[secret]" is not valid; allowed: a string',
    },
    {
        id: "bad105",
        base: "dev",
        what: "secrets.sidecar as a string",
        change: (c) => (c[key("secrets")] = { sidecar: "LEAKME-105" }),
        exit: 2,
        fragment: 'secrets.sidecar: "[secret]"',
    },
    {
        id: "bad106",
        base: "dev",
        what: "tokenpin typo",
        change: (c) => (c[key("secrets")] = { sidecar: { tokenpin: "LEAKME-106" } }),
        exit: 2,
        fragment: "a known secret (tokenPin, adminUser, adminPassword, dbPassword)",
    },
    {
        id: "bad107",
        base: "dev",
        what: "secrets for a misspelled instance",
        change: (c) => (c[key("secrets")] = { sidecra: { tokenPin: "LEAKME-107" } }),
        exit: 2,
        fragment: "secrets for a configured instance (sidecar)",
    },
    {
        id: "bad108",
        base: "prod",
        what: "plain tokenPin and an unrelated error",
        change: (c) => {
            c[key("secrets")] = { ss1: { tokenPin: "LEAKME-108" } };
            instance0(c).autoscaling = { minReplicas: 9, maxReplicas: 4 };
        },
        exit: 2,
        fragment: "autoscaling.minReplicas: 9 is not valid",
    },
    {
        id: "bad66",
        base: "existing",
        what: "kubeconfigPath to a missing file (cannot be checked offline; the engine's provider reports it)",
        change: (c) => (section(c, key("existing")).kubeconfigPath = "/nonexistent/kubeconfig"),
        exit: 0,
    },
    {
        id: "bad71",
        base: "dev",
        what: "an empty secure value (a placeholder stands in offline)",
        change: (c) => (c[key("secrets")] = { sidecar: { tokenPin: { secure: "" } } }),
        exit: 0,
    },
    {
        id: "bad78",
        base: "prod",
        what: "operator ARN equal to an admin ARN",
        change: (c) => (section(c, key("aws")).namespaceOperatorArns = [...((section(c, key("aws")).clusterAdminArns as string[]) ?? [])]),
        exit: 2,
        fragment: "a principal not already in xroad-sidecar:aws.clusterAdminArns",
    },
    {
        id: "bad82",
        base: "dev",
        what: "a 1Ki config volume (valid syntax; minor)",
        change: withInstance((i) => (i.storage = { ...(i.storage as object), config: "1Ki" })),
        exit: 0,
    },
    {
        id: "bad85",
        base: "dev",
        what: "sidecarVersion 7.99.0 (well-formed; no registry offline to prove it does not exist)",
        change: (c) => (section(c, key("release")).sidecarVersion = "7.99.0"),
        exit: 0,
    },
    // Our own additions.
    {
        id: "plain-secret",
        base: "dev",
        what: "a plain-text PIN plans, with a warning that shows how to encrypt it",
        change: (c) => (c[key("secrets")] = { sidecar: { tokenPin: "LEAKME-201" } }),
        exit: 0,
        fragment: "pulumi config set --secret --path 'secrets.sidecar.tokenPin' '<value>'",
    },
    {
        id: "cron-range",
        base: "dev",
        what: "cron minute 61",
        change: withInstance((i) => (i.archiving = { schedule: "61 * * * *" })),
        exit: 2,
        fragment: "archiving.schedule",
    },
    { id: "cron-macro", base: "dev", what: "cron macro", change: withInstance((i) => (i.archiving = { schedule: "@daily" })), exit: 0 },
    {
        id: "label-value",
        base: "existing",
        what: "label value with a space",
        change: withInstance((i) => (i.network = { consumerPodLabels: { app: "x y" } })),
        exit: 2,
        fragment: "a label value",
    },
    {
        id: "kube-public",
        base: "existing",
        what: "kube-public",
        change: withInstance((i) => (i.namespace = "kube-public")),
        exit: 2,
        fragment: "belong to the cluster",
    },
    // The one CIDR module (issue 17): notations the old readers disagreed on are refused everywhere.
    {
        id: "cidr-exponent-prefix",
        base: "dev",
        what: "a prefix written 1e1 (Number() reads 10)",
        change: (c) => (section(c, key("aws")).vpcCidr = "10.20.0.0/1e1"),
        exit: 2,
        fragment: 'xroad-sidecar:aws.vpcCidr: "10.20.0.0/1e1" is not valid; allowed: an IPv4 CIDR such as 10.0.0.0/16',
    },
    {
        id: "cidr-zero-padded-prefix",
        base: "azure-dev",
        what: "a prefix written 08",
        change: (c) => (section(c, key("azure")).nodeSubnetCidr = "10.30.0.0/020"),
        exit: 2,
        fragment: 'xroad-sidecar:azure.nodeSubnetCidr: "10.30.0.0/020" is not valid; allowed: an IPv4 CIDR such as 10.0.0.0/16',
    },
    {
        id: "ip-leading-zeros",
        base: "azure-dev",
        what: "an internal load balancer address with leading zeros",
        change: (c) => (section(c, key("azure")).loadBalancer = { internal: true, privateIp: "10.30.0.010" }),
        exit: 2,
        fragment: 'xroad-sidecar:azure.loadBalancer.privateIp: "10.30.0.010" is not valid; allowed: an IPv4 address in the node subnet',
    },
    {
        id: "registry-port",
        base: "dev",
        what: "registry with a port (valid)",
        change: (c) => (section(c, key("release")).imageRepository = "registry.example.org:5000/niis/xroad-security-server-sidecar"),
        exit: 0,
    },
];

function stackText(base: Base): string {
    return fs.readFileSync(path.join(projectDir, `Pulumi.${base}.yaml`), "utf8");
}

/** The messages (errors or warnings) and the exit code the plan gives for one case's stack file. */
function run(c: Case): { exit: 0 | 2; messages: string[] } {
    let text: string;
    if (typeof c.change === "function") {
        const doc = parse(stackText(c.base)) as { config: Config };
        c.change(doc.config);
        text = stringify(doc);
    } else {
        text = c.change.text(stackText(c.base));
    }
    try {
        const file = parseStackFile(text, project.name, c.id, project.config);
        const config = loadStackConfig(file.config, { project: project.name, stack: c.id }, { isSecure: isSecureIn(file), offline: true });
        return { exit: 0, messages: config.warnings };
    } catch (e) {
        if (e instanceof ConfigValidationError || e instanceof StackFileError) return { exit: 2, messages: e.message.split("\n") };
        throw e;
    }
}

describe("the newcomer review's broken stack files", () => {
    it("covers at least the review's 100 cases it could reproduce, plus our own", () => {
        assert.ok(CASES.length >= 100, `${CASES.length} cases`);
        assert.equal(new Set(CASES.map((c) => c.id)).size, CASES.length, "case ids are unique");
    });

    for (const c of CASES) {
        it(`${c.id} (${c.base}): ${c.what} → ${c.exit === 2 ? "config error" : "accepted"}`, () => {
            const result = run(c);
            assert.equal(result.exit, c.exit, result.messages.join("\n"));
            if (c.fragment)
                assert.ok(
                    result.messages.some((m) => m.includes(c.fragment!)),
                    `no message contains ${JSON.stringify(c.fragment)}:\n${result.messages.join("\n")}`,
                );
            assert.ok(!result.messages.some((m) => m.includes("LEAKME")), `a secret value was echoed:\n${result.messages.join("\n")}`);
            if (c.exit === 2 && typeof c.change === "function")
                assert.match(result.messages[0], new RegExp(`^Invalid configuration of stack ${c.id} `), "the message names the stack");
        });
    }
});
