import { z } from "zod";
import { Checker } from "./checker";
import { optionalText, optionalVersionText, section, text, versionText, withDefault } from "./kinds";
import { parseSetting } from "./parse";
import { MIN_SUPPORTED_VERSION, SIDECAR_REPOSITORY, SUPPORTED_MAJOR, compareVersions, parseVersion } from "../policy/xroad/images";

/** The EKS add-ons whose versions a release pins. */
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

// From 1.30: admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy, which guards the archiver's ServiceAccount
// (components/kubernetes/archiver-admission.ts), is GA there (Kubernetes 1.30 release notes, KEP-3488).
const KUBERNETES_MINOR = /^1\.3\d$/;
const DEFAULT_KUBERNETES_VERSION = "1.33";
const DEFAULT_AUTOSCALER_TAG = "v1.33.1";
const CHART_VERSION = /^v?\d+\.\d+\.\d+$/;
// A repository alone: an optional registry host[:port]/, then path components; no tag and no digest, which the
// program appends from sidecarVersion (distribution/reference grammar).
const IMAGE_REPOSITORY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d+)?\/)?[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;
const IMAGE_REFERENCE = /^[a-z0-9]+([._/-][a-z0-9]+)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

const sidecarVersion = versionText(undefined).superRefine((version, ctx) => {
    const parsed = parseVersion(version);
    if (!parsed) ctx.addIssue({ code: "custom", input: version, message: "a version MAJOR.MINOR.PATCH such as 7.8.0" });
    else if (parsed[0] !== SUPPORTED_MAJOR || compareVersions(version, MIN_SUPPORTED_VERSION) < 0)
        ctx.addIssue({
            code: "custom",
            message: `an X-Road ${SUPPORTED_MAJOR}.x version from ${MIN_SUPPORTED_VERSION} (PostgreSQL 16 layout)`,
        });
});
const chartVersion = (example: string) => text({ pattern: CHART_VERSION, allowed: `a chart version such as ${example}` });
const image = () => text({ pattern: IMAGE_REFERENCE, allowed: "an image reference such as registry/name:tag" });
const addonVersion = () =>
    optionalText({ pattern: /^v\d+\.\d+\.\d+-eksbuild\.\d+$/, allowed: "an EKS add-on version such as v1.45.0-eksbuild.1" });

/**
 * The release-pinned settings of a stack: what a promotion copies from one stack to the next
 * (`npm run promote`), in the order promotion writes them. Everything environment-specific lives elsewhere.
 */
const releaseShape = {
    sidecarVersion: withDefault(sidecarVersion, "7.8.0", {
        description: "X-Road Security Server Sidecar version.",
        allowed: `an X-Road ${SUPPORTED_MAJOR}.x version MAJOR.MINOR.PATCH from ${MIN_SUPPORTED_VERSION}`,
    }),
    imageRepository: withDefault(
        text({
            pattern: IMAGE_REPOSITORY,
            allowed:
                "an image repository without tag or digest, such as niis/xroad-security-server-sidecar (the tag comes from sidecarVersion)",
        }),
        SIDECAR_REPOSITORY,
        { description: "Sidecar image repository; NIIS publishes to Docker Hub. Override for a mirror." },
    ),
    kubernetesVersion: withDefault(
        versionText({
            pattern: KUBERNETES_MINOR,
            allowed:
                'a quoted Kubernetes minor version from 1.30 (ValidatingAdmissionPolicy v1 guards the archiver\'s identity) to 1.39, such as "1.33"',
        }),
        DEFAULT_KUBERNETES_VERSION,
        { description: "Kubernetes minor version of the managed cluster (EKS, AKS)." },
    ),
    calicoChartVersion: withDefault(chartVersion("v3.31.4"), "v3.31.4", {
        description: "tigera-operator Helm chart version for Calico on EKS.",
    }),
    metricsServerChartVersion: withDefault(chartVersion("3.13.0"), "3.13.0", {
        description: "metrics-server Helm chart version (the HPA needs it; AKS ships its own).",
    }),
    eksAddonVersions: withDefault(
        section(
            Object.fromEntries(
                EKS_ADDONS.map((name) => [name, addonVersion().meta({ description: `Version of the ${name} add-on.` })]),
            ) as Record<EksAddonName, ReturnType<typeof addonVersion>>,
        ),
        {},
        {
            description:
                "Pinned EKS add-on versions; unset means the cluster's default version. Production on EKS pins every one, so a promotion upgrades them together.",
        },
    ),
    eksNodeReleaseVersion: withDefault(optionalVersionText(), "", {
        allowed: "empty, or an EKS AMI release version of the Kubernetes version, such as 1.33.5-20251016",
        description:
            "EKS node AMI release version of the Kubernetes version, such as 1.33.5-20251016; empty: the newest AMI whenever the node group is created or upgraded.",
    }),
    clusterAutoscalerChartVersion: withDefault(chartVersion("9.52.1"), "9.52.1", {
        description: "cluster-autoscaler Helm chart version on EKS.",
    }),
    clusterAutoscalerImageTag: optionalText().meta({
        description: "cluster-autoscaler image tag; its minor version must be the cluster's (autoscaler release policy).",
        default: DEFAULT_AUTOSCALER_TAG,
        defaultText: `${DEFAULT_AUTOSCALER_TAG} with the default kubernetesVersion; required with another`,
        allowed: "a cluster-autoscaler tag of the cluster's minor version, such as v1.33.1",
    }),
    awsArchiverImage: withDefault(image(), "public.ecr.aws/aws-cli/aws-cli:2.31.39", {
        description:
            "Image of the message-log archiver job on AWS: the aws CLI and the tools of S3_TOOLS (components/kubernetes/archiver.ts).",
    }),
    azureArchiverImage: withDefault(image(), "mcr.microsoft.com/azure-cli:2.79.0", {
        description:
            "Image of the message-log archiver job on Azure: the az CLI and the tools of BLOB_TOOLS (components/kubernetes/archiver.ts).",
    }),
};
const releaseSection = withDefault(
    section(releaseShape, "Release-pinned settings, promoted together from stack to stack (npm run promote)."),
    {},
);

type ParsedRelease = z.output<typeof releaseSection>;

/** The release-pinned settings of a stack, validated, with every default filled in. */
export interface ReleaseConfig extends Omit<ParsedRelease, "eksAddonVersions" | "eksNodeReleaseVersion" | "clusterAutoscalerImageTag"> {
    /** Pinned EKS add-on versions; unset means the default version for the cluster. */
    eksAddonVersions: Partial<Record<EksAddonName, string>>;
    /** Empty means the newest AMI of the Kubernetes version. */
    eksNodeReleaseVersion: string;
    clusterAutoscalerImageTag: string;
}

/** The keys of the `release` object, in the order promotion writes them. */
export const RELEASE_KEYS = Object.keys(releaseShape) as (keyof ReleaseConfig)[];

function withoutUnset<T extends object>(record: T): T {
    return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** Every release key in promotion's order; spreading a release over it keeps this order and takes the release's values. */
const RELEASE_ORDER: Record<string, undefined> = Object.fromEntries(RELEASE_KEYS.map((key) => [key, undefined]));

/** In promotion's order, whichever keys the stack file wrote (an optional key unset in it comes last from zod). */
function inReleaseOrder(release: ReleaseConfig): ReleaseConfig {
    return { ...RELEASE_ORDER, ...release };
}

/** What a stack without a release block runs. */
export const RELEASE_DEFAULTS: ReleaseConfig = inReleaseOrder({
    ...releaseSection.parse({}),
    eksAddonVersions: {},
    eksNodeReleaseVersion: "",
    clusterAutoscalerImageTag: DEFAULT_AUTOSCALER_TAG,
});

/** `xroad-sidecar:release`; its documented default is the whole release a stack without the block runs. */
export const releaseSchema = releaseSection.meta({ ...releaseSection.meta(), default: RELEASE_DEFAULTS });

/** `xroad-sidecar:release`, with the rules that tie the versions to the Kubernetes version. */
export function readRelease(check: Checker, raw: unknown): ReleaseConfig {
    // Undefined only when an issue is recorded already; the defaults let the other rules run.
    const parsed = parseSetting(check, "release", raw, releaseSchema) ?? RELEASE_DEFAULTS;
    const kubernetesVersion = parsed.kubernetesVersion;
    const minor = kubernetesVersion.replace(".", "\\.");
    const nodeRelease = parsed.eksNodeReleaseVersion ?? "";
    if (nodeRelease !== "" && !new RegExp(`^${minor}\\.\\d+-\\d{8}$`).test(nodeRelease))
        check.fail(
            "release.eksNodeReleaseVersion",
            nodeRelease,
            `empty, or an EKS AMI release version of Kubernetes ${kubernetesVersion}, such as ${kubernetesVersion}.5-20251016 (aws ssm get-parameter --name /aws/service/eks/optimized-ami/${kubernetesVersion}/amazon-linux-2023/x86_64/standard/recommended/release_version)`,
        );
    // The default autoscaler tag follows the default Kubernetes version only; another minor must name its own.
    const tag = parsed.clusterAutoscalerImageTag ?? (kubernetesVersion === DEFAULT_KUBERNETES_VERSION ? DEFAULT_AUTOSCALER_TAG : undefined);
    if (tag === undefined || !new RegExp(`^v${minor}\\.\\d+$`).test(tag))
        check.fail(
            "release.clusterAutoscalerImageTag",
            tag,
            `a cluster-autoscaler tag of the cluster's minor version ${kubernetesVersion}, such as v${kubernetesVersion}.1 (the autoscaler supports only its own Kubernetes minor)`,
        );
    const resolved: ReleaseConfig = {
        ...parsed,
        eksAddonVersions: withoutUnset(parsed.eksAddonVersions),
        eksNodeReleaseVersion: nodeRelease,
        clusterAutoscalerImageTag: tag ?? "",
    };
    return inReleaseOrder(resolved);
}
