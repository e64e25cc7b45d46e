import { Checker } from "./checker";
import { MIN_SUPPORTED_VERSION, SIDECAR_REPOSITORY, SUPPORTED_MAJOR, compareVersions, parseVersion } from "../policy/xroad/images";

/**
 * The release-pinned settings of a stack: what a promotion copies from one stack to the next
 * (`npm run promote`). Everything environment-specific lives elsewhere.
 */
export interface ReleaseConfig {
    /** X-Road Security Server Sidecar version, for example 7.8.0. */
    sidecarVersion: string;
    /** Image repository; NIIS publishes to Docker Hub. Override for a mirror. */
    imageRepository: string;
    /** Kubernetes minor version for managed clusters, for example 1.33. */
    kubernetesVersion: string;
    /** tigera-operator Helm chart version for Calico on EKS. */
    calicoChartVersion: string;
    /** metrics-server Helm chart version (the HPA needs it; AKS ships its own). */
    metricsServerChartVersion: string;
    /** Pinned EKS add-on versions; unset means the default version for the cluster. Production on EKS pins all. */
    eksAddonVersions: Partial<Record<EksAddonName, string>>;
    /**
     * EKS node AMI release version, such as 1.33.5-20251016; empty means the newest AMI of the Kubernetes version
     * whenever the node group is created or its version changes.
     */
    eksNodeReleaseVersion: string;
    /** cluster-autoscaler Helm chart version on EKS. */
    clusterAutoscalerChartVersion: string;
    /** cluster-autoscaler image tag; its minor version must be the cluster's (autoscaler release policy). */
    clusterAutoscalerImageTag: string;
    /** Image of the message-log archiver job on AWS: the aws CLI and the tools of `S3_TOOLS` (components/kubernetes/archiver.ts). */
    awsArchiverImage: string;
    /** Image of the message-log archiver job on Azure: the az CLI and the tools of `BLOB_TOOLS` (components/kubernetes/archiver.ts). */
    azureArchiverImage: string;
}

export const EKS_ADDONS = [
    "vpc-cni",
    "coredns",
    "kube-proxy",
    "aws-ebs-csi-driver",
    "aws-efs-csi-driver",
    "amazon-cloudwatch-observability",
    // guide §8: node health (node auto-repair acts on what it reports) and GuardDuty's runtime agent.
    "eks-node-monitoring-agent",
    "aws-guardduty-agent",
] as const;
export type EksAddonName = (typeof EKS_ADDONS)[number];

/** The keys of the `release` object, in the order promotion writes them. */
export const RELEASE_KEYS = [
    "sidecarVersion",
    "imageRepository",
    "kubernetesVersion",
    "calicoChartVersion",
    "metricsServerChartVersion",
    "eksAddonVersions",
    "eksNodeReleaseVersion",
    "clusterAutoscalerChartVersion",
    "clusterAutoscalerImageTag",
    "awsArchiverImage",
    "azureArchiverImage",
] as const;

export const RELEASE_DEFAULTS: ReleaseConfig = {
    sidecarVersion: "7.8.0",
    imageRepository: SIDECAR_REPOSITORY,
    kubernetesVersion: "1.33",
    calicoChartVersion: "v3.31.4",
    metricsServerChartVersion: "3.13.0",
    eksAddonVersions: {},
    eksNodeReleaseVersion: "",
    clusterAutoscalerChartVersion: "9.52.1",
    clusterAutoscalerImageTag: "v1.33.1",
    awsArchiverImage: "public.ecr.aws/aws-cli/aws-cli:2.31.39",
    azureArchiverImage: "mcr.microsoft.com/azure-cli:2.79.0",
};

