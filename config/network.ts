import { z } from "zod";
import { Checker } from "./checker";
import { boolean, cidr, dnsLabel, integer, labels, list, section, stringMap, withDefault } from "./kinds";
import { NEVER_REACHABLE_CIDRS } from "./cluster-network";
import { cidrContains } from "../kubernetes-model/cidr";
import { Variant } from "../policy/xroad/images";

/** A destination CIDR: never the metadata endpoint or the wireserver (they are excluded everywhere, review B1). */
function destination() {
    return cidr().superRefine((value, ctx) => {
        const banned = NEVER_REACHABLE_CIDRS.find((never) => cidrContains(never, value));
        if (banned)
            ctx.addIssue({
                code: "custom",
                input: value,
                message: `a CIDR outside ${NEVER_REACHABLE_CIDRS.join(" and ")}: the cloud metadata endpoint and the Azure wireserver are never reachable`,
            });
    });
}

const port = () => integer({ min: 1, max: 65535 });
const PORTS_ALLOWED = "a list of at least one TCP port (1-65535)";

/**
 * A producer information system the Sidecar calls (NIIS network table: "Outbound | Sidecar | Producer
 * Information System | 80, 443, other | To internal network"): addresses outside the cluster, or pods
 * inside it, each on the ports it serves.
 */
const producerSchema = section({
    name: dnsLabel("A short name for plans and flow tables.").optional().meta({ defaultText: "producer-<position>" }),
    cidrs: withDefault(list(destination()), [], {
        description: "Out-of-cluster addresses (VMs, on-premises systems, an API behind a VPN).",
    }),
    namespaces: withDefault(list(dnsLabel()), [], { description: "In-cluster: namespaces whose pods with podLabels serve the producer." }),
    podLabels: labels("Labels of the producer's pods; required with namespaces.").optional(),
    ports: list(port(), { min: 1, allowed: PORTS_ALLOWED })
        .optional()
        .meta({ description: "TCP ports of the backend.", defaultText: "required" }),
});

/**
 * `instances[i].network`: every row of the NIIS network table that depends on the deployment
 * (kubernetes_security_server_sidecar_user_guide.md, "Network"). Rows with fixed peers (DNS, the
 * database, SSH between primary and secondaries, the archiver's 443) need no settings.
 */
export const networkSchema = withDefault(
    section(
        {
            consumerNamespaces: withDefault(list(dnsLabel()), [], {
                description: "Namespaces whose pods (with consumerPodLabels) may call the consumer ports (8080/8443).",
            }),
            consumerPodLabels: withDefault(
                labels(),
                { "xroad-sidecar/consumer": "true" },
                {
                    description: "Labels a pod in one of consumerNamespaces needs to call the consumer ports.",
                },
            ),
            consumerCidrs: withDefault(list(destination()), [], {
                description: "Consumer information systems outside the cluster that may call the consumer ports.",
            }),
            consumerLoadBalancer: withDefault(
                section({
                    enabled: boolean().optional().meta({ description: "Create it.", defaultText: "true when consumerCidrs is set" }),
                    annotations: withDefault(
                        stringMap(),
                        {},
                        {
                            description: "Annotations that make the load balancer internal; required on target existing.",
                        },
                    ),
                }),
                {},
                {
                    description:
                        "An internal LoadBalancer Service for the consumer ports, for consumerCidrs: AWS internal NLB or Azure internal load balancer; on an existing cluster, with the annotations given here.",
                },
            ),
            loadBalancerSourceRanges: withDefault(list(cidr()), ["0.0.0.0/0"], {
                description: "Sources allowed to reach 5500/5577 through the load balancer (other Security Servers).",
            }),
            xroadEgressCidrs: withDefault(list(destination()), ["0.0.0.0/0"], {
                description: "Where X-Road egress (central server, OCSP, TSA, other Security Servers, ACME servers) may go.",
            }),
            ocspTsaPorts: withDefault(list(port()), [], {
                description: "OCSP responders' and time-stamping services' ports besides 80 and 443 (NIIS table: 80 / 443 / other).",
            }),
            producers: withDefault(list(producerSchema), [], {
                description:
                    "Producer information systems: {name, cidrs, ports} outside the cluster, {name, namespaces, podLabels, ports} inside it.",
            }),
            acmeChallenge: boolean().optional().meta({
                description: "Inbound ACME HTTP-01 challenges on port 80; the fi variant on a single pod only.",
                defaultText: "true for the fi variant on a single pod",
            }),
            acmeSourceRanges: withDefault(list(cidr()), ["0.0.0.0/0"], {
                description: "Who may send ACME challenges; ACME servers validate from many undisclosed addresses.",
            }),
            mailCidrs: withDefault(list(destination()), [], {
                description: "Mail servers for ACME notifications (TCP 587, NIIS table); empty: no mail egress.",
            }),
        },
        "Who may talk to the Security Server, and what it may call: the rows of the NIIS network table.",
    ),
    {},
);

type ParsedNetwork = z.output<typeof networkSchema>;

/** A producer, with its name resolved. */
export type ProducerAccess = Omit<ParsedNetwork["producers"][number], "name" | "podLabels" | "ports"> & {
    name: string;
    podLabels: Record<string, string>;
    /** TCP ports of the backend. */
    ports: number[];
};

export type NetworkAccess = Omit<ParsedNetwork, "producers" | "acmeChallenge" | "consumerLoadBalancer"> & {
    producers: ProducerAccess[];
    acmeChallenge: boolean;
    consumerLoadBalancer: { enabled: boolean; annotations: Record<string, string> };
};

/** Mail submission (NIIS network table: "Outbound | Sidecar | Mail server | 587"). */
export const MAIL_SUBMISSION_PORT = 587;

export interface NetworkContext {
    namespace: string;
    variant: Variant;
    topology: "single" | "primary-secondaries";
    production: boolean;
    /** The platform knows the annotations of an internal load balancer (aws, azure). */
    internalLoadBalancerAnnotationsKnown: boolean;
}

function resolveProducer(
    check: Checker,
    path: string,
    parsed: ParsedNetwork["producers"][number],
    raw: unknown,
    index: number,
    ctx: NetworkContext,
): ProducerAccess {
    const producer: ProducerAccess = {
        ...parsed,
        name: parsed.name ?? `producer-${index + 1}`,
        podLabels: parsed.podLabels ?? {},
        ports: [...new Set(parsed.ports ?? [])],
    };
    if (parsed.ports === undefined && !check.reported(`${path}.ports`)) check.fail(`${path}.ports`, undefined, PORTS_ALLOWED);
    const inCluster = producer.namespaces.length > 0;
    if (producer.cidrs.length === 0 && !inCluster && !check.reported(`${path}.cidrs`) && !check.reported(`${path}.namespaces`))
        check.fail(path, raw, "cidrs (addresses outside the cluster) or namespaces (with podLabels, pods inside it), with ports");
    if (parsed.podLabels !== undefined && !inCluster)
        check.fail(`${path}.podLabels`, parsed.podLabels, "nothing unless namespaces is set: pod labels select pods of those namespaces");
    if (inCluster && Object.keys(producer.podLabels).length === 0 && !check.reported(`${path}.podLabels`))
        check.fail(
            `${path}.podLabels`,
            parsed.podLabels,
            "the labels of the producer's pods, such as {app: backend}: without them every pod of the namespace would be reachable",
        );
    if (producer.namespaces.includes(ctx.namespace))
        check.fail(`${path}.namespaces`, ctx.namespace, "namespaces other than the Sidecar's own: it runs only the Sidecar");
    return producer;
}

/** The rules of `instances[i].network` that relate its settings to each other and to the instance. */
export function resolveNetwork(check: Checker, path: string, parsed: ParsedNetwork, raw: unknown, ctx: NetworkContext): NetworkAccess {
    const { consumerNamespaces, consumerCidrs } = parsed;
    const rawNetwork = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    if (consumerNamespaces.includes(ctx.namespace))
        check.fail(
            `${path}.consumerNamespaces`,
            ctx.namespace,
            "namespaces other than the Sidecar's own: its default deny blocks every other pod there, so run information systems in their own namespace",
        );
    if (consumerCidrs.includes("0.0.0.0/0"))
        check.fail(
            `${path}.consumerCidrs`,
            "0.0.0.0/0",
            "the networks of your information systems: the consumer ports are internal (NIIS table)",
        );

    const consumerLoadBalancer = {
        enabled: parsed.consumerLoadBalancer.enabled ?? consumerCidrs.length > 0,
        annotations: parsed.consumerLoadBalancer.annotations,
    };
    if (consumerLoadBalancer.enabled && consumerCidrs.length === 0)
        check.fail(
            `${path}.consumerLoadBalancer.enabled`,
            true,
            `false unless ${check.key(`${path}.consumerCidrs`)} lists who may use it (in-cluster consumers use the ClusterIP Service)`,
        );
    if (
        consumerLoadBalancer.enabled &&
        consumerCidrs.length > 0 &&
        !ctx.internalLoadBalancerAnnotationsKnown &&
        Object.keys(consumerLoadBalancer.annotations).length === 0
    )
        check.fail(
            `${path}.consumerLoadBalancer.annotations`,
            (rawNetwork.consumerLoadBalancer as Record<string, unknown> | undefined)?.annotations,
            "the annotations that make your cluster's load balancer internal (target existing has no cloud defaults); without them it may be Internet-facing",
        );

    const acmeChallenge = parsed.acmeChallenge ?? (ctx.variant === "fi" && ctx.topology === "single");
    if (acmeChallenge && ctx.topology !== "single")
        check.fail(
            `${path}.acmeChallenge`,
            true,
            "false for the primary-secondaries topology: the HTTP-01 listener is the primary's admin side (proxy-ui-api), which guide §5.1 isolates (SSH from the secondaries only); order ACME certificates on a single-pod instance or with DNS-01",
        );
    if (acmeChallenge && ctx.variant !== "fi")
        check.fail(
            `${path}.acmeChallenge`,
            true,
            "false unless the variant is fi: only its image listens for HTTP-01 challenges on port 80 and may bind it (xroad-facts §2)",
        );

    const rawProducers = Array.isArray(rawNetwork.producers) ? rawNetwork.producers : [];
    const network: NetworkAccess = {
        ...parsed,
        consumerLoadBalancer,
        ocspTsaPorts: [...new Set(parsed.ocspTsaPorts)],
        producers: parsed.producers.map((p, i) => resolveProducer(check, `${path}.producers[${i}]`, p, rawProducers[i], i, ctx)),
        acmeChallenge,
    };
    const names = new Map<string, number>();
    network.producers.forEach((p, i) => {
        if (names.has(p.name))
            check.fail(`${path}.producers[${i}].name`, p.name, `a name not already used by producers[${names.get(p.name)}]`);
        names.set(p.name, i);
    });
    if (ctx.production && consumerNamespaces.length === 0 && consumerCidrs.length === 0 && network.producers.length === 0)
        check.fail(
            path,
            raw,
            "at least one consumer (consumerNamespaces or consumerCidrs) or producer (producers) in a production environment: every other port is closed by default deny, so without them no information system can call this Security Server and it can call no backend, and it carries no X-Road traffic",
        );
    return network;
}