const KUBERNETES_MINOR = /^1\.(2[89]|3\d)$/;
const CHART_VERSION = /^v?\d+\.\d+\.\d+$/;
// A repository alone: an optional registry host[:port]/, then path components; no tag and no digest, which the
// program appends from sidecarVersion (distribution/reference grammar).
const IMAGE_REPOSITORY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d+)?\/)?[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;
const IMAGE_REFERENCE = /^[a-z0-9]+([._\/-][a-z0-9]+)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

function minorOf(kubernetesVersion: string): string {
    return KUBERNETES_MINOR.test(kubernetesVersion) ? kubernetesVersion : RELEASE_DEFAULTS.kubernetesVersion;
}

/** The default autoscaler tag follows the default Kubernetes version only; another minor must name its own. */
function defaultAutoscalerTag(kubernetesVersion: string): string | undefined {
    return kubernetesVersion === RELEASE_DEFAULTS.kubernetesVersion ? RELEASE_DEFAULTS.clusterAutoscalerImageTag : undefined;
}

export function readRelease(check: Checker, raw: unknown): ReleaseConfig {
    const s = check.section("release", raw);
    check.knownKeys("release", s, RELEASE_KEYS);
    // YAML reads an unquoted 7.8 or 1.33 as a number; validate the text the user meant.
    const asText = (v: unknown) => (typeof v === "number" ? String(v) : v);
    const version = check.string("release.sidecarVersion", asText(s.sidecarVersion), RELEASE_DEFAULTS.sidecarVersion);
    const parsed = parseVersion(version);
    if (!parsed) {
        check.fail("release.sidecarVersion", version, "a version MAJOR.MINOR.PATCH such as 7.8.0");
    } else if (parsed[0] !== SUPPORTED_MAJOR || compareVersions(version, MIN_SUPPORTED_VERSION) < 0) {
        check.fail(
            "release.sidecarVersion",
            version,
            `an X-Road ${SUPPORTED_MAJOR}.x version from ${MIN_SUPPORTED_VERSION} (PostgreSQL 16 layout)`,
        );
    }
    const addons = check.section("release.eksAddonVersions", s.eksAddonVersions);
    check.knownKeys("release.eksAddonVersions", addons, EKS_ADDONS);
    const eksAddonVersions: Partial<Record<EksAddonName, string>> = {};
    for (const name of EKS_ADDONS) {
        const v = check.optionalString(`release.eksAddonVersions.${name}`, addons[name], {
            pattern: /^v\d+\.\d+\.\d+-eksbuild\.\d+$/,
            allowed: "an EKS add-on version such as v1.45.0-eksbuild.1",
        });
        if (v) eksAddonVersions[name] = v;
    }
    const image = { pattern: IMAGE_REFERENCE, allowed: "an image reference such as registry/name:tag" };
    const kubernetesVersion = check.string("release.kubernetesVersion", asText(s.kubernetesVersion), RELEASE_DEFAULTS.kubernetesVersion, {
        pattern: KUBERNETES_MINOR,
        allowed: 'a quoted Kubernetes minor version from 1.28 to 1.39, such as "1.33"',
    });
    return {
        sidecarVersion: version,
        imageRepository: check.string("release.imageRepository", s.imageRepository, RELEASE_DEFAULTS.imageRepository, {
            pattern: IMAGE_REPOSITORY,
            allowed:
                "an image repository without tag or digest, such as niis/xroad-security-server-sidecar (the tag comes from sidecarVersion)",
        }),
        kubernetesVersion,
        calicoChartVersion: check.string("release.calicoChartVersion", s.calicoChartVersion, RELEASE_DEFAULTS.calicoChartVersion, {
            pattern: CHART_VERSION,
            allowed: "a chart version such as v3.31.4",
        }),
        metricsServerChartVersion: check.string(
            "release.metricsServerChartVersion",
            s.metricsServerChartVersion,
            RELEASE_DEFAULTS.metricsServerChartVersion,
            { pattern: CHART_VERSION, allowed: "a chart version such as 3.13.0" },
        ),
        eksAddonVersions,
        eksNodeReleaseVersion:
            check.optionalString("release.eksNodeReleaseVersion", asText(s.eksNodeReleaseVersion), {
                pattern: new RegExp(`^${minorOf(kubernetesVersion).replace(".", "\\.")}\\.\\d+-\\d{8}$`),
                allowed: `empty, or an EKS AMI release version of Kubernetes ${kubernetesVersion}, such as ${kubernetesVersion}.5-20251016 (aws ssm get-parameter --name /aws/service/eks/optimized-ami/${kubernetesVersion}/amazon-linux-2023/x86_64/standard/recommended/release_version)`,
            }) ?? "",
        clusterAutoscalerChartVersion: check.string(
            "release.clusterAutoscalerChartVersion",
            s.clusterAutoscalerChartVersion,
            RELEASE_DEFAULTS.clusterAutoscalerChartVersion,
            { pattern: CHART_VERSION, allowed: "a chart version such as 9.52.1" },
        ),
        clusterAutoscalerImageTag: check.string(
            "release.clusterAutoscalerImageTag",
            s.clusterAutoscalerImageTag,
            defaultAutoscalerTag(kubernetesVersion),
            {
                pattern: new RegExp(`^v${minorOf(kubernetesVersion).replace(".", "\\.")}\\.\\d+$`),
                allowed: `a cluster-autoscaler tag of the cluster's minor version ${kubernetesVersion}, such as v${kubernetesVersion}.1 (the autoscaler supports only its own Kubernetes minor)`,
            },
        ),
        awsArchiverImage: check.string("release.awsArchiverImage", s.awsArchiverImage, RELEASE_DEFAULTS.awsArchiverImage, image),
        azureArchiverImage: check.string("release.azureArchiverImage", s.azureArchiverImage, RELEASE_DEFAULTS.azureArchiverImage, image),
    };
}
